import { errorBody, vocabularyForPath } from './error-envelope';
import type { ErrorResponder } from './listener-hooks';
import { pathOf } from './request-context';
import type { SimulatorState } from './simulator-state';

/** Answers in GreenLake's error envelope (current or legacy), with the vocabulary of the path. */
export function envelopeResponder(state: SimulatorState): ErrorResponder {
  return (request, reply, status, message, kind) =>
    reply
      .code(status)
      .type('application/json; charset=utf-8')
      .send(
        errorBody(
          state.options.errorEnvelope,
          vocabularyForPath(pathOf(request.url)),
          status,
          message,
          kind,
        ),
      );
}
