import type { ErrorResponder } from 'src/simulator/listeners/listener-hooks';
import type { SimulatorState } from 'src/simulator/simulator-state';
import { errorBody, vocabularyForPath } from './error-envelope';
import { pathOf } from './request-context';

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
