import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { AppError, checkTarget, parseTargetUrl, type ResolveHost } from '@tiksavr/core';

/** One POST to a person's webhook or a browser's push service. */
export type OutgoingRequest = {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | string;
};

export type GuardOptions = {
  readonly resolveHost: ResolveHost;
  /** The admin allows loopback, private, link-local, unique-local and CGNAT targets. */
  readonly allowPrivate: boolean;
  readonly timeoutMs: number;
  /** 307/308 redirects followed (each checked like the first address); 0: none. */
  readonly maxRedirects: number;
  /** URL schemes allowed, for the first address and every redirect. */
  readonly schemes?: readonly string[];
  readonly signal?: AbortSignal;
};

export type GuardedResponse = {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Where the answer came from (after redirects) and the address connected to. */
  readonly url: URL;
  readonly address: string;
};

/**
 * Hands net.connect the address already checked instead of letting it ask DNS again: a second
 * lookup could answer differently (DNS rebinding: public when checked, 127.0.0.1 when used).
 * Node asks with `all: true` when it may try several addresses (autoSelectFamily).
 */
function pinnedLookup(address: string): LookupFunction {
  const family = address.includes(':') ? 6 : 4;
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

function sendOnce(
  url: URL,
  address: string,
  outgoing: OutgoingRequest,
  signal: AbortSignal,
): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const body = typeof outgoing.body === 'string' ? Buffer.from(outgoing.body) : outgoing.body;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...outgoing.headers, 'Content-Length': String(body.length) },
        lookup: pinnedLookup(address),
        // A fresh connection each time: a pooled socket could be one opened for another check.
        agent: false,
        signal,
      },
      (res) => {
        // Only the status matters: the body is drained (so the server sees it taken) for a moment, then dropped.
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
        res.on('error', () => {});
        res.resume();
        setTimeout(() => res.destroy(), 1000).unref();
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function unreachable(url: URL, error: unknown, timeoutMs: number, timedOut: boolean): AppError {
  const code = (error as { code?: string }).code;
  const why = timedOut
    ? `no answer within ${Math.round(timeoutMs / 1000)} s`
    : code === 'ECONNREFUSED'
      ? 'the connection was refused'
      : code === 'ECONNRESET'
        ? 'the connection was cut'
        : code?.startsWith('ERR_TLS') || code?.includes('CERT')
          ? "its HTTPS certificate isn't valid"
          : (code ?? 'the connection failed');
  return new AppError('notify_unreachable', `${url.host}: ${why}`, { cause: error, detail: { why } });
}

/**
 * A POST to an address a person gave, safe against being turned on this server's own network:
 * before each connection the host is resolved and every address checked (notify-target.ts), then
 * the connection goes to the checked address itself. Redirects are not followed automatically:
 * 307 and 308 (which keep the method and body) are followed up to `maxRedirects` times, each
 * target checked like the first; 301, 302 and 303 would turn the POST into a GET, which a webhook
 * receiver never wants, so they end the delivery with `notify_redirect_refused`.
 *
 * Throws AppError: webhook_url_invalid, webhook_target_refused, webhook_host_unknown,
 * notify_unreachable, notify_redirect_refused. Any HTTP status is returned, not thrown.
 */
export async function guardedRequest(
  target: URL,
  outgoing: OutgoingRequest,
  options: GuardOptions,
): Promise<GuardedResponse> {
  const schemes = options.schemes ?? ['http:', 'https:'];
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let url = parseTargetUrl(target, schemes);
  for (let hop = 0; ; hop++) {
    const [address] = await checkTarget(url, options);
    if (address === undefined) throw new AppError('webhook_host_unknown', `${url.host} has no address`);
    let answer: { status: number; headers: IncomingHttpHeaders };
    try {
      answer = await sendOnce(url, address, outgoing, signal);
    } catch (error) {
      throw unreachable(url, error, options.timeoutMs, timeout.aborted);
    }
    const location = answer.headers.location;
    if (answer.status < 300 || answer.status >= 400 || location === undefined) {
      return { ...answer, url, address };
    }
    const next = URL.canParse(location, url) ? new URL(location, url) : null;
    const where = next?.host ?? 'an unreadable address';
    if ((answer.status !== 307 && answer.status !== 308) || next === null) {
      throw new AppError('notify_redirect_refused', `${url.host} answered ${answer.status} to ${where}`, {
        detail: { status: answer.status, location: where },
      });
    }
    if (hop >= options.maxRedirects) {
      throw new AppError(
        'notify_redirect_refused',
        `more than ${options.maxRedirects} redirects (to ${where})`,
        {
          detail: { status: answer.status, location: where },
        },
      );
    }
    url = parseTargetUrl(next, schemes);
  }
}
