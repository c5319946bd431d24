import { ApiProperty } from '@nestjs/swagger';

/** What a caller gets instead of GreenLake's bare `202` + `Location`: where to follow the work. */
export class AcceptedTaskResponseDto {
  @ApiProperty({
    format: 'uuid',
    example: '8e594a77-3809-4620-be52-74270abdf60b',
    description:
      "The GreenLake async-operation (task) id, the last segment of GreenLake's Location",
  })
  taskId!: string;

  @ApiProperty({
    example: '/v1/regions/us-west/tasks/8e594a77-3809-4620-be52-74270abdf60b',
    description:
      'The gateway route of the task (also the Location header); add /wait to long-poll or /events for Server-Sent Events',
  })
  taskUrl!: string;

  @ApiProperty({
    example: '/v1/regions/us-west/tasks/8e594a77-3809-4620-be52-74270abdf60b/callbacks',
    description:
      'POST `{url}` here to be called back when the task ends (hosts in GATEWAY_CALLBACK_HOSTS)',
  })
  callbacksUrl!: string;

  @ApiProperty({
    example: '/data-services/v1beta1/async-operations/8e594a77-3809-4620-be52-74270abdf60b',
    description: 'The Location GreenLake answered, unchanged',
  })
  upstreamLocation!: string;
}
