import { AppError, ERRORS, type ErrorCode, type ErrorSpec, isAppError } from '@tiksavr/core';
import type { ZodError } from 'zod';

/** The HTTP status of each kind of error in the error table: the one mapping, used by every API route. */
export const HTTP_STATUS_OF: Record<ErrorSpec['trpc'], number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
};

export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS_OF[ERRORS[code].trpc];
}

export type FieldProblem = { path: string; message: string };

/** The body of every API error: `{ error: { code, message } }`, the message being the error table's words. */
export type ApiErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldProblem[] } };

export const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
};

export const TEXT_HEADERS = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };

export type ReplyFormat = 'json' | 'text';

export function apiErrorResponse(
  code: ErrorCode,
  options: { fields?: FieldProblem[]; headers?: Record<string, string>; format?: ReplyFormat } = {},
): Response {
  if (options.format === 'text') {
    return new Response(ERRORS[code].user, {
      status: httpStatusOf(code),
      headers: { ...TEXT_HEADERS, ...options.headers },
    });
  }
  const body: ApiErrorBody = {
    error: { code, message: ERRORS[code].user, ...(options.fields ? { fields: options.fields } : {}) },
  };
  return new Response(JSON.stringify(body), {
    status: httpStatusOf(code),
    headers: { ...JSON_HEADERS, ...options.headers },
  });
}

export function fieldProblemsOf(error: ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/**
 * Any error thrown while answering, as the API's answer: an AppError with its own status and
 * words (a rejected input is `invalid_request`, naming the fields in `detail.fields`); anything
 * else as `internal`, reported through `onInternal` and never shown.
 */
export function responseForError(
  error: unknown,
  onInternal: (error: unknown) => void,
  headers: Record<string, string> = {},
  format: ReplyFormat = 'json',
): Response {
  if (!isAppError(error)) {
    onInternal(error);
    return apiErrorResponse('internal', { headers, format });
  }
  if (error.code === 'internal') onInternal(error);
  const retryAfter = error.detail.retryAfterSeconds;
  const fields = error.detail.fields as FieldProblem[] | undefined;
  return apiErrorResponse(error.code, {
    format,
    ...(fields ? { fields } : {}),
    headers: typeof retryAfter === 'number' ? { ...headers, 'Retry-After': String(retryAfter) } : headers,
  });
}

/** A rejected input as the AppError the API answers with. */
export function invalidRequest(where: string, error: ZodError): AppError {
  return new AppError('invalid_request', `invalid ${where}`, {
    cause: error,
    detail: { fields: fieldProblemsOf(error) },
  });
}
