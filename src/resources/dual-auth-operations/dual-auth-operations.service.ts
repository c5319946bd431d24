import { Injectable } from '@nestjs/common';
import { DataServicesClient } from 'src/resources/data-services/data-services.client';
import { eq, FriendlyFilterTable } from 'src/catalog/odata-filter.util';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import type {
  DualAuthOperationPatchWire,
  DualAuthOperationWire,
} from 'src/upstream/wire/dual-auth-operation.wire';
import type { ListWire } from 'src/upstream/wire/list.wire';
import { ListDualAuthOperationsQueryDto } from './dto/list-dual-auth-operations-query.dto';
import { UpdateDualAuthOperationDto } from './dto/update-dual-auth-operation.dto';

const DUAL_AUTH_FILTERS: FriendlyFilterTable<ListDualAuthOperationsQueryDto> = {
  state: (value) => eq('state', value),
  requestedByEmail: (value) => eq('requestedByEmail', value),
};

@Injectable()
export class DualAuthOperationsService {
  constructor(private readonly dataServices: DataServicesClient) {}

  listDualAuthOperations(
    call: UpstreamCall,
    query: ListDualAuthOperationsQueryDto,
  ): Promise<ListWire<DualAuthOperationWire>> {
    return this.dataServices.list<DualAuthOperationWire>(
      'dual-auth-operations',
      call,
      query,
      DUAL_AUTH_FILTERS,
    );
  }

  getDualAuthOperation(call: UpstreamCall, operationId: string): Promise<DualAuthOperationWire> {
    return this.dataServices.get<DualAuthOperationWire>('dual-auth-operations', call, operationId);
  }

  updateDualAuthOperation(
    call: UpstreamCall,
    operationId: string,
    update: UpdateDualAuthOperationDto,
  ): Promise<DualAuthOperationWire> {
    const patch: DualAuthOperationPatchWire = { state: update.state };
    return this.dataServices.patch<DualAuthOperationWire>(
      'dual-auth-operations',
      call,
      operationId,
      patch,
    );
  }
}
