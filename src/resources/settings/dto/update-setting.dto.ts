import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** Sent to GreenLake as a JSON merge patch. */
export class UpdateSettingDto {
  @ApiProperty({
    example: 'ENABLED',
    maxLength: 1024,
    description: "The new value: one of the setting's `possibleValues`",
  })
  @IsString()
  @MaxLength(1024)
  currentValue!: string;
}
