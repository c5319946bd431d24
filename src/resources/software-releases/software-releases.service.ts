import { Injectable } from '@nestjs/common';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { DataServicesClient } from 'src/resources/data-services/data-services.client';
import { eq, FriendlyFilterTable } from 'src/catalog/odata-filter.util';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import type { ListWire } from 'src/upstream/wire/list.wire';
import type {
  SoftwareReleaseDownloadWire,
  SoftwareReleaseWire,
} from 'src/upstream/wire/software-release.wire';
import { ListSoftwareReleasesQueryDto } from './dto/list-software-releases-query.dto';
import { ReleaseFile } from './dto/download-software-release.dto';

const RELEASE_DENIED = 'HPE_GL_DATA_SERVICES_RELEASE_DENIED';

const RELEASE_FILTERS: FriendlyFilterTable<ListSoftwareReleasesQueryDto> = {
  softwareComponentId: (value) => eq('softwareComponent/id', value),
  version: (value) => eq('version', value),
};

/** What GreenLake answered to a download: a 303 to the file, or (rarely) the 200 body itself. */
export type DownloadResult = { redirect: string } | { body: unknown };

@Injectable()
export class SoftwareReleasesService {
  constructor(private readonly dataServices: DataServicesClient) {}

  listSoftwareReleases(
    call: UpstreamCall,
    query: ListSoftwareReleasesQueryDto,
  ): Promise<ListWire<SoftwareReleaseWire>> {
    return this.dataServices.list<SoftwareReleaseWire>(
      'software-releases',
      call,
      query,
      RELEASE_FILTERS,
    );
  }

  getSoftwareRelease(
    call: UpstreamCall,
    releaseId: string,
    fields?: string,
  ): Promise<SoftwareReleaseWire> {
    return this.dataServices.get<SoftwareReleaseWire>('software-releases', call, releaseId, fields);
  }

  /** The upstream client never follows redirects, so GreenLake's 303 arrives here as it is. */
  async downloadSoftwareRelease(
    call: UpstreamCall,
    releaseId: string,
    file: ReleaseFile,
  ): Promise<DownloadResult> {
    const body: SoftwareReleaseDownloadWire = { file };
    const response = await this.dataServices
      .request<unknown>('software-releases', call, {
        method: 'POST',
        subPath: `${encodeURIComponent(releaseId)}/download`,
        body,
        contentType: 'application/json',
        readOnly: true,
      })
      .catch((error: unknown) => {
        throw releaseDenied(error) ?? error;
      });
    if (response.status < 300 || response.status >= 400) {
      return { body: response.data };
    }
    const location = response.headers.location;
    if (typeof location !== 'string' || location === '') {
      throw new GatewayError(
        GatewayErrorCode.UPSTREAM_ERROR,
        `GreenLake (${call.region.name}) answered ${response.status} to a release download without a Location`,
      );
    }
    return { redirect: location };
  }
}

/**
 * GreenLake's 403 RELEASE_DENIED is about the release, not our credentials (which the generic
 * 403 mapping assumes): the caller asked for something GreenLake will not give, a 400.
 */
function releaseDenied(error: unknown): GatewayError | undefined {
  if (!(error instanceof GatewayError) || error.upstream?.errorCode !== RELEASE_DENIED) {
    return undefined;
  }
  return new GatewayError(
    GatewayErrorCode.UPSTREAM_REJECTED,
    `GreenLake does not allow downloading this release (${RELEASE_DENIED})`,
    { upstream: error.upstream },
  );
}
