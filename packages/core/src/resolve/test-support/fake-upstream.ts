import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal stand-in for TikTok's HTTP surface on 127.0.0.1, for the resolver's protocol tests:
 * each test says what each path answers. It records every request (path, headers) so tests can
 * check cookies and redirects. The full simulator lives in packages/tiktok-sim; core does not
 * depend on it (core → nothing internal), so these tests bring their own few answers.
 */
export type FakeAnswer = {
  readonly status?: number;
  readonly headers?: Record<string, string | string[]>;
  readonly body?: string;
  /** Never answer (to test timeouts). */
  readonly hang?: boolean;
};

export type FakeRequest = { readonly path: string; readonly headers: IncomingHttpHeaders };

export type FakeRoute = (request: FakeRequest, origin: string, count: number) => FakeAnswer;

export type FakeUpstream = {
  readonly origin: string;
  readonly requests: FakeRequest[];
  /** Requests whose path (without query) equals `path`. */
  requestsTo(path: string): FakeRequest[];
  close(): Promise<void>;
};

export async function startFakeUpstream(routes: Record<string, FakeRoute>): Promise<FakeUpstream> {
  const requests: FakeRequest[] = [];
  const counts = new Map<string, number>();
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const request = { path: `${url.pathname}${url.search}`, headers: req.headers };
    requests.push(request);
    const route = routes[url.pathname];
    const count = (counts.get(url.pathname) ?? 0) + 1;
    counts.set(url.pathname, count);
    const answer: FakeAnswer = route ? route(request, origin, count) : { status: 404, body: 'not found' };
    if (answer.hang) {
      hanging.push(res);
      return;
    }
    res.writeHead(answer.status ?? 200, { 'Content-Type': 'text/html; charset=utf-8', ...answer.headers });
    res.end(answer.body ?? '');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    requestsTo: (path) => requests.filter((request) => request.path.split('?')[0] === path),
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** The Set-Cookie headers a TikTok page sends (host-only here: the fake runs on loopback). */
export function pageCookies(chainToken: string): Record<string, string[]> {
  return {
    'Set-Cookie': [
      `tt_chain_token=${chainToken}; Path=/; Max-Age=15552000; HttpOnly`,
      `ttwid=1%7Cfake; Path=/; Max-Age=31536000; HttpOnly`,
    ],
  };
}
