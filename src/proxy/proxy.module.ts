import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { CacheModule } from 'src/cache/cache.module';
import { UpstreamModule } from 'src/upstream/upstream.module';
import { CachedPassThrough } from './cached-pass-through.service';
import { registerPassThroughBodies } from './pass-through-body.util';
import { ProxyController } from './proxy.controller';
import { ProxyService } from './proxy.service';

@Module({
  imports: [UpstreamModule, CacheModule],
  controllers: [ProxyController],
  providers: [ProxyService, CachedPassThrough],
})
export class ProxyModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  // The pass-through forwards bodies of any content type, byte for byte
  onModuleInit(): void {
    registerPassThroughBodies(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }
}
