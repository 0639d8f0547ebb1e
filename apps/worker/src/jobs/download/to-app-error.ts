import { AppError, isAppError } from '@tiksavr/core';

/**
 * Every failure of a download as one of core's error codes. Network-level failures (refused,
 * reset, timed out, body cut short) are `network`, which is retryable; anything unexpected is
 * `internal` (permanent, logged with its stack).
 */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new AppError('network', 'Request timed out or was aborted', { cause: error });
  }
  if (error instanceof TypeError && /fetch failed|terminated|socket|network/i.test(error.message)) {
    return new AppError('network', error.message, { cause: error });
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|UND_ERR_\w+)$/.test(code)) {
    return new AppError('network', code, { cause: error });
  }
  return new AppError('internal', error instanceof Error ? error.message : String(error), { cause: error });
}
