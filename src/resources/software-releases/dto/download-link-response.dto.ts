import { ApiProperty } from '@nestjs/swagger';

/** The body that goes with the 303: the same URL as the Location header. */
export class DownloadLinkResponseDto {
  @ApiProperty({ example: 'https://downloads.example.com/software-releases/dsc-2.4.1.ova?sig=...' })
  location!: string;
}
