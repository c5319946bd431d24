import { DynamicModule, Global, Module } from '@nestjs/common';
import { GatewayConfig } from './gateway-config.type';

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

/**
 * Holds the configuration parsed once in main.ts (or the test helper). We do not use
 * @nestjs/config: the config must be validated, and the embedded simulator started, before Nest
 * boots, so that a bad value exits with clean lines and the simulator's ports are known.
 */
@Global()
@Module({})
export class GatewayConfigModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayConfigModule,
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }],
      exports: [GATEWAY_CONFIG],
    };
  }
}
