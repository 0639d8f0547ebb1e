import { AppError } from '@tiksavr/core';

/** Larger than any paste the submit accepts (200,000 characters of UTF-8 in JSON). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A request's JSON body, read up to `maxBytes` and no further (a client cannot make the server
 * hold a huge body), whatever its Content-Type says: an iOS Shortcut or curl may label JSON
 * loosely. Empty, oversized or unparsable bodies are `invalid_request`.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new AppError('invalid_request', `body of ${declared} bytes`);
  if (!request.body) throw new AppError('invalid_request', 'no body');
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError('invalid_request', `body over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new AppError('invalid_request', 'empty body');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError('invalid_request', 'body is not JSON', { cause: error });
  }
}
