import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** An appliance the new secret is assigned to. */
export class SecretAssigneeDto {
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  @IsString()
  @Length(1, 256)
  id!: string;
}
