import { HttpModule } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { ProfileRegistry } from './profile-registry.service';
import { TokenEndpointClient } from './token-endpoint.client';
import { TokenService } from './token.service';

@Module({
  imports: [HttpModule],
  providers: [ProfileRegistry, TokenEndpointClient, TokenService],
  exports: [ProfileRegistry, TokenService],
})
export class CredentialsModule {}
