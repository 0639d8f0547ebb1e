import { AppError } from '../errors.ts';

/**
 * One GET with the resolver's rules: no automatic redirects (the caller checks every hop),
 * a timeout, the caller's cancel signal, and a cap on the body size. Every failure is an
 * `AppError`: `network` (unreachable, reset, timed out), `canceled`, `upstream_error` (body too big).
 */
export type HttpGetOptions = {
  readonly fetch: typeof globalThis.fetch;
  readonly headers: Record<string, string>;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly signal?: AbortSignal | undefined;
  /** Awaited before the request and its timeout start (the politeness budget waits here). */
  readonly beforeRequest?: BeforeRequest | undefined;
};

/** Waits until a request may be sent; rejects (e.g. `canceled`) to send nothing. */
export type BeforeRequest = (signal: AbortSignal | undefined) => Promise<void>;

export type HttpReply = {
  readonly url: URL;
  readonly status: number;
  readonly headers: Headers;
  /** The body as UTF-8 text; '' for redirects (their bodies are not read). */
  readonly text: string;
};

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

async function readCapped(response: Response, url: URL, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new AppError(
      'upstream_error',
      `Response of ${declared} bytes exceeds ${maxBytes} from ${url.origin}${url.pathname}`,
    );
  }
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError(
        'upstream_error',
        `Response exceeds ${maxBytes} bytes from ${url.origin}${url.pathname}`,
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function failureOf(error: unknown, url: URL, signal: AbortSignal | undefined): AppError {
  if (error instanceof AppError) return error;
  const where = `${url.origin}${url.pathname}`;
  if (signal?.aborted) return new AppError('canceled', `Canceled while fetching ${where}`, { cause: error });
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError')
    return new AppError('network', `Timed out fetching ${where}`, { cause: error });
  return new AppError('network', `Could not fetch ${where}`, { cause: error });
}

export async function httpGet(url: URL, options: HttpGetOptions): Promise<HttpReply> {
  if (options.beforeRequest !== undefined) {
    try {
      await options.beforeRequest(options.signal);
    } catch (error) {
      throw failureOf(error, url, options.signal);
    }
  }
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal === undefined ? timeout : AbortSignal.any([options.signal, timeout]);
  try {
    const response = await options.fetch(url, {
      method: 'GET',
      headers: options.headers,
      redirect: 'manual',
      signal,
    });
    if (isRedirect(response.status)) {
      await response.body?.cancel();
      return { url, status: response.status, headers: response.headers, text: '' };
    }
    const text = await readCapped(response, url, options.maxBytes);
    return { url, status: response.status, headers: response.headers, text };
  } catch (error) {
    throw failureOf(error, url, options.signal);
  }
}

/** `Retry-After` in seconds (delta form only; dates are rare and ignored), or null. */
export function retryAfterSeconds(headers: Headers): number | null {
  const value = headers.get('retry-after');
  return value !== null && /^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : null;
}

/**
 * The error for an HTTP status that is not a usable answer: 429 → `rate_limited` (with
 * `Retry-After`), 5xx → `upstream_error`, 404 → `notFound`, anything else → `upstream_error`.
 * Null for 2xx.
 */
export function errorForHttpStatus(
  reply: HttpReply,
  notFound: 'not_found' | 'short_link_dead',
): AppError | null {
  const { status } = reply;
  if (status >= 200 && status < 300) return null;
  const where = `${reply.url.origin}${reply.url.pathname}`;
  if (status === 429) {
    return new AppError('rate_limited', `HTTP 429 from ${where}`, {
      detail: { httpStatus: status, retryAfterSeconds: retryAfterSeconds(reply.headers) },
    });
  }
  if (status === 404)
    return new AppError(notFound, `HTTP 404 from ${where}`, { detail: { httpStatus: status } });
  return new AppError('upstream_error', `HTTP ${status} from ${where}`, { detail: { httpStatus: status } });
}
