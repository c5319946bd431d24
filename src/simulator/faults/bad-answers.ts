import type { FastifyReply } from 'fastify';
import { matchesRequest, type RequestFacts } from 'src/simulator/http/request-match.util';
import type { BadAnswer, RequestMatch } from 'src/simulator/simulator-api.type';

interface BadAnswerRule {
  remaining: number;
  answer: BadAnswer;
  match?: RequestMatch;
}

const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The proxy could not reach the origin.</p></body></html>';
const BROKEN_JSON = '{"items":[{"id":"a1","name":"half an obj';
// What a drip sends: a valid, small list (a reader that waits long enough gets all of it)
const DRIP_BODY = JSON.stringify({ items: [], count: 0, offset: 0, total: 0 });
const JSON_TYPE = 'application/json; charset=utf-8';

/** The bad 200s set by tests (answerBadlyNext), and the slow drips still being written. */
export class BadAnswers {
  private rules: BadAnswerRule[] = [];
  private drips = 0;

  add(count: number, answer: BadAnswer, match?: RequestMatch): void {
    if (count > 0) {
      this.rules.push({ remaining: count, answer, match });
    }
  }

  /** Consumes one answer of the first matching rule. */
  take(facts: RequestFacts): BadAnswer | undefined {
    const rule = this.rules.find((candidate) => matchesRequest(candidate.match, facts));
    if (!rule) {
      return undefined;
    }
    rule.remaining -= 1;
    if (rule.remaining <= 0) {
      this.rules = this.rules.filter((candidate) => candidate !== rule);
    }
    return rule.answer;
  }

  get openDrips(): number {
    return this.drips;
  }

  /** Answers the request with the bad body (hijacking the reply for a slow drip). */
  send(reply: FastifyReply, answer: BadAnswer, onDone: () => void): void {
    switch (answer.kind) {
      case 'html':
        void reply.code(200).type('text/html; charset=utf-8').send(HTML_PAGE);
        return;
      case 'broken-json':
        void reply.code(200).type(JSON_TYPE).send(BROKEN_JSON);
        return;
      case 'json':
        void reply.code(200).type(JSON_TYPE).send(JSON.stringify(answer.body));
        return;
      case 'huge':
        void reply.code(200).type(JSON_TYPE).send(paddedList(answer.bytes));
        return;
      case 'slow-drip':
        this.drip(reply, answer.intervalMs, onDone);
        return;
    }
  }

  clear(): void {
    this.rules = [];
  }

  private drip(reply: FastifyReply, intervalMs: number, onDone: () => void): void {
    reply.hijack();
    const response = reply.raw;
    const headers: Record<string, string> = {
      'content-type': JSON_TYPE,
      'content-length': String(Buffer.byteLength(DRIP_BODY)),
    };
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (typeof value === 'string') {
        headers[name] = value;
      }
    }
    response.writeHead(200, headers);
    this.drips += 1;
    let sent = 0;
    const timer = setInterval(() => {
      if (response.destroyed || sent >= DRIP_BODY.length) {
        stop();
        return;
      }
      response.write(DRIP_BODY[sent]);
      sent += 1;
      if (sent === DRIP_BODY.length) {
        response.end();
        stop();
      }
    }, intervalMs);
    timer.unref();
    let stopped = false;
    const stop = () => {
      if (!stopped) {
        stopped = true;
        clearInterval(timer);
        this.drips -= 1;
        onDone();
      }
    };
    response.once('close', stop);
  }
}

/** A valid, empty list padded with a long string field to `bytes` bytes. */
function paddedList(bytes: number): string {
  const head = '{"items":[],"count":0,"offset":0,"total":0,"padding":"';
  const tail = '"}';
  return head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail;
}
