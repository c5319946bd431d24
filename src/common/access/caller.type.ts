import { CallerScope } from 'src/config/gateway-config.type';

export interface Caller {
  name: string;
  scopes: readonly CallerScope[];
  /** The credential profile the caller is bound to, if any. */
  profile?: string;
  via: 'api-key' | 'jwt' | 'auth-off';
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}
