import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from 'src/common/errors/error-response.dto';

/** Route-specific error responses (409, 412, ...), in the one error shape. */
export const ApiErrorResponses = (descriptions: Record<number, string>): MethodDecorator =>
  applyDecorators(
    ...Object.entries(descriptions).map(([status, description]) =>
      ApiResponse({ status: Number(status), description, type: ErrorResponseDto }),
    ),
  );
