import { Provider } from '@nestjs/common';
import passport from 'passport';
import { ApiKeyStrategy } from './strategies/api-key.strategy';
import { JwtStrategy } from './strategies/jwt.strategy';

export const PASSPORT = Symbol('PASSPORT');

export type PassportAuthenticator = InstanceType<typeof passport.Passport>;

/**
 * A passport instance per application, not the process-wide one: two gateways in one process
 * (tests run replicas side by side) must not replace each other's strategies.
 */
export const passportProvider: Provider = {
  provide: PASSPORT,
  inject: [ApiKeyStrategy, JwtStrategy],
  useFactory: (apiKey: ApiKeyStrategy, jwt: JwtStrategy): PassportAuthenticator => {
    const authenticator = new passport.Passport();
    authenticator.use(apiKey.name, apiKey);
    authenticator.use(jwt.name, jwt);
    return authenticator;
  },
};
