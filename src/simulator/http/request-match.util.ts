import type { RequestMatch } from 'src/simulator/simulator-api.type';

/** What a control rule or a log query can match on. */
export interface RequestFacts {
  target: 'token' | 'data';
  region?: string;
  method: string;
  path: string;
}

export function matchesRequest(match: RequestMatch | undefined, facts: RequestFacts): boolean {
  if (!match) {
    return true;
  }
  return (
    (match.target === undefined || match.target === facts.target) &&
    (match.region === undefined || match.region === facts.region) &&
    (match.method === undefined || match.method.toUpperCase() === facts.method.toUpperCase()) &&
    (match.pathPrefix === undefined || facts.path.startsWith(match.pathPrefix))
  );
}

export function sameMatch(a: RequestMatch | undefined, b: RequestMatch | undefined): boolean {
  return (
    a?.target === b?.target &&
    a?.region === b?.region &&
    a?.method?.toUpperCase() === b?.method?.toUpperCase() &&
    a?.pathPrefix === b?.pathPrefix
  );
}
