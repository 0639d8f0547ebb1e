import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAppError } from '../errors.ts';
import { httpGet } from './http-get.ts';

let server: Server;
let base: URL;
before(async () => {
  server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const options = { fetch: globalThis.fetch, headers: {}, timeoutMs: 100, maxBytes: 1024 };

describe('httpGet beforeRequest', () => {
  test('a wait before the request does not count against its timeout', async () => {
    let waited = false;
    const reply = await httpGet(base, {
      ...options,
      beforeRequest: async () => {
        await sleep(250);
        waited = true;
      },
    });
    assert.equal(waited, true);
    assert.equal(reply.text, 'ok');
  });

  test('a refused wait sends nothing and keeps its error', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      httpGet(base, {
        ...options,
        signal: controller.signal,
        beforeRequest: async (signal) => {
          if (signal?.aborted) throw new Error('aborted while waiting');
        },
      }),
      (error) => isAppError(error) && error.code === 'canceled',
    );
  });
});
