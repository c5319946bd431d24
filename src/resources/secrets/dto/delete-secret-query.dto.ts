import { BooleanQuery } from 'src/resources/data-services/list-query.decorators';

export class DeleteSecretQueryDto {
  @BooleanQuery(
    'Refuse (409) when a service has delete-locked the secret; without it the secret is removed regardless',
  )
  safe?: boolean;
}
