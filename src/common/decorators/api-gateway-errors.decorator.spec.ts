import { DECORATORS } from '@nestjs/swagger';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import {
  ApiGatewayErrors,
  ERROR_EXAMPLES,
  GATEWAY_ERROR_RESPONSES,
  validationErrorExample,
} from './api-gateway-errors.decorator';

interface DocumentedResponse {
  description: string;
  content: Record<
    string,
    {
      schema: { $ref: string };
      examples?: Record<string, { summary: string; value: Record<string, unknown> }>;
    }
  >;
}

function responsesOf(target: object): Record<string, DocumentedResponse> {
  return Reflect.getMetadata(DECORATORS.API_RESPONSE, target) as Record<string, DocumentedResponse>;
}

const examplesOf = (response: DocumentedResponse) =>
  response.content['application/json'].examples ?? {};

const messagesOf = (response: DocumentedResponse) =>
  Object.values(examplesOf(response)).map((example) => example.value.message);

describe(ApiGatewayErrors.name, () => {
  it('documents the usual set on a controller, each in the error shape as JSON', () => {
    @ApiGatewayErrors()
    class Controller {}
    const responses = responsesOf(Controller);
    expect(Object.keys(responses)).toEqual([
      '400',
      '401',
      '403',
      '404',
      '429',
      '502',
      '503',
      '504',
    ]);
    for (const response of Object.values(responses)) {
      expect(Object.keys(response.content)).toEqual(['application/json']);
      expect(response.content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/ErrorResponseDto',
      });
    }
    expect(responses['429'].description).toBe(GATEWAY_ERROR_RESPONSES[429].description);
  });

  it('documents the caller errors and the statuses named', () => {
    @ApiGatewayErrors(409)
    class Controller {}
    expect(Object.keys(responsesOf(Controller))).toEqual(['401', '403', '409', '429']);
  });

  it("turns a route's reasons into its examples, keeping the table's of other codes", () => {
    class Controller {
      @ApiGatewayErrors({
        400: ['taskId must be a UUID', 'timeoutSeconds must not be greater than 300'],
        409: 'A secret with this name exists',
      })
      route(): void {}
    }
    const responses = responsesOf(Controller.prototype.route);
    expect(Object.keys(responses)).toEqual(['400', '409']);
    expect(Object.keys(examplesOf(responses['400']))).toEqual([
      'VALIDATION_FAILED',
      'VALIDATION_FAILED_2',
      'UPSTREAM_REJECTED',
    ]);
    expect(examplesOf(responses['400']).VALIDATION_FAILED.value).toEqual({
      statusCode: 400,
      code: GatewayErrorCode.VALIDATION_FAILED,
      message: 'Invalid request: taskId must be a UUID',
      details: { errors: ['taskId must be a UUID'] },
      requestId: expect.any(String),
    });
    expect(responses['400'].description).toBe(GATEWAY_ERROR_RESPONSES[400].description);
    expect(responses['409'].description).toBe('A secret with this name exists (CONFLICT)');
    expect(messagesOf(responses['409'])).toEqual([
      'GreenLake reported a conflict: A secret with this name exists',
    ]);
    expect(examplesOf(responses['409']).CONFLICT.value.upstream).toMatchObject({ status: 409 });
  });

  it("shows only a route's own examples when it gives them, with its description or the table's", () => {
    class Controller {
      @ApiGatewayErrors({
        400: {
          description: 'Bad input (VALIDATION_FAILED)',
          examples: [validationErrorExample('profile must be a profile name')],
        },
        404: { examples: [ERROR_EXAMPLES.unknownRegion] },
        412: { description: 'GreenLake precondition failed (PRECONDITION_FAILED)' },
      })
      route(): void {}
    }
    const responses = responsesOf(Controller.prototype.route);
    expect(responses['400'].description).toBe('Bad input (VALIDATION_FAILED)');
    expect(messagesOf(responses['400'])).toEqual([
      'Invalid request: profile must be a profile name',
    ]);
    expect(responses['404'].description).toBe(GATEWAY_ERROR_RESPONSES[404].description);
    expect(Object.keys(examplesOf(responses['404']))).toEqual(['UNKNOWN_REGION']);
    expect(messagesOf(responses['412'])).toEqual(
      GATEWAY_ERROR_RESPONSES[412].examples.map((example) => example.message),
    );
  });

  it('replaces a status declared twice on the same route instead of merging the two', () => {
    class Controller {
      @ApiGatewayErrors({ 409: 'second' })
      @ApiGatewayErrors({ 409: 'first' })
      route(): void {}
    }
    const conflict = responsesOf(Controller.prototype.route)['409'];
    expect(conflict.description).toBe('second (CONFLICT)');
    expect(messagesOf(conflict)).toEqual(['GreenLake reported a conflict: second']);
  });

  it('refuses a bare reason for a status that has no wording for it', () => {
    expect(() => ApiGatewayErrors({ 404: 'No such thing' })).toThrow(/404 takes/);
  });
});
