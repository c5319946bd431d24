import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export const RELEASE_FILES = ['SOFTWARE', 'SIGNATURE'] as const;
export type ReleaseFile = (typeof RELEASE_FILES)[number];

export class DownloadSoftwareReleaseDto {
  @ApiProperty({ enum: RELEASE_FILES, example: 'SOFTWARE', description: 'Which file to download' })
  @IsIn(RELEASE_FILES, { message: `file must be one of ${RELEASE_FILES.join(', ')}` })
  file!: ReleaseFile;
}
