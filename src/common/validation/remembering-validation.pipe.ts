import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { deepFreeze } from 'src/common/deep-freeze.util';

/** Bounds what the pipe remembers: the sum of its keys' lengths (a key is a query's JSON). */
const REMEMBERED_CHARACTERS = 1024 * 1024;

/**
 * The global ValidationPipe, which remembers the DTOs it built for query strings and path
 * parameters: the same polling query validated again is the same answer, and class-validator plus
 * class-transformer were a tenth of a cache hit. Only valid input is remembered (a refusal is built
 * again, with its messages), and each DTO is deep-frozen, so no handler can change what the next
 * request gets. Bodies are validated every time: they are larger and rarely repeat.
 */
export class RememberingValidationPipe extends ValidationPipe {
  private readonly built = new LRUCache<string, object>({
    maxSize: REMEMBERED_CHARACTERS,
    sizeCalculation: (_dto, key) => key.length,
  });
  private readonly classIds = new Map<unknown, number>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const key = this.keyOf(value, metadata);
    if (key === undefined) {
      return super.transform(value, metadata);
    }
    const known = this.built.get(key);
    if (known) {
      return known;
    }
    // The key first: the pipe strips prototype keys from `value` in place
    const dto: unknown = await super.transform(value, metadata);
    if (dto !== null && typeof dto === 'object' && key.length <= REMEMBERED_CHARACTERS / 64) {
      this.built.set(key, deepFreeze(dto));
    }
    return dto;
  }

  /** Which DTO class and which input, for query strings and path parameters bound to a class. */
  private keyOf(value: unknown, metadata: ArgumentMetadata): string | undefined {
    const { type, metatype } = metadata;
    if ((type !== 'query' && type !== 'param') || !metatype || !this.toValidate(metadata)) {
      return undefined;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return undefined;
    }
    let id = this.classIds.get(metatype);
    if (id === undefined) {
      id = this.classIds.size;
      this.classIds.set(metatype, id);
    }
    return `${id}:${JSON.stringify(value)}`;
  }
}
