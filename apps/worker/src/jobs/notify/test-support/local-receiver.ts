import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedRequest = {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** performance.now() when the request ended. */
  readonly at: number;
};

export type Answer = { readonly status: number; readonly headers?: Record<string, string> };

export type LocalReceiver = {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  readonly port: number;
  readonly requests: ReceivedRequest[];
  /** Requests to `path` so far. */
  to(path: string): ReceivedRequest[];
  /** Waits until `count` requests reached `path`. */
  waitFor(path: string, count: number, timeoutMs: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
};

/**
 * A webhook receiver or push service stand-in on 127.0.0.1 for tests: records every request and
 * answers with what `answer` says for it (default 200).
 */
export async function startReceiver(
  answer: (request: ReceivedRequest, countSoFar: number) => Answer = () => ({ status: 200 }),
): Promise<LocalReceiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
        at: performance.now(),
      };
      requests.push(received);
      const reply = answer(received, requests.filter((r) => r.path === received.path).length);
      res.writeHead(reply.status, reply.headers ?? {});
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const to = (path: string) => requests.filter((request) => request.path === path);
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    to,
    waitFor: async (path, count, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (to(path).length < count) {
        if (Date.now() > deadline) {
          throw new Error(`${to(path).length} of ${count} requests reached ${path} within ${timeoutMs} ms`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      return to(path);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
