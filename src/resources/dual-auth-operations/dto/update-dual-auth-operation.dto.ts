import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export const DUAL_AUTH_DECISIONS = ['APPROVED', 'CANCELLED'] as const;
export type DualAuthDecision = (typeof DUAL_AUTH_DECISIONS)[number];

/** Approve or cancel a pending operation; sent to GreenLake as a JSON merge patch. */
export class UpdateDualAuthOperationDto {
  @ApiProperty({
    enum: DUAL_AUTH_DECISIONS,
    example: 'APPROVED',
    description: 'APPROVED lets the operation run; CANCELLED refuses it',
  })
  @IsIn(DUAL_AUTH_DECISIONS, { message: `state must be ${DUAL_AUTH_DECISIONS.join(' or ')}` })
  state!: DualAuthDecision;
}
