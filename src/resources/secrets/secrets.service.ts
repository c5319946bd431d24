import { Injectable } from '@nestjs/common';
import { DataServicesClient } from 'src/resources/data-services/data-services.client';
import { invalidRequest } from 'src/resources/data-services/invalid-request.util';
import { eq, FriendlyFilterTable } from 'src/catalog/odata-filter.util';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import type { ListWire } from 'src/upstream/wire/list.wire';
import type { SecretWire } from 'src/upstream/wire/secret.wire';
import { CreateSecretDto } from './dto/create-secret.dto';
import { ListSecretsQueryDto } from './dto/list-secrets-query.dto';
import { UpdateSecretDto } from './dto/update-secret.dto';
import { toSecretCreateWire, toSecretPatchWire, toSecretResponse } from './secrets.mapper';

const SECRET_FILTERS: FriendlyFilterTable<ListSecretsQueryDto> = {
  name: (value) => eq('name', value),
  service: (value) => eq('service', value),
  classifier: (value) => eq('classifier', value),
  subclassifier: (value) => eq('subclassifier', value),
};

export interface CreatedSecret {
  secret: SecretWire;
  /** The gateway's own URL of the new secret. */
  location: string;
}

/** Secrets: values go to GreenLake on create and update, and are never returned or logged. */
@Injectable()
export class SecretsService {
  constructor(private readonly dataServices: DataServicesClient) {}

  async listSecrets(call: UpstreamCall, query: ListSecretsQueryDto): Promise<ListWire<SecretWire>> {
    const list = await this.dataServices.list<SecretWire>('secrets', call, query, SECRET_FILTERS);
    return { ...list, items: list.items.map(toSecretResponse) };
  }

  async getSecret(call: UpstreamCall, secretId: string): Promise<SecretWire> {
    return toSecretResponse(await this.dataServices.get<SecretWire>('secrets', call, secretId));
  }

  async createSecret(call: UpstreamCall, body: CreateSecretDto): Promise<CreatedSecret> {
    const response = await this.dataServices.request<SecretWire>('secrets', call, {
      method: 'POST',
      body: toSecretCreateWire(body),
      contentType: 'application/json',
    });
    const secret = toSecretResponse(response.data);
    const location = `/v1/regions/${call.region.name}/secrets/${encodeURIComponent(secret.id)}`;
    return { secret, location };
  }

  async updateSecret(
    call: UpstreamCall,
    secretId: string,
    body: UpdateSecretDto,
  ): Promise<SecretWire> {
    const patch = toSecretPatchWire(body);
    if (Object.keys(patch).length === 0) {
      throw invalidRequest('give at least one of secret, description or groups');
    }
    return toSecretResponse(
      await this.dataServices.patch<SecretWire>('secrets', call, secretId, patch),
    );
  }

  async deleteSecret(call: UpstreamCall, secretId: string, safe?: boolean): Promise<void> {
    await this.dataServices.request<unknown>('secrets', call, {
      method: 'DELETE',
      subPath: encodeURIComponent(secretId),
      query: safe === undefined ? undefined : { safe: String(safe) },
    });
  }
}
