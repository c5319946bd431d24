import { Controller, Get, HttpStatus, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from 'src/common/access/public.decorator';
import { LivenessResponseDto, ReadinessResponseDto } from './dto/health-response.dto';
import { HealthService } from './health.service';

@ApiTags('Health')
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiResponse({ status: 200, type: LivenessResponseDto })
  getLiveness(): LivenessResponseDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: a GreenLake token can be had for every profile (Redis down only degrades)',
  })
  @ApiResponse({ status: 200, type: ReadinessResponseDto, description: 'ok or degraded' })
  @ApiResponse({ status: 503, type: ReadinessResponseDto, description: 'a profile has no token' })
  async getReadiness(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReadinessResponseDto> {
    const report = await this.health.readiness();
    reply.status(report.status === 'error' ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    return report;
  }
}
