import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type DownloadEvent, notifySql } from '@tiksavr/db';
import { createTestDatabase, type TestDatabase } from '@tiksavr/db/testing';
import type { SessionUser } from '../trpc.ts';
import { createDownloadEventHub, type DownloadEventHub } from './download-event-hub.ts';
import { serveDownloadEvents } from './download-event-stream.ts';

const userA: SessionUser = { id: 'user-a', email: 'a@example.test', name: 'A', role: 'user' };
const userB: SessionUser = { id: 'user-b', email: 'b@example.test', name: 'B', role: 'user' };

/** Reads SSE text from a response until `until` holds (or 5 s pass). */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, until: (text: string) => boolean) {
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 5000;
  while (!until(text) && Date.now() < deadline) {
    const next = await Promise.race([
      reader.read(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
    ]);
    if (next === null || next.done) break;
    text += decoder.decode(next.value, { stream: true });
  }
  return text;
}

describe('download events (LISTEN → SSE)', () => {
  let database: TestDatabase;
  let hub: DownloadEventHub;
  const publish = async (event: DownloadEvent & Record<string, unknown>) => {
    const { text, values } = notifySql(event);
    await database.db.$executeRawUnsafe(text, ...values);
  };

  before(async () => {
    database = await createTestDatabase('events');
    hub = createDownloadEventHub({ url: database.url });
  });
  after(async () => {
    await hub?.close();
    await database?.drop();
  });

  test('the hub fans one LISTEN out to each user only', async () => {
    const seenByA: string[] = [];
    const seenByB: string[] = [];
    const offA = await hub.subscribe(userA.id, { onEvent: (e) => seenByA.push(e.downloadId) });
    const offB = await hub.subscribe(userB.id, { onEvent: (e) => seenByB.push(e.downloadId) });
    await publish({ downloadId: 'd1', userId: userA.id, state: 'resolving' });
    await publish({ downloadId: 'd2', userId: userB.id, state: 'done' });
    await publish({
      downloadId: 'd3',
      userId: userA.id,
      state: 'downloading',
      bytesDone: 10,
      bytesTotal: 100,
    });
    for (let i = 0; i < 50 && seenByA.length + seenByB.length < 3; i++)
      await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(seenByA, ['d1', 'd3']);
    assert.deepEqual(seenByB, ['d2']);
    offA();
    offB();
    assert.equal(hub.subscriberCount(), 0);
  });

  test('SSE: 401 without a session; download events and heartbeats for the user; closes on abort', async () => {
    const anonymous = await serveDownloadEvents(new Request('http://x/api/events'), {
      sessionUser: async () => null,
      hub,
    });
    assert.equal(anonymous.status, 401);

    const abort = new AbortController();
    const response = await serveDownloadEvents(new Request('http://x/api/events', { signal: abort.signal }), {
      sessionUser: async () => userA,
      hub,
      heartbeatMs: 50,
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    assert.match(await readUntil(reader, (t) => t.includes(': connected')), /retry: 3000/);
    assert.equal(hub.subscriberCount(), 1);

    await publish({ downloadId: 'other-users', userId: userB.id, state: 'done' });
    await publish({ downloadId: 'mine', userId: userA.id, state: 'done' });
    const text = await readUntil(reader, (t) => t.includes('"mine"') && t.includes(': heartbeat'));
    assert.match(text, /event: download\ndata: \{"downloadId":"mine","userId":"user-a","state":"done"\}\n\n/);
    assert.doesNotMatch(text, /other-users/);
    assert.match(text, /: heartbeat\n\n/);

    abort.abort();
    const end = await reader.read();
    assert.equal(end.done, true);
    assert.equal(hub.subscriberCount(), 0);
  });
});
