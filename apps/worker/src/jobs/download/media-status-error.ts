import { AppError } from '@tiksavr/core';

/** The error a media CDN answer stands for. 404/410: the signed URL is gone, so resolve again. */
export function mediaStatusError(status: number, url: string): AppError {
  const detail = { status, host: safeHost(url) };
  if (status === 429) return new AppError('rate_limited', `Media answered ${status}`, { detail });
  if (status === 401 || status === 403)
    return new AppError('media_forbidden', `Media answered ${status}`, { detail });
  if (status === 404 || status === 410)
    return new AppError('media_expired', `Media answered ${status}`, { detail });
  return new AppError('upstream_error', `Media answered ${status}`, { detail });
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '?';
  }
}
