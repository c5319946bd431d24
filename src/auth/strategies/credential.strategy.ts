import type { IncomingHttpHeaders } from 'node:http';
import type { Strategy } from 'passport';
import { Caller } from 'src/common/access/caller.type';
import { GatewayError } from 'src/common/errors/gateway-error';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';

/** What a strategy finds in a request: its kind of credential, a reason to refuse, or nothing. */
export interface Extracted {
  credential?: string;
  problem?: string;
}

/**
 * A passport strategy for a credential in a header. Passport copies it per request and adds
 * success/fail/error: `fail(reason)` lets passport try the next strategy and hands the reasons to
 * the guard; `error()` is for what is not the caller's fault (e.g. an unreachable identity provider).
 */
export abstract class CredentialStrategy implements Strategy {
  abstract readonly name: string;

  declare success: (caller: Caller) => void;
  declare fail: (challenge?: string, status?: number) => void;
  declare error: (error: unknown) => void;

  /** The failure reason when `validate` finds no caller. */
  protected abstract readonly rejectMessage: string;

  protected abstract extract(headers: IncomingHttpHeaders): Extracted;

  protected abstract validate(credential: string): Promise<Caller | false> | Caller | false;

  authenticate(request: { headers: IncomingHttpHeaders }): void {
    const { credential, problem } = this.extract(request.headers);
    if (credential === undefined) {
      this.fail(problem, 401);
      return;
    }
    Promise.resolve()
      .then(() => this.validate(credential))
      .then(
        (caller) => (caller ? this.success(caller) : this.fail(this.rejectMessage, 401)),
        (error: unknown) =>
          error instanceof GatewayError && error.code === GatewayErrorCode.UNAUTHENTICATED
            ? this.fail(error.message, 401)
            : this.error(error),
      );
  }
}
