import { DECORATORS } from '@nestjs/swagger';
import {
  ApiGatewayErrors,
  type ErrorExample,
} from 'src/common/decorators/api-gateway-errors.decorator';
import { ApiResourceOperation } from './api-resource-operation.decorator';

function messagesOf400(route: object): string[] {
  const responses = Reflect.getMetadata(DECORATORS.API_RESPONSE, route) as
    | Record<
        string,
        { content: Record<string, { examples?: Record<string, { value: ErrorExample }> }> }
      >
    | undefined;
  const examples = responses?.['400']?.content['application/json'].examples ?? {};
  return Object.values(examples).map((example) => example.value.message);
}

describe(`${ApiResourceOperation.name}: the 400 of a list`, () => {
  it("gives a list route a 400 about the resource's own limit, and GreenLake's refusal of a filter", () => {
    class Controller {
      @ApiResourceOperation({ resource: 'issues', list: true, summary: 'List issues' })
      list(): void {}
    }
    expect(messagesOf400(Controller.prototype.list)).toEqual([
      'Invalid request: limit must not be greater than 100 (the GreenLake maximum for issues)',
      expect.stringContaining('GreenLake rejected the request: Invalid filter'),
    ]);
  });

  it('says the filter length of a list that is not paged', () => {
    class Controller {
      @ApiResourceOperation({ resource: 'storage-locations', list: true, summary: 'List' })
      list(): void {}
    }
    expect(messagesOf400(Controller.prototype.list)[0]).toBe(
      'Invalid request: filter must be at most 1000 characters',
    );
  });

  it('leaves the 400 a list route declares itself, above or below it', () => {
    class Controller {
      @ApiGatewayErrors({ 400: 'above' })
      @ApiResourceOperation({ resource: 'tags', list: true, summary: 'List' })
      above(): void {}

      @ApiResourceOperation({ resource: 'tags', list: true, summary: 'List' })
      @ApiGatewayErrors({ 400: 'below' })
      below(): void {}
    }
    expect(messagesOf400(Controller.prototype.above)[0]).toBe('Invalid request: above');
    expect(messagesOf400(Controller.prototype.below)[0]).toBe('Invalid request: below');
  });

  it('adds no 400 to a route that is not a list', () => {
    class Controller {
      @ApiResourceOperation({ resource: 'tags', summary: 'Get one' })
      get(): void {}
    }
    expect(Reflect.getMetadata(DECORATORS.API_RESPONSE, Controller.prototype.get)).toBeUndefined();
  });
});
