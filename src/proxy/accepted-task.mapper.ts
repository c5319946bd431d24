import { headerValue } from 'src/common/http/transport-error.util';
import { AcceptedTaskResponseDto } from 'src/proxy/dto/accepted-task-response.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Only used to parse relative Locations; never contacted
const PLACEHOLDER_ORIGIN = 'http://location.invalid';

/** The gateway route of a task: `/v1/regions/{region}/tasks/{taskId}`. */
export function taskUrlFor(region: string, taskId: string): string {
  return `/v1/regions/${encodeURIComponent(region)}/tasks/${encodeURIComponent(taskId)}`;
}

/**
 * The task id of a GreenLake Location: its last path segment when that is a UUID (what HPE's own
 * clients do with `path.Base(Location)`); undefined otherwise.
 */
export function taskIdOfLocation(location: string): string | undefined {
  let pathname: string;
  try {
    pathname = new URL(location, PLACEHOLDER_ORIGIN).pathname;
  } catch {
    return undefined;
  }
  const last = pathname.replace(/\/+$/, '').split('/').pop() ?? '';
  return UUID.test(last) ? last.toLowerCase() : undefined;
}

/**
 * For any upstream answer (pass-through or resource route): when it is a `202` whose Location names
 * a task, what the gateway answers instead, `202 {taskId, taskUrl, callbacksUrl, upstreamLocation}` with
 * `Location: taskUrl`. Undefined for every other answer.
 *
 * @param region canonical region name, used in the gateway's task URL
 */
export function acceptedTaskOf(
  status: number,
  headers: Record<string, unknown>,
  region: string,
): AcceptedTaskResponseDto | undefined {
  if (status !== 202) {
    return undefined;
  }
  const location = headerValue(headers, 'location');
  const taskId = location === undefined ? undefined : taskIdOfLocation(location);
  if (location === undefined || taskId === undefined) {
    return undefined;
  }
  const taskUrl = taskUrlFor(region, taskId);
  return { taskId, taskUrl, callbacksUrl: `${taskUrl}/callbacks`, upstreamLocation: location };
}
