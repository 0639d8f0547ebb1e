import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createTestDatabase, seedDownload, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { services } from '../services.ts';
import { createApiToken } from '../tokens/own-tokens.ts';
import type { SessionUser } from '../trpc.ts';

/**
 * The HTTP API through its real Next route files (src/app/api/v1/**), wired to a test database by
 * the environment the production wiring reads, called with real Request objects. The OpenAPI
 * document is validated, then walked: every operation it lists is called in each situation that
 * should produce one of its documented answers, and every answer is checked against the document
 * (status listed, body matching the schema). Each documented status but 500 must be seen.
 */
type Json = Record<string, unknown>;
type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;
type Operation = { operationId: string; security?: unknown[]; responses: Record<string, Json> };

const BASE = 'http://127.0.0.1:3000';
const VIDEO_ITEM = '7524919459643919624';
const PHOTO_ITEM = '7524919459643919625';

/** `/downloads/{id}/cancel` → the route file that serves it. */
function routeFileOf(path: string): string {
  const folders = path
    .split('/')
    .filter(Boolean)
    .map((part) => part.replace(/^\{(.+)\}$/, '[$1]'));
  return new URL(`../../app/api/v1/${folders.join('/')}/route.ts`, import.meta.url).pathname;
}

async function routeOf(path: string, method: string): Promise<RouteHandler> {
  const module = (await import(routeFileOf(path))) as Record<string, RouteHandler | undefined>;
  const handler = module[method];
  assert.equal(typeof handler, 'function', `${routeFileOf(path)} exports ${method}`);
  return handler as RouteHandler;
}

describe('HTTP API /api/v1 (route files, real database)', () => {
  let database: TestDatabase;
  let dataDir: string;
  let doc: Json & { paths: Record<string, Record<string, Operation>> };
  let validateAgainst: (ref: string, value: unknown) => string | null;
  const users = {} as Record<'A' | 'B' | 'admin' | 'banned', SessionUser>;
  const tokens = {} as Record<'A' | 'B' | 'admin' | 'banned' | 'revoked' | 'expired' | 'limited', string>;
  let limitedTokenId: string;
  const fixtures = {} as {
    videoDownload: string;
    photoDownload: string;
    videoAsset: string;
    videoBytes: Buffer;
  };

  before(async () => {
    database = await createTestDatabase('api');
    dataDir = await mkdtemp(join(tmpdir(), 'tiksavr-api-'));
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      BETTER_AUTH_SECRET: 'x'.repeat(32),
      PUBLIC_URL: `${BASE}/`,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    const { db, storage } = services();
    for (const who of ['A', 'B', 'admin', 'banned'] as const) {
      const row = await seedUser(db, { role: who === 'admin' ? 'admin' : 'user', banned: who === 'banned' });
      users[who] = { id: row.id, email: row.email, name: row.name, role: row.role };
    }
    const make = async (who: keyof typeof users, expiresInDays: 30 | null = null) =>
      createApiToken({ db, user: users[who] }, { name: `${who} token`, expiresInDays });
    for (const who of ['A', 'B', 'admin', 'banned'] as const) tokens[who] = (await make(who)).token;
    const revoked = await make('A');
    await db.apiToken.update({ where: { id: revoked.apiToken.id }, data: { revokedAt: new Date() } });
    tokens.revoked = revoked.token;
    const expired = await make('A', 30);
    await db.apiToken.update({
      where: { id: expired.apiToken.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    tokens.expired = expired.token;
    const limited = await make('A');
    tokens.limited = limited.token;
    limitedTokenId = limited.apiToken.id;

    fixtures.videoBytes = randomBytes(5000);
    const store = async (
      itemId: string,
      role: 'video' | 'image' | 'audio',
      index: number,
      mime: string,
      bytes: Buffer,
    ) => {
      const stored = await storage.write(Readable.from([bytes]));
      return db.asset.create({
        data: {
          itemId,
          role,
          index,
          mime,
          sha256: stored.sha256,
          size: BigInt(stored.size),
          storageKey: stored.key,
        },
      });
    };
    await db.item.create({ data: { id: VIDEO_ITEM, kind: 'video', author: 'anna', caption: 'Pasta night' } });
    fixtures.videoAsset = (await store(VIDEO_ITEM, 'video', 0, 'video/mp4', fixtures.videoBytes)).id;
    await db.item.create({ data: { id: PHOTO_ITEM, kind: 'photo', author: 'anna', caption: 'Trip' } });
    await store(PHOTO_ITEM, 'image', 0, 'image/jpeg', Buffer.from('picture one'));
    await store(PHOTO_ITEM, 'audio', 0, 'audio/mpeg', Buffer.from('sound'));
    fixtures.videoDownload = (
      await seedDownload(db, users.A.id, {
        itemId: VIDEO_ITEM,
        kind: 'video',
        state: 'done',
        caption: 'Pasta night',
        searchText: 'pasta night anna',
      })
    ).id;
    fixtures.photoDownload = (
      await seedDownload(db, users.A.id, { itemId: PHOTO_ITEM, kind: 'photo', state: 'done' })
    ).id;

    const openapi = await routeOf('/openapi.json', 'GET');
    doc = (await (
      await openapi(new Request(`${BASE}/api/v1/openapi.json`), { params: Promise.resolve({}) })
    ).json()) as typeof doc;

    // The document's schemas as one JSON Schema 2020-12 resource, to check every answer against.
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const components = JSON.parse(
      JSON.stringify((doc.components as Json).schemas).replaceAll('#/components/schemas/', 'api#/$defs/'),
    ) as Json;
    ajv.addSchema({ $id: 'api', $defs: components });
    validateAgainst = (ref, value) => {
      const validate = ajv.compile({ $ref: ref.replace('#/components/schemas/', 'api#/$defs/') });
      return validate(value) ? null : ajv.errorsText(validate.errors);
    };
  });

  after(async () => {
    const { db, boss } = services();
    await (await boss).stop({ graceful: false, close: true });
    await db.$disconnect();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  type Call = {
    method: string;
    path: string;
    params?: Record<string, string>;
    query?: string;
    token?: string | null;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  };

  async function call({ method, path, params = {}, query = '', token, body, rawBody, headers = {} }: Call) {
    const route = await routeOf(path, method);
    const url = `${BASE}/api/v1${path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '')}${query}`;
    const init: RequestInit = {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined || rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(rawBody !== undefined
        ? { body: rawBody }
        : body !== undefined
          ? { body: JSON.stringify(body) }
          : {}),
    };
    return route(new Request(url, init), { params: Promise.resolve(params) });
  }

  test('the OpenAPI document is valid OpenAPI 3.1 and names this server', async () => {
    const result = await new Validator().validate(doc);
    assert.deepEqual(result, { valid: true });
    assert.equal(doc.openapi, '3.1.1');
    assert.deepEqual(doc.servers, [{ url: `${BASE}/api/v1` }]);
  });

  /**
   * For each operation, the calls that should produce each of its answers; `expect` is the status.
   * Every secured operation also gets the token cases (401, 403, 429) from `tokenCases`.
   */
  type Case = Omit<Call, 'method' | 'path'> & {
    label: string;
    expect: number;
    check?: (response: Response, body: unknown) => Promise<void> | void;
  };

  async function seedOwn(state: 'queued' | 'failed' | 'done', overrides: Json = {}) {
    return (await seedDownload(services().db, users.A.id, { state, ...overrides })).id;
  }

  const CASES: Record<string, () => Promise<Case[]>> = {
    submitDownloads: async () => [
      {
        label: 'a whole message',
        token: tokens.A,
        body: {
          text: `look https://www.tiktok.com/@anna/video/7524919459643919700 and https://youtube.com/watch?v=x`,
        },
        expect: 200,
        check: async (_, body) => {
          const answer = body as { summary: string; results: { ok: boolean; downloadId?: string }[] };
          assert.equal(answer.results.length, 2);
          assert.equal(answer.summary, "Saving 1 link; 1 link can't be saved.");
          const id = answer.results.find((result) => result.ok)?.downloadId ?? '';
          const row = await services().db.download.findUniqueOrThrow({ where: { id } });
          assert.equal(row.userId, users.A.id, 'saved into the token owner’s history');
          assert.equal(row.origin, 'api');
        },
      },
      {
        label: 'one plain sentence for a phone notification',
        token: tokens.A,
        query: '?reply=text',
        body: { text: 'https://vm.tiktok.com/ZMabcdef/' },
        expect: 200,
        check: (response, body) => {
          assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
          assert.equal(body, 'Saving 1 link.');
        },
      },
      {
        label: 'an error as its plain message',
        token: tokens.revoked,
        query: '?reply=text',
        body: { text: 'https://vm.tiktok.com/ZMabcdef/' },
        expect: 401,
        check: (_, body) =>
          assert.equal(
            body,
            'This API token was revoked, so it no longer works. Make a new one under Settings → API tokens.',
          ),
      },
      { label: 'text is not a string', token: tokens.A, body: { text: 42 }, expect: 400 },
      { label: 'no body', token: tokens.A, expect: 400 },
      { label: 'not JSON', token: tokens.A, rawBody: 'text=hello', expect: 400 },
      {
        label: '51 links',
        token: tokens.A,
        body: {
          text: Array.from(
            { length: 51 },
            (_, i) => `https://www.tiktok.com/@a/video/${7524919459643919000n + BigInt(i)}`,
          ).join(' '),
        },
        expect: 400,
        check: (_, body) => assert.equal((body as { error: { code: string } }).error.code, 'too_many_links'),
      },
    ],
    listDownloads: async () => [
      {
        label: 'search',
        token: tokens.A,
        query: '?q=pasta&state=done&state=failed&kind=video&limit=5',
        expect: 200,
        check: (_, body) => {
          const page = body as { items: { id: string }[] };
          assert.deepEqual(
            page.items.map((item) => item.id),
            [fixtures.videoDownload],
          );
        },
      },
      {
        label: 'another user sees none of A’s',
        token: tokens.B,
        expect: 200,
        check: (_, body) => assert.deepEqual((body as { items: unknown[] }).items, []),
      },
      { label: 'limit 0', token: tokens.A, query: '?limit=0', expect: 400 },
      { label: 'unknown state', token: tokens.A, query: '?state=sleeping', expect: 400 },
    ],
    getDownload: async () => [
      {
        label: 'own, with absolute file links',
        token: tokens.A,
        params: { id: fixtures.photoDownload },
        expect: 200,
        check: (_, body) => {
          const detail = body as { assets: { id: string; url: string }[]; zipUrl: string };
          assert.equal(detail.assets.length, 2);
          for (const asset of detail.assets) assert.equal(asset.url, `${BASE}/api/v1/files/${asset.id}`);
          assert.equal(detail.zipUrl, `${BASE}/api/v1/downloads/${fixtures.photoDownload}/zip`);
        },
      },
      { label: 'another user’s', token: tokens.B, params: { id: fixtures.photoDownload }, expect: 404 },
      {
        label: 'the admin’s token on A’s',
        token: tokens.admin,
        params: { id: fixtures.photoDownload },
        expect: 404,
      },
      { label: 'no such id', token: tokens.A, params: { id: randomUUID() }, expect: 404 },
      { label: 'not an id', token: tokens.A, params: { id: 'not-a-uuid' }, expect: 404 },
    ],
    cancelDownload: async () => [
      {
        label: 'queued',
        token: tokens.A,
        params: { id: await seedOwn('queued') },
        expect: 200,
        check: (_, body) => assert.equal((body as { state: string }).state, 'canceled'),
      },
      { label: 'already done', token: tokens.A, params: { id: await seedOwn('done') }, expect: 409 },
      { label: 'another user’s', token: tokens.B, params: { id: await seedOwn('queued') }, expect: 404 },
    ],
    retryDownload: async () => [
      {
        label: 'failed for a passing reason',
        token: tokens.A,
        params: { id: await seedOwn('failed', { failureCode: 'network' }) },
        expect: 200,
        check: (_, body) => assert.equal((body as { state: string }).state, 'queued'),
      },
      {
        label: 'deleted post: a retry cannot help',
        token: tokens.A,
        params: { id: await seedOwn('failed', { failureCode: 'deleted' }) },
        expect: 409,
        check: (_, body) =>
          assert.equal((body as { error: { code: string } }).error.code, 'retry_not_possible'),
      },
      { label: 'done', token: tokens.A, params: { id: await seedOwn('done') }, expect: 409 },
      { label: 'another user’s', token: tokens.B, params: { id: await seedOwn('failed') }, expect: 404 },
    ],
    deleteDownload: async () => {
      const id = await seedOwn('done');
      return [
        { label: 'another user’s', token: tokens.B, params: { id }, expect: 404 },
        {
          label: 'own',
          token: tokens.A,
          params: { id },
          expect: 200,
          check: async () => {
            assert.equal(await services().db.download.count({ where: { id } }), 0);
          },
        },
        { label: 'gone already', token: tokens.A, params: { id }, expect: 404 },
      ];
    },
    downloadFile: async () => [
      {
        label: 'whole file',
        token: tokens.A,
        params: { assetId: fixtures.videoAsset },
        expect: 200,
        check: async (response) => {
          assert.deepEqual(Buffer.from(await response.arrayBuffer()), fixtures.videoBytes);
          assert.equal(response.headers.get('content-type'), 'video/mp4');
          assert.match(
            response.headers.get('content-disposition') ?? '',
            /^attachment; filename="anna - Pasta night/,
          );
          assert.ok(Number(response.headers.get('ratelimit-remaining')) >= 0, 'rate headers on files too');
        },
      },
      {
        label: 'a range',
        token: tokens.A,
        params: { assetId: fixtures.videoAsset },
        headers: { range: 'bytes=10-19' },
        expect: 206,
        check: async (response) => {
          assert.equal(response.headers.get('content-range'), `bytes 10-19/${fixtures.videoBytes.length}`);
          assert.deepEqual(Buffer.from(await response.arrayBuffer()), fixtures.videoBytes.subarray(10, 20));
        },
      },
      {
        label: 'past the end',
        token: tokens.A,
        params: { assetId: fixtures.videoAsset },
        headers: { range: 'bytes=999999-' },
        expect: 416,
      },
      { label: 'another user’s', token: tokens.B, params: { assetId: fixtures.videoAsset }, expect: 404 },
      { label: 'not an id', token: tokens.A, params: { assetId: '../../etc/passwd' }, expect: 404 },
    ],
    downloadPhotoZip: async () => [
      {
        label: 'photo post',
        token: tokens.A,
        params: { id: fixtures.photoDownload },
        expect: 200,
        check: async (response) => {
          const zip = Buffer.from(await response.arrayBuffer());
          assert.equal(zip.readUInt32LE(0), 0x04034b50);
          assert.ok(zip.includes(Buffer.from('picture one')));
        },
      },
      { label: 'a video has no ZIP', token: tokens.A, params: { id: fixtures.videoDownload }, expect: 404 },
      { label: 'another user’s', token: tokens.B, params: { id: fixtures.photoDownload }, expect: 404 },
    ],
    watchCreator: async () => [
      {
        label: 'a profile link',
        token: tokens.A,
        body: { creator: 'https://www.tiktok.com/@anna.cooks?lang=en' },
        expect: 200,
        check: (_, body) => {
          const answer = body as {
            created: boolean;
            watch: { creator: { handle: string }; stories: boolean };
          };
          assert.equal(answer.created, true);
          assert.equal(answer.watch.creator.handle, 'anna.cooks');
          assert.equal(answer.watch.stories, true);
        },
      },
      {
        label: 'the same again',
        token: tokens.A,
        body: { creator: '@anna.cooks' },
        expect: 200,
        check: (_, body) => assert.equal((body as { created: boolean }).created, false),
      },
      {
        label: 'not a creator',
        token: tokens.A,
        body: { creator: 'https://www.youtube.com/@someone' },
        expect: 400,
        check: (_, body) => assert.equal((body as { error: { code: string } }).error.code, 'invalid_creator'),
      },
      { label: 'empty', token: tokens.A, body: { creator: '' }, expect: 400 },
    ],
    getMe: async () => [
      {
        label: 'who the token is',
        token: tokens.admin,
        expect: 200,
        check: (_, body) => {
          const me = body as { user: Json; token: Json; rateLimit: { limit: number } };
          assert.deepEqual(me.user, { id: users.admin.id, email: users.admin.email, name: users.admin.name });
          assert.equal(me.token.name, 'admin token');
          assert.equal(me.rateLimit.limit, 60);
          assert.ok(!('role' in me.user), 'no role, and never admin powers');
        },
      },
    ],
    getOpenApiDocument: async () => [{ label: 'the document', expect: 200 }],
  };

  /** The token cases of every secured operation, with the params of its first case. */
  function tokenCases(first: Case | undefined): Case[] {
    const base = { params: first?.params, body: first?.body, query: first?.query };
    const errorCode = (code: string) => (_: Response, body: unknown) =>
      assert.equal((body as { error: { code: string } }).error.code, code);
    return [
      { ...base, label: 'no token', token: null, expect: 401, check: errorCode('api_token_missing') },
      {
        ...base,
        label: 'unknown token',
        token: `tks_${'A'.repeat(43)}`,
        expect: 401,
        check: errorCode('api_token_invalid'),
      },
      {
        ...base,
        label: 'revoked token',
        token: tokens.revoked,
        expect: 401,
        check: errorCode('api_token_revoked'),
      },
      {
        ...base,
        label: 'expired token',
        token: tokens.expired,
        expect: 401,
        check: errorCode('api_token_expired'),
      },
      {
        ...base,
        label: 'disabled account',
        token: tokens.banned,
        expect: 403,
        check: errorCode('account_disabled'),
      },
      {
        ...base,
        label: 'over the rate limit',
        token: tokens.limited,
        expect: 429,
        check: (response, body) => {
          errorCode('api_rate_limited')(response, body);
          const wait = Number(response.headers.get('retry-after'));
          assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
          assert.equal(response.headers.get('ratelimit-remaining'), '0');
        },
      },
    ];
  }

  test('every operation in the document answers as documented', async () => {
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        path,
        method: method.toUpperCase(),
        operation,
      })),
    );
    assert.deepEqual(
      operations.map(({ operation }) => operation.operationId).sort(),
      Object.keys(CASES).sort(),
      'each documented operation has cases here, and no case is for an undocumented one',
    );
    for (const { path, method, operation } of operations) {
      const own = await (CASES[operation.operationId] as () => Promise<Case[]>)();
      const secured = !(Array.isArray(operation.security) && operation.security.length === 0);
      const cases = secured ? [...own, ...tokenCases(own[0])] : own;
      const seen = new Set<string>();
      for (const testCase of cases) {
        const where = `${method} ${path} (${testCase.label})`;
        if (testCase.label === 'over the rate limit') {
          await services().db.apiToken.update({
            where: { id: limitedTokenId },
            data: { rateWindowStartedAt: new Date(), rateWindowCount: 60 },
          });
        }
        const response = await call({ method, path, ...testCase });
        assert.equal(response.status, testCase.expect, `${where}: ${await response.clone().text()}`);
        const documented = operation.responses[String(response.status)];
        assert.ok(documented, `${where}: status ${response.status} is documented`);
        seen.add(String(response.status));
        const content = (documented.content ?? {}) as Record<string, { schema?: { $ref?: string } }>;
        const type = response.headers.get('content-type') ?? '';
        let body: unknown = null;
        if (type.startsWith('text/plain') && content['text/plain']) {
          body = await response.clone().text();
        } else if (content['application/json']) {
          assert.match(type, /^application\/json/, where);
          body = await response.clone().json();
          const ref = content['application/json'].schema?.$ref;
          if (ref) assert.equal(validateAgainst(ref, body), null, `${where}: body matches ${ref}`);
        } else {
          const [declared] = Object.keys(content);
          assert.ok(declared, `${where}: a documented content type`);
          if (declared !== '*/*') assert.ok(type.startsWith(declared), `${where}: ${type} is ${declared}`);
        }
        await testCase.check?.(response, body);
        await response.body?.cancel().catch(() => {});
      }
      const unseen = Object.keys(operation.responses).filter(
        (status) => status !== '500' && !seen.has(status),
      );
      assert.deepEqual(unseen, [], `${method} ${path}: every documented answer but 500 was produced`);
    }
  });

  test('60 requests a minute per token through the routes, then 429 with Retry-After; other tokens go on', async () => {
    const { token } = await createApiToken(
      { db: services().db, user: users.B },
      { name: 'loop', expiresInDays: null },
    );
    for (let i = 0; i < 60; i++) {
      const response = await call({ method: 'GET', path: '/me', token });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('ratelimit-remaining'), String(59 - i));
      await response.body?.cancel();
    }
    const refused = await call({ method: 'GET', path: '/me', token });
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    assert.deepEqual(await refused.json(), {
      error: {
        code: 'api_rate_limited',
        message:
          'Too many requests with this API token in one minute. Wait the seconds that Retry-After names, then try again.',
      },
    });
    assert.equal((await call({ method: 'GET', path: '/me', token: tokens.B })).status, 200);
  });

  test('any other address under /api/v1 is a JSON 404', async () => {
    const module = (await import(routeFileOf('/[...path]'))) as Record<string, () => Response>;
    const response = (module.GET as () => Response)();
    assert.equal(response.status, 404);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'api_not_found');
  });
});
