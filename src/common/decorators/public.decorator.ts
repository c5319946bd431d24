import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'gateway:isPublic';

/** The route needs no caller key (health, docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
