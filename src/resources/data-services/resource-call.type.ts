import type { Caller } from 'src/common/access/caller.type';

/** Who asks, in which region, under which request id: what every upstream call carries. */
export interface ResourceCall {
  caller: Caller;
  region: string;
  requestId: string;
}
