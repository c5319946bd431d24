import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import {
  FieldsQuery,
  FilterValueQuery,
  LimitQuery,
  RawFilterQuery,
  SortQuery,
} from 'src/resources/data-services/list-query.decorators';
import { PagedListQueryDto } from 'src/resources/data-services/paged-list-query.dto';

export class ListSoftwareReleasesQueryDto extends PagedListQueryDto {
  @LimitQuery('software-releases')
  limit?: number;

  @SortQuery('software-releases')
  sort?: string;

  @FieldsQuery('software-releases')
  fields?: string;

  @RawFilterQuery('software-releases', "version in ('1.0.0','1.1.0')")
  filter?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    example: '5a1f8c2e-3b4d-4f6a-8c9e-0d1e2f3a4b5c',
    description: "Releases of this software component: `softwareComponent/id eq '<id>'`",
  })
  @IsUUID('all', { message: 'softwareComponentId must be a UUID' })
  @IsOptional()
  softwareComponentId?: string;

  @FilterValueQuery("The release with this version: `version eq '<version>'`", '2.4.1')
  version?: string;
}
