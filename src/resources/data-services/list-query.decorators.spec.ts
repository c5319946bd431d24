import { DECORATORS } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { RESOURCE_CATALOG } from 'src/catalog/resource-catalog';
import { FieldsQuery } from './list-query.decorators';

class TaskFields {
  @FieldsQuery('tasks')
  fields?: string;
}

class IssueFields {
  @FieldsQuery('issues')
  fields?: string;
}

const TASKS = RESOURCE_CATALOG.tasks.select!.properties.join(', ');

function messages(dto: new () => object, fields: unknown): string[] {
  return validateSync(plainToInstance(dto, { fields })).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );
}

describe(FieldsQuery.name, () => {
  it('accepts selectable properties, spaces around them, or no fields at all', () => {
    expect(messages(TaskFields, 'id,state')).toEqual([]);
    expect(messages(TaskFields, ' id , displayName ')).toEqual([]);
    expect(messages(TaskFields, undefined)).toEqual([]);
    expect(messages(IssueFields, 'body')).toEqual([]);
  });

  it('refuses a property the resource cannot select, naming the closest and the selectable ones', () => {
    expect(messages(TaskFields, 'id,nmae')).toEqual([
      `fields: unknown property 'nmae' (did you mean 'name'?); selectable: ${TASKS}`,
    ]);
    expect(messages(IssueFields, 'progressPercent')).toEqual([
      `fields: unknown property 'progressPercent'; selectable: ${RESOURCE_CATALOG.issues.select!.properties.join(', ')}`,
    ]);
  });

  it('gives a malformed list or a non-string only their own message', () => {
    expect(messages(TaskFields, 'parent/id')).toEqual([
      'fields must be property names separated by commas, e.g. id,name',
    ]);
    expect(messages(TaskFields, ['id', 'name'])).toEqual(
      expect.arrayContaining(['fields must be a string']),
    );
    expect(messages(TaskFields, ['id', 'name']).join()).not.toContain('unknown property');
  });

  it('names the selectable properties (and the always-added ones) in the Swagger description', () => {
    const descriptionOf = (dto: new () => object): string =>
      (
        Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, 'fields') as {
          description: string;
        }
      ).description;
    expect(descriptionOf(TaskFields)).toBe(
      "Properties to return, comma-separated (GreenLake's `select`; top-level only). " +
        `Selectable: ${TASKS}. Example: \`id,name,createdAt\``,
    );
    expect(descriptionOf(IssueFields)).toContain(
      'lastOccurredAt, customerId, createdAt, id, resourceUri, generation, type are always added (GreenLake requires them). Selectable: id, type, generation,',
    );
  });

  it('refuses a resource without select, as SortQuery does one without sort', () => {
    expect(() => FieldsQuery('tags')).toThrow('tags has no select');
  });
});
