import { FastifyAdapter } from '@nestjs/platform-fastify';
import { requestIdFor } from 'src/common/request-context/request-id.util';

/** Request bodies above this are refused with 413; GreenLake's own payloads are small JSON. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export function createFastifyAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    genReqId: requestIdFor,
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: true,
    logger: false,
  });
}
