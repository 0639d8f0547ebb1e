import { AppError } from '@tiksavr/core';
import { parseContentRange } from './content-range.ts';
import { mediaStatusError } from './media-status-error.ts';

/** The status and headers of a media response, however they were received. */
export type MediaHead = {
  readonly status: number;
  /** A header's value by lower-case name. */
  header(name: string): string | undefined;
};

/** What to do with a media response, decided before its body is kept. */
export type HeadVerdict =
  /** Keep the body: it continues the partial file at `offset`. `total` is the whole file's size. */
  | { readonly kind: 'body'; readonly total: number | null; readonly contentType: string | null }
  | { readonly kind: 'redirect'; readonly location: URL }
  /** The server did not honour the `Range` resume (416, a range that does not fit, or a 200): start over from byte 0. */
  | { readonly kind: 'restart' }
  | { readonly kind: 'fail'; readonly error: AppError };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function lengthOf(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value.trim())) return null;
  return Number(value);
}

/**
 * One set of rules for every media transfer (node:http and curl alike): which answers are a body
 * to keep, a redirect to check, a resume to start over, or a failure with its error code.
 */
export function judgeMediaHead(
  head: MediaHead,
  request: { readonly url: URL; readonly offset: number; readonly maxBytes: number },
): HeadVerdict {
  const { status } = head;
  if (REDIRECT_STATUSES.has(status)) {
    const location = head.header('location');
    if (location === undefined) {
      return {
        kind: 'fail',
        error: new AppError('upstream_error', `Media answered ${status} without Location`),
      };
    }
    try {
      return { kind: 'redirect', location: new URL(location, request.url) };
    } catch {
      return {
        kind: 'fail',
        error: new AppError('upstream_error', `Media redirected to a bad URL: ${location}`),
      };
    }
  }
  if (status === 416 && request.offset > 0) return { kind: 'restart' };
  if (status !== 200 && status !== 206)
    return { kind: 'fail', error: mediaStatusError(status, request.url.href) };

  let total: number | null;
  if (status === 206) {
    const range = parseContentRange(head.header('content-range') ?? null);
    if (range === null || range.start !== request.offset) return { kind: 'restart' };
    total = range.total;
  } else {
    // A 200 to a resume is the whole file again; it is asked for afresh from byte 0.
    if (request.offset > 0) return { kind: 'restart' };
    total = lengthOf(head.header('content-length'));
  }
  if (total !== null && total > request.maxBytes) {
    return {
      kind: 'fail',
      error: new AppError('too_large', `Media is ${total} bytes, the limit is ${request.maxBytes}`, {
        detail: { total, maxBytes: request.maxBytes },
      }),
    };
  }
  const contentType = head.header('content-type')?.split(';')[0]?.trim();
  return {
    kind: 'body',
    total,
    contentType: contentType === undefined || contentType === '' ? null : contentType,
  };
}
