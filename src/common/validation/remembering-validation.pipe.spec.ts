import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max } from 'class-validator';
import { RememberingValidationPipe } from './remembering-validation.pipe';

class PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Max(100)
  limit?: number;

  @IsOptional()
  @IsString()
  sort?: string;
}

class OtherQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  limit?: number;
}

const pipe = () =>
  new RememberingValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });
const query = (metatype: new () => object) => ({ type: 'query' as const, metatype });

describe('RememberingValidationPipe', () => {
  it('answers the same query string with the same frozen DTO', async () => {
    const validation = pipe();
    const first = await validation.transform({ limit: '10', sort: 'name' }, query(PageQuery));
    const second = await validation.transform({ limit: '10', sort: 'name' }, query(PageQuery));
    expect(first).toBeInstanceOf(PageQuery);
    expect(first).toEqual({ limit: 10, sort: 'name' });
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('keeps different inputs and different DTO classes apart', async () => {
    const validation = pipe();
    const ten = await validation.transform({ limit: '10' }, query(PageQuery));
    const eleven = await validation.transform({ limit: '11' }, query(PageQuery));
    const other = await validation.transform({ limit: '10' }, query(OtherQuery));
    expect(eleven).toEqual({ limit: 11 });
    expect(other).toBeInstanceOf(OtherQuery);
    expect(other).not.toBe(ten);
  });

  it('refuses bad input every time, with its messages, and never remembers it', async () => {
    const validation = pipe();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await expect(validation.transform({ limit: '500' }, query(PageQuery))).rejects.toThrow(
        BadRequestException,
      );
      await expect(validation.transform({ bogus: '1' }, query(PageQuery))).rejects.toThrow(
        BadRequestException,
      );
    }
  });

  it('validates bodies every time, into DTOs of their own', async () => {
    const validation = pipe();
    const metadata = { type: 'body' as const, metatype: PageQuery };
    const first = await validation.transform({ limit: 10 }, metadata);
    const second = await validation.transform({ limit: 10 }, metadata);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(false);
  });
});
