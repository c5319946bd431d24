import {
  applyDecorators,
  Controller,
  Delete,
  Get,
  Patch,
  Post,
  Put,
  Req,
  Res,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiGatewayErrors,
  ERROR_EXAMPLES,
  type RouteErrorDocs,
} from 'src/common/decorators/api-gateway-errors.decorator';
import { GatewayErrorCode } from 'src/common/errors/gateway-error-code.enum';
import { Readable } from 'node:stream';
import { ResolvedCall } from 'src/regions/resolved-call.decorator';
import type { UpstreamCall } from 'src/regions/upstream-call.type';
import { AcceptedTaskResponseDto } from 'src/proxy/dto/accepted-task-response.dto';
import { PASS_THROUGH_BODY } from './pass-through-body.util';
import { ProxyAnswer, ProxyService } from './proxy.service';
import { SWAGGER_QUERY_PARAM } from './proxy-path.util';
import { PROXY_ROUTE } from './proxy-route';

const DESCRIPTION = `Forwards the call to the same path on the region's GreenLake host (virtualization,
backup-recovery, private-cloud-business, block-storage, data-services, ...) with the gateway's token.
Method, query string, body and Content-Type are passed on unchanged; so are Accept and the conditional
headers (If-Match, If-None-Match, ...). Your X-API-Key, Authorization and cookies never are.

The answer is streamed back with its status and the safe headers only (content-type, content-length,
etag, last-modified, location, cache-control, retry-after, deprecation, sunset, link; GreenLake's
\`ratelimit-*\` as \`x-greenlake-ratelimit-*\`, so that they never hide your own \`RateLimit-*\`
at the gateway).
A \`202\` whose Location names a GreenLake task becomes \`202 {taskId, taskUrl, callbacksUrl, upstreamLocation}\`
with \`Location\` set to the gateway's task route (follow it with \`/wait\` or \`/events\`, or POST \`{url}\` to \`callbacksUrl\`).
GreenLake errors become the gateway's error shape, never GreenLake's own body.

The path must stay on the region's host: dot segments, encoded slashes, dots or backslashes (also
double-encoded), empty segments and absolute URLs are refused with 400 VALIDATION_FAILED.`;

const WITH_BODY =
  'POST, PUT and PATCH forward their body byte for byte, whatever its content type.';

const DOT_SEGMENTS = 'dot segments ("." and "..") are not allowed';

/** A refused path, or GreenLake's own 400, 409 and 412 relayed in the gateway's error shape. */
const PASS_THROUGH_ERRORS: RouteErrorDocs = {
  400: {
    examples: [
      {
        code: GatewayErrorCode.VALIDATION_FAILED,
        message: `Pass-through path refused: ${DOT_SEGMENTS}`,
        details: { reason: DOT_SEGMENTS },
      },
      ERROR_EXAMPLES.upstreamRejected,
    ],
  },
  409: { description: 'GreenLake reported a conflict (CONFLICT)' },
  412: { description: 'GreenLake precondition failed (PRECONDITION_FAILED)' },
};

/** Swagger for one method of the pass-through route. */
function PassThrough(method: string, summary: string): MethodDecorator {
  const withBody = ['POST', 'PUT', 'PATCH'].includes(method);
  return applyDecorators(
    RouteConfig({ [PASS_THROUGH_BODY]: true }),
    ApiOperation({
      summary,
      description: withBody ? `${DESCRIPTION}\n\n${WITH_BODY}` : DESCRIPTION,
    }),
    ApiParam({
      name: 'path',
      description:
        'The GreenLake path, e.g. virtualization/v1beta1/virtual-machines. Swagger UI sends its "/" as %2F: a path sent as one such segment has %2F decoded once, then meets the same checks as any other',
      example: 'virtualization/v1beta1/virtual-machines',
    }),
    ApiQuery({
      name: SWAGGER_QUERY_PARAM,
      required: false,
      description:
        "For Swagger UI: GreenLake's whole query string (e.g. `limit=5&filter=name eq 'x'`), sent as it is. Other clients just add GreenLake's parameters to the URL; this one must then come alone (its hyphenated name is never one of GreenLake's)",
      schema: { type: 'string' },
    }),
    ApiOkResponse({ description: "GreenLake's answer (any 1xx-3xx), streamed" }),
    ApiGatewayErrors(PASS_THROUGH_ERRORS),
    ApiAcceptedResponse({
      type: AcceptedTaskResponseDto,
      description: 'GreenLake accepted the work: follow the task (Location header)',
    }),
    ...(withBody
      ? [
          ApiBody({
            required: false,
            description: 'Any body, sent to GreenLake as it is',
            schema: { type: 'object', example: { name: 'my-vm' } },
          }),
        ]
      : []),
  );
}

@ApiTags('Pass-through')
@ApiSecurity('api-key')
@ApiGatewayErrors()
@Controller(PROXY_ROUTE)
export class ProxyController {
  constructor(private readonly proxy: ProxyService) {}

  private async answer(reply: FastifyReply, forwarded: Promise<ProxyAnswer>): Promise<void> {
    const { status, headers, body } = await forwarded;
    void reply.status(status).headers(headers);
    if (body !== undefined && !(body instanceof Readable) && typeof body !== 'string') {
      void reply.type('application/json; charset=utf-8');
    }
    await reply.send(body);
  }

  @Get('*')
  @PassThrough('GET', 'GET any GreenLake path of the region (HEAD too)')
  proxyGetRequest(
    @ResolvedCall() call: UpstreamCall,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.answer(reply, this.proxy.forward(call, request));
  }

  @Post('*')
  @PassThrough('POST', 'POST to any GreenLake path of the region')
  proxyPostRequest(
    @ResolvedCall() call: UpstreamCall,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.answer(reply, this.proxy.forward(call, request));
  }

  @Put('*')
  @PassThrough('PUT', 'PUT to any GreenLake path of the region')
  proxyPutRequest(
    @ResolvedCall() call: UpstreamCall,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.answer(reply, this.proxy.forward(call, request));
  }

  @Patch('*')
  @PassThrough('PATCH', 'PATCH any GreenLake path of the region')
  proxyPatchRequest(
    @ResolvedCall() call: UpstreamCall,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.answer(reply, this.proxy.forward(call, request));
  }

  @Delete('*')
  @PassThrough('DELETE', 'DELETE any GreenLake path of the region')
  proxyDeleteRequest(
    @ResolvedCall() call: UpstreamCall,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.answer(reply, this.proxy.forward(call, request));
  }
}
