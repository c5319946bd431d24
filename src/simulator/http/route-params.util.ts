import { SimulatedError } from 'src/simulator/faults/simulated-error';
import { isUuid } from './hash.util';

export interface IdParams {
  id: string;
}

/** Path ids are uuids in the spec; anything else is a 400 before the lookup. */
export function requireUuid(id: string, what: string): string {
  if (!isUuid(id)) {
    throw new SimulatedError('invalidParameter', `The ${what} id '${id}' is not a valid UUID`);
  }
  return id.toLowerCase();
}

export function notFound(what: string, id: string): SimulatedError {
  return new SimulatedError('notFound', `No ${what} with id '${id}' was found`);
}
