// Issue #15.3, separate hosts: two web and two worker processes, each started as a host would
// start it (`node scripts/start.ts --role=web|worker`) with a data folder of its own, against one
// PostgreSQL database, one S3 server (s3rver on loopback) and the TikTok simulator. Links are
// submitted through web A; the test checks that every job ends once, that web B serves the files
// with the session of web A, that web B's live status hears the workers, that the admin sees both
// workers and their heartbeats, and that the politeness budget counted every request of both.
//
// Needs the test cluster (`npm test`, or `--test-global-setup=packages/db/src/testing/global-setup.ts`)
// and the built web app: it holds /tmp/tiksavr-web.lock while it runs, and builds the app first
// when apps/web/.next is not from the current sources.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@tiksavr/db/testing';
import { type S3TestServer, startS3TestServer } from '@tiksavr/storage/testing';
import { type SimItem, startTikTokSim, type TikTokSim } from '@tiksavr/tiktok-sim';
import { freePort, type RoleProcess, startRole } from './role-process.ts';
import { type HeldWebBuild, holdWebBuild } from './web-build-lock.ts';

const VIDEOS = 10;
const PHOTOS = 2;
const HEARTBEAT_SECONDS = 1;
const TERMINAL = ['done', 'failed', 'expired', 'canceled'];

type Web = { readonly name: string; readonly url: string; readonly process: RoleProcess };

let database: TestDatabase;
let s3: S3TestServer;
let sim: TikTokSim;
let webBuild: HeldWebBuild | undefined;
const dataDirs: string[] = [];
const processes: RoleProcess[] = [];
/** Every start under way, so a failed start-up still stops the processes that did start. */
const starting: Promise<unknown>[] = [];
let webA: Web;
let webB: Web;
const workers: RoleProcess[] = [];
let cookie = '';
let liveOnB: ReturnType<typeof listenForEvents> | undefined;

const startedAt = Date.now();
/** Progress on stderr, so a slow run says where its time went. */
function phase(what: string) {
  process.stderr.write(`[multi-host] ${what} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
}

async function dataDir(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `tiksavr-multihost-${name}-`));
  dataDirs.push(dir);
  return dir;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A tRPC procedure over plain HTTP (the app uses no transformer: the body is the input JSON). */
async function trpc<T>(web: Web, procedure: string, input?: unknown): Promise<T> {
  const mutation = procedure === 'downloads.submit';
  const response = await fetch(`${web.url}/api/trpc/${procedure}`, {
    method: mutation ? 'POST' : 'GET',
    headers: { cookie, ...(mutation ? { 'content-type': 'application/json' } : {}) },
    ...(mutation ? { body: JSON.stringify(input) } : {}),
  });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  assert.equal(response.status, 200, `${procedure} on ${web.name}: ${JSON.stringify(body).slice(0, 500)}`);
  return (body.result as { data: T }).data;
}

/** Server-sent events of /api/events on one web process, read in the background. */
function listenForEvents(web: Web) {
  const events: { downloadId: string; state: string }[] = [];
  const controller = new AbortController();
  const reading = (async () => {
    const response = await fetch(`${web.url}/api/events`, { headers: { cookie }, signal: controller.signal });
    assert.equal(response.status, 200, `/api/events on ${web.name}`);
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      const blocks = buffered.split('\n\n');
      buffered = blocks.pop() ?? '';
      for (const block of blocks) {
        const data = /^event: download\ndata: (.*)$/m.exec(block)?.[1];
        if (data !== undefined) events.push(JSON.parse(data) as { downloadId: string; state: string });
      }
    }
  })().then(
    () => null,
    (error: unknown) => (controller.signal.aborted ? null : error),
  );
  return {
    events,
    /** Stops reading; resolves with the error that ended the stream early, if one did. */
    close: async (): Promise<unknown> => {
      controller.abort();
      return reading;
    },
  };
}

function launch(role: 'web' | 'worker', options: Parameters<typeof startRole>[1]): Promise<RoleProcess> {
  const started = startRole(role, options).then((running) => {
    processes.push(running);
    return running;
  });
  starting.push(started.catch(() => {}));
  return started;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

before(async () => {
  // First, and for the whole test: no build may replace .next under the two web servers.
  webBuild = await holdWebBuild({
    lockTimeoutMs: 15 * 60_000,
    buildTimeoutMs: 15 * 60_000,
    onLocked: () => phase('web lock held'),
  });
  phase(webBuild.built ? 'web app built' : 'web build reused');
  [database, s3, sim] = await Promise.all([
    createTestDatabase('multihost'),
    startS3TestServer({ bucket: 'tiksavr-multihost' }),
    startTikTokSim({ port: 0, seed: 'none' }),
  ]);
  const shared = {
    DATABASE_URL: database.url,
    TIKTOK_ORIGIN: sim.origin,
    ...s3.env('media'),
    LOG_LEVEL: 'info',
  };
  const workerEnv = {
    ...shared,
    WORKER_CONCURRENCY: '2',
    WORKER_HEARTBEAT_SECONDS: String(HEARTBEAT_SECONDS),
    WORKER_POLL_SECONDS: '0.5',
    WORKER_RETRY_BASE_SECONDS: '0.05',
    WORKER_RETRY_MAX_SECONDS: '0.5',
    WORKER_SHUTDOWN_GRACE_SECONDS: '2',
    TIKTOK_REQUESTS_PER_MINUTE: '6000',
  };
  // The first worker creates pg-boss's schema and queues; the others start against it.
  workers.push(
    await launch('worker', {
      name: 'worker 1',
      env: { ...workerEnv, DATA_DIR: await dataDir('worker1') },
      readyTimeoutMs: 60_000,
    }),
  );
  const secret = randomBytes(32).toString('base64url');
  const startWeb = async (name: string): Promise<Web> => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const role = await launch('web', {
      name,
      env: {
        ...shared,
        DATA_DIR: await dataDir(name.replace(' ', '')),
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: url,
        BETTER_AUTH_SECRET: secret,
      },
      readyTimeoutMs: 120_000,
    });
    return { name, url, process: role };
  };
  const [second, a, b] = await Promise.all([
    launch('worker', {
      name: 'worker 2',
      env: { ...workerEnv, DATA_DIR: await dataDir('worker2') },
      readyTimeoutMs: 60_000,
    }),
    startWeb('web A'),
    startWeb('web B'),
  ]);
  workers.push(second);
  webA = a;
  webB = b;
  phase('two workers and two web processes ready');

  // The first account of an instance is its admin; better-auth refuses a cookie POST without Origin.
  const signUp = await fetch(`${webA.url}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: webA.url },
    body: JSON.stringify({
      name: 'Multi Host',
      email: 'multi@example.test',
      password: 'a long enough password',
    }),
  });
  assert.equal(signUp.status, 200, await signUp.clone().text());
  cookie = signUp.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  assert.match(cookie, /session_token=/);
});

after(async () => {
  await liveOnB?.close();
  await Promise.allSettled(starting);
  await Promise.allSettled(processes.map((role) => role.stop()));
  await webBuild?.release();
  await Promise.allSettled([sim?.close(), s3?.close(), database?.drop()]);
  await Promise.allSettled(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('two web and two worker processes on one database and one S3 store', () => {
  const items: SimItem[] = [];
  const downloadIds: string[] = [];

  test('links submitted through web A are each saved exactly once, by both workers together', async () => {
    for (let index = 0; index < VIDEOS + PHOTOS; index++) {
      items.push(
        sim.addItem({
          kind: index < VIDEOS ? 'video' : 'photo',
          username: `multi_host_${index}`,
        }),
      );
    }
    liveOnB = listenForEvents(webB);
    // Subscribed before the first event can be sent (the stream's first line says it is connected).
    await new Promise((r) => setTimeout(r, 500));
    const text = items
      .map(
        (item) =>
          `https://www.tiktok.com/@${item.username}/${item.kind === 'photo' ? 'photo' : 'video'}/${item.id}`,
      )
      .join('\n');
    const submitted = await trpc<{ results: { ok: boolean; downloadId?: string }[] }>(
      webA,
      'downloads.submit',
      {
        text,
      },
    );
    assert.equal(submitted.results.length, items.length);
    for (const result of submitted.results) {
      assert.ok(result.ok && result.downloadId, JSON.stringify(result));
      downloadIds.push(result.downloadId);
    }

    const rows = await until(
      'every download to end',
      async () => {
        const found = await database.db.download.findMany({ where: { id: { in: downloadIds } } });
        return found.every((row) => TERMINAL.includes(row.state)) && found.length === downloadIds.length
          ? found
          : null;
      },
      60_000,
    ).catch(async (error: unknown) => {
      const found = await database.db.download.findMany({ where: { id: { in: downloadIds } } });
      const states = found.map((row) => `${row.state}/${row.failureCode ?? '-'}/${row.attempts}`).join(', ');
      const tails = workers.map((worker) => `${worker.name}:\n${worker.output().slice(-3000)}`).join('\n');
      throw new Error(`${String(error)}; downloads: ${states}\n${tails}`);
    });
    for (const row of rows) {
      assert.equal(row.state, 'done', `${row.id}: ${row.state} ${row.failureCode} ${row.failureMessage}`);
      assert.equal(row.attempts, 1, `${row.id} ran once`);
    }

    // pg-boss: one media.download job per download, completed once, with the outcome "done".
    const jobs = await database.db.$queryRaw<{ downloadId: string; state: string; outcome: string | null }[]>`
      SELECT data->>'downloadId' AS "downloadId", state::text AS state, output->>'outcome' AS outcome
        FROM pgboss.job WHERE name = 'media.download'`;
    for (const id of downloadIds) {
      const own = jobs.filter((job) => job.downloadId === id);
      assert.deepEqual(
        own.map((job) => [job.state, job.outcome]),
        [['completed', 'done']],
        `jobs of download ${id}`,
      );
    }

    // The workers' own logs: each download finished by exactly one handler run, across both.
    const finishedBy = workers.map((worker) =>
      worker
        .logRecords()
        .filter((record) => record.msg === 'download done')
        .map((record) => String(record.downloadId)),
    );
    const all = finishedBy.flat();
    assert.deepEqual([...all].sort(), [...downloadIds].sort(), 'each download finished once');
    for (const [index, done] of finishedBy.entries()) {
      assert.ok(
        done.length > 0,
        `worker ${index + 1} took a share of the jobs (${finishedBy.map((d) => d.length)})`,
      );
    }

    // The simulator sent every media file once, and the store holds each under its content address.
    for (const item of items) {
      const assets = await database.db.asset.findMany({ where: { itemId: item.id } });
      const roles = assets.map((asset) => `${asset.role}${asset.index}`);
      assert.equal(new Set(roles).size, roles.length, `one asset per role and index of ${item.id}`);
      assert.ok(roles.includes(item.kind === 'photo' ? 'image0' : 'video0'), `${item.id} has ${roles}`);
      const download = rows.find((row) => row.itemId === item.id);
      const story = workers
        .flatMap((worker) => worker.logRecords())
        .filter((record) => record.downloadId === download?.id)
        .map((record) => JSON.stringify(record).slice(0, 600));
      assert.equal(
        sim.mediaServed(item.id),
        assets.length,
        `media of ${item.id} (${roles}) fetched once each:\n${story.join('\n')}`,
      );
    }
    const stored = s3.requests.filter((request) => request.method === 'PUT' || request.method === 'POST');
    assert.ok(stored.length > 0, 'the files went to the S3 server');
  });

  test('web B serves the files stored by the workers, with the session web A made', async () => {
    const video = items.find((item) => item.kind === 'video');
    assert.ok(video);
    const asset = await database.db.asset.findFirstOrThrow({ where: { itemId: video.id, role: 'video' } });
    const expected = await sim.mediaSha256(video.id, 'video');
    for (const web of [webA, webB]) {
      const whole = await fetch(`${web.url}/api/files/${asset.id}`, { headers: { cookie } });
      assert.equal(whole.status, 200, `${web.name} serves the file`);
      assert.equal(
        sha256(new Uint8Array(await whole.arrayBuffer())),
        expected,
        `${web.name}: the stored bytes`,
      );
    }
    const part = await fetch(`${webB.url}/api/files/${asset.id}`, {
      headers: { cookie, range: 'bytes=100-199' },
    });
    assert.equal(part.status, 206);
    const bytes = new Uint8Array(await part.arrayBuffer());
    assert.deepEqual(bytes, new Uint8Array(sim.mediaBytes(video.id, 'video').subarray(100, 200)));
    const signedOut = await fetch(`${webB.url}/api/files/${asset.id}`);
    assert.notEqual(signedOut.status, 200, 'not without the session');
  });

  test("web B's live status heard every download end, though web A took the links", async () => {
    const live = liveOnB;
    assert.ok(live);
    await until(
      'a done event for every download on web B',
      async () => {
        const done = new Set(live.events.filter((e) => e.state === 'done').map((e) => e.downloadId));
        return downloadIds.every((id) => done.has(id));
      },
      10_000,
    );
    assert.equal(await live.close(), null, 'the event stream stayed open');
  });

  test('the admin sees both workers, each beating, through either web process', async () => {
    type Wire = {
      workers: { id: string; pid: number; stale: boolean; lastSeenAt: string; concurrency: number }[];
    };
    const first = await trpc<Wire>(webB, 'admin.workers.list');
    assert.equal(first.workers.length, 2, JSON.stringify(first));
    assert.ok(first.workers.every((worker) => !worker.stale && worker.concurrency === 2));
    assert.equal(new Set(first.workers.map((worker) => worker.id)).size, 2);
    await new Promise((r) => setTimeout(r, (HEARTBEAT_SECONDS + 1) * 1000));
    const later = await trpc<Wire>(webA, 'admin.workers.list');
    for (const worker of first.workers) {
      const again = later.workers.find((w) => w.id === worker.id);
      assert.ok(
        again && Date.parse(again.lastSeenAt) > Date.parse(worker.lastSeenAt),
        `worker ${worker.pid} beat again`,
      );
    }
  });

  test('the politeness budget counted every page and API request of both workers', async () => {
    const [row] = await database.db.$queryRaw<{ granted: bigint }[]>`
      SELECT coalesce(sum(granted), 0)::bigint AS granted FROM "UpstreamMinute"`;
    const budgeted = sim.requests().filter((request) => request.kind !== 'media');
    assert.ok(budgeted.length >= items.length, `${budgeted.length} page/API requests`);
    assert.equal(Number(row?.granted), budgeted.length);
  });
});
