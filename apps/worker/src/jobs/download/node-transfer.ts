import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AppError } from '@tiksavr/core';
import { judgeMediaHead } from './media-head.ts';
import type { MediaTransfer, TransferRequest, TransferResult } from './media-transfer.ts';

/**
 * Media through node:http(s), streamed into the partial with `append` (works with any Storage).
 * Not fetch(): its body copies every chunk into a new buffer and passes it through a WHATWG
 * stream, which was the largest CPU cost per MB of a download (bench worker.download).
 */
export function createNodeTransfer(): MediaTransfer {
  return { name: 'node', get: getWithNode };
}

async function getWithNode(request: TransferRequest): Promise<TransferResult> {
  const { partial, url, maxBytes } = request;
  const offset = partial.size();
  const idle = createIdleTimeout(request.idleTimeoutMs);
  let body: IncomingMessage | undefined;
  try {
    body = await sendGet(
      url,
      { ...request.headers, ...(offset > 0 ? { Range: `bytes=${offset}-` } : {}) },
      AbortSignal.any([request.signal, idle.signal]),
    );
    const response = body;
    const verdict = judgeMediaHead(
      { status: response.statusCode ?? 0, header: (name) => headerValue(response, name) },
      { url, offset, maxBytes },
    );
    if (verdict.kind === 'fail') throw verdict.error;
    if (verdict.kind !== 'body') return verdict;
    await partial.append(idle.watch(response), {
      maxBytes,
      onBytes: (done) => request.onBytes(done, verdict.total),
    });
    return { kind: 'stored', total: verdict.total, contentType: verdict.contentType };
  } finally {
    idle.clear();
    // A body left unread (a refusal, a failure before reading) must not hold its connection.
    if (body !== undefined && !body.complete) body.destroy();
  }
}

function headerValue(response: IncomingMessage, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** One GET, no redirects followed (the caller checks where they lead). Resolves with the response head. */
async function sendGet(url: URL, headers: Record<string, string>, signal: AbortSignal) {
  const send = { 'https:': httpsRequest, 'http:': httpRequest }[url.protocol];
  if (send === undefined) throw new AppError('upstream_error', `Media URL is not http(s): ${url.protocol}`);
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    send(url, { headers, signal }, resolve).on('error', reject).end();
  });
  // Body errors surface where it is read; this keeps one that comes before reading from crashing.
  response.on('error', () => {});
  return response;
}

/**
 * Aborts when nothing arrives for `ms`: the connect/headers wait and every silence inside the
 * body. (AbortSignal.timeout would bound the whole transfer, which must be allowed to take long.)
 */
function createIdleTimeout(ms: number) {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`No data for ${ms} ms`, 'TimeoutError')),
    ms,
  );
  return {
    signal: controller.signal,
    clear: () => clearTimeout(timer),
    async *watch(body: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
      for await (const chunk of body) {
        // Restarts the same timer: no new timer object per chunk (thousands per large file).
        timer.refresh();
        yield chunk;
      }
    },
  };
}
