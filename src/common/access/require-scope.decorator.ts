import { SetMetadata } from '@nestjs/common';
import { CallerScope } from 'src/config/gateway-config.type';

export const REQUIRED_SCOPE = 'gateway:requiredScope';

/** Overrides the scope a route needs (by default `read` for GET/HEAD and `write` otherwise). */
export const RequireScope = (scope: CallerScope): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_SCOPE, scope);
