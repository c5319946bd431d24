import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class CreateTaskCallbackDto {
  @ApiProperty({
    example: 'https://hooks.internal.example/greenlake-tasks',
    maxLength: 2048,
    description:
      'http or https, no credentials, and its host:port must be listed in GATEWAY_CALLBACK_HOSTS',
  })
  @IsString({ message: 'url must be a string' })
  @MaxLength(2048, { message: 'url must be at most 2048 characters' })
  url!: string;
}

export class TaskCallbackAcceptedDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Also sent as X-Gateway-Callback-Id with the callback',
  })
  callbackId!: string;
}
