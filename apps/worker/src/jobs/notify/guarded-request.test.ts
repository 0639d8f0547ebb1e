import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { isAppError, type ResolveHost } from '@tiksavr/core';
import { type GuardOptions, guardedRequest } from './guarded-request.ts';
import { type LocalReceiver, startReceiver } from './test-support/local-receiver.ts';

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    assert.ok(isAppError(error), String(error));
    return error.code;
  }
  return 'sent';
}

describe('guardedRequest', () => {
  let receiver: LocalReceiver;
  const lookups: string[] = [];
  /** Names made up for the test; a name asked twice would answer differently (DNS rebinding). */
  const resolveHost: ResolveHost = async (host) => {
    lookups.push(host);
    const asked = lookups.filter((h) => h === host).length;
    if (host === 'receiver.test') return asked === 1 ? ['127.0.0.1'] : ['0.0.0.0'];
    if (host === 'nowhere.test') return ['0.0.0.0'];
    throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  };
  const options = (more: Partial<GuardOptions> = {}): GuardOptions => ({
    resolveHost,
    allowPrivate: true,
    timeoutMs: 2000,
    maxRedirects: 3,
    ...more,
  });
  const post = { headers: { 'Content-Type': 'application/json' }, body: '{"hello":1}' };

  before(async () => {
    receiver = await startReceiver((request) => {
      const port = receiver.port;
      const redirects: Record<string, string> = {
        '/307': '/final',
        '/to-multicast': 'http://224.0.0.1/x',
        '/to-unspecified-name': `http://nowhere.test:${port}/x`,
        '/to-ftp': 'ftp://example.com/x',
        '/loop': '/loop',
      };
      const location = redirects[request.path];
      if (location) return { status: 307, headers: { Location: location } };
      if (request.path === '/301') return { status: 301, headers: { Location: '/final' } };
      return { status: 200 };
    });
  });
  after(async () => {
    await receiver?.close();
  });

  test('connects to the address it checked: the name is looked up once, never again at connect time', async () => {
    lookups.length = 0;
    const response = await guardedRequest(
      new URL(`http://receiver.test:${receiver.port}/pinned`),
      post,
      options(),
    );
    assert.equal(response.status, 200);
    assert.equal(response.address, '127.0.0.1');
    assert.deepEqual(lookups, ['receiver.test']);
    const [request] = receiver.to('/pinned');
    assert.equal(request?.headers.host, `receiver.test:${receiver.port}`);
    assert.equal(request?.body.toString(), '{"hello":1}');
  });

  test('a 307 is followed with the same POST; every hop is checked again', async () => {
    const response = await guardedRequest(new URL(`${receiver.origin}/307`), post, options());
    assert.equal(response.status, 200);
    assert.equal(response.url.pathname, '/final');
    const [final] = receiver.to('/final');
    assert.equal(final?.method, 'POST');
    assert.equal(final?.body.toString(), '{"hello":1}');
    for (const path of ['/to-multicast', '/to-unspecified-name']) {
      assert.equal(
        await codeOf(() => guardedRequest(new URL(`${receiver.origin}${path}`), post, options())),
        'webhook_target_refused',
        path,
      );
    }
    assert.equal(
      await codeOf(() => guardedRequest(new URL(`${receiver.origin}/to-ftp`), post, options())),
      'webhook_url_invalid',
    );
  });

  test('301/302/303 are not followed (they would turn the POST into a GET); at most 3 redirects', async () => {
    assert.equal(
      await codeOf(() => guardedRequest(new URL(`${receiver.origin}/301`), post, options())),
      'notify_redirect_refused',
    );
    const loopsBefore = receiver.to('/loop').length;
    assert.equal(
      await codeOf(() => guardedRequest(new URL(`${receiver.origin}/loop`), post, options())),
      'notify_redirect_refused',
    );
    assert.equal(receiver.to('/loop').length - loopsBefore, 4, 'the first request and 3 redirects');
    assert.equal(
      await codeOf(() =>
        guardedRequest(new URL(`${receiver.origin}/307`), post, options({ maxRedirects: 0 })),
      ),
      'notify_redirect_refused',
    );
  });

  test('refused before connecting when private targets are not allowed', async () => {
    const before = receiver.requests.length;
    for (const url of [
      `${receiver.origin}/x`,
      `http://[::1]:${receiver.port}/x`,
      `http://localhost:${receiver.port}/`,
    ]) {
      assert.equal(
        await codeOf(() => guardedRequest(new URL(url), post, options({ allowPrivate: false }))),
        'webhook_target_refused',
        url,
      );
    }
    assert.equal(receiver.requests.length, before);
  });

  test('a server that never answers ends as unreachable within the timeout', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const started = Date.now();
    try {
      assert.equal(
        await codeOf(() =>
          guardedRequest(new URL(`http://127.0.0.1:${port}/`), post, options({ timeoutMs: 300 })),
        ),
        'notify_unreachable',
      );
      assert.ok(Date.now() - started < 2000);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});
