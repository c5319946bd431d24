import { applyDecorators, SetMetadata } from '@nestjs/common';
import { RequireScope } from './require-scope.decorator';

export const IS_PUBLIC = 'gateway:isPublic';

/** What IS_PUBLIC holds: always public, or public unless GATEWAY_METRICS_PUBLIC=false. */
export type PublicMarker = true | 'metrics';

/** The route needs no caller key (health, docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/**
 * For `/metrics`: public by default; with GATEWAY_METRICS_PUBLIC=false it needs a caller with the
 * `admin` scope (operator data, and no other scope fits a scraper better).
 */
export const PublicMetrics = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, 'metrics' satisfies PublicMarker), RequireScope('admin'));
