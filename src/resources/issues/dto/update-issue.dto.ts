import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Matches } from 'class-validator';

export const SNOOZE_PERIODS = ['NONE', 'DAY', 'WEEK', 'MONTH', 'INFINITE'] as const;
export type SnoozePeriod = (typeof SNOOZE_PERIODS)[number];

const GENERATION_MESSAGE =
  "generation must be the issue's current generation: a whole number or a string of digits";

/** Snoozes an issue (or, with NONE, wakes it); sent to GreenLake as a JSON merge patch. */
export class UpdateIssueDto {
  @ApiProperty({
    enum: SNOOZE_PERIODS,
    example: 'WEEK',
    description: 'How long to snooze the issue; NONE un-snoozes it',
  })
  @IsIn(SNOOZE_PERIODS, { message: `snoozedFor must be one of ${SNOOZE_PERIODS.join(', ')}` })
  snoozedFor!: SnoozePeriod;

  @ApiProperty({
    example: '3',
    description:
      "The issue's current `generation` (from GET); GreenLake answers 412 when it is stale. A number is accepted too.",
    oneOf: [
      { type: 'string', pattern: '^\\d+$' },
      { type: 'integer', minimum: 0 },
    ],
  })
  // GET returns generation as a number, GreenLake wants a string: accept both, send a string
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value,
  )
  @IsString({ message: GENERATION_MESSAGE })
  @Matches(/^\d{1,19}$/, { message: GENERATION_MESSAGE })
  generation!: string;
}
