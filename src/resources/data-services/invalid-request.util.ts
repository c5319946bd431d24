import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';

/** A 400 VALIDATION_FAILED in the same shape as the validation pipe's (details.errors). */
export function invalidRequest(...errors: string[]): GatewayError {
  return new GatewayError(
    GatewayErrorCode.VALIDATION_FAILED,
    `Invalid request: ${errors.join('; ')}`,
    {
      details: { errors },
    },
  );
}
