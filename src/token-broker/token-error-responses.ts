import {
  ERROR_EXAMPLES,
  type ErrorExample,
  type RouteErrorDocs,
  validationErrorExample,
} from 'src/common/decorators/api-gateway-errors.decorator';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';

const UNKNOWN_PROFILE: ErrorExample = {
  code: GatewayErrorCode.RESOURCE_NOT_FOUND,
  message: 'Unknown credential profile "team-b"',
  details: { knownProfiles: ['default'] },
};

/** `/v1/token`: its own input and profiles (the broker never relays a GreenLake 400 or 404). */
export const TOKEN_ERRORS: RouteErrorDocs = {
  400: {
    description: 'Bad input, e.g. a minTtlSeconds the issuer does not grant (VALIDATION_FAILED)',
    examples: [
      {
        code: GatewayErrorCode.VALIDATION_FAILED,
        message:
          'minTtlSeconds=7200 exceeds what the issuer grants (tokens of profile "default" live 3599 s)',
        details: { maxMinTtlSeconds: 3599 },
      },
      validationErrorExample('minTtlSeconds must not be greater than 86400'),
    ],
  },
  404: {
    description: 'Unknown region (UNKNOWN_REGION) or credential profile (RESOURCE_NOT_FOUND)',
    examples: [ERROR_EXAMPLES.unknownRegion, UNKNOWN_PROFILE],
  },
};

/** `/v1/admin/tokens/refresh` names a profile only. */
export const REFRESH_ERRORS: RouteErrorDocs = {
  400: {
    description: 'Bad input (VALIDATION_FAILED)',
    examples: [validationErrorExample('profile must be a profile name')],
  },
  404: {
    description: 'Unknown credential profile (RESOURCE_NOT_FOUND)',
    examples: [UNKNOWN_PROFILE],
  },
};
