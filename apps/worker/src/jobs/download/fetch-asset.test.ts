import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createUpstream, isAppError, type MediaAsset } from '@tiksavr/core';
import { createLocalStorage } from '@tiksavr/storage';
import { loadConfig } from '../../env.ts';
import type { TransferPolicy } from './choose-media-transfer.ts';
import { createCurlTransfer, curlTiedToParent } from './curl-transfer.ts';
import { fetchAsset } from './fetch-asset.ts';
import type { MediaTransfer } from './media-transfer.ts';
import { createNodeTransfer } from './node-transfer.ts';

/**
 * What the TikTok simulator does not model: media URLs that redirect (to the same origin, away
 * from it, in a loop), servers that ignore `Range`, and candidates on foreign hosts. A small
 * real HTTP server plays the CDN; the "foreign" server counts every request it gets, which must
 * stay zero.
 */
const FILE = randomBytes(700_000);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type Cdn = { origin: string; hits: Map<string, number>; close: () => Promise<void> };

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function originOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function sendFile(req: IncomingMessage, res: ServerResponse, honourRange: boolean) {
  const range = honourRange ? /^bytes=(\d+)-$/.exec(req.headers.range ?? '') : null;
  const start = range ? Number(range[1]) : 0;
  res.writeHead(range ? 206 : 200, {
    'Content-Type': 'video/mp4',
    'Content-Length': String(FILE.length - start),
    ...(range ? { 'Content-Range': `bytes ${start}-${FILE.length - 1}/${FILE.length}` } : {}),
  });
  res.end(FILE.subarray(start));
}

async function startCdn(foreignOrigin: string): Promise<Cdn> {
  const hits = new Map<string, number>();
  const cut = new Set<string>();
  const server = await listen((req, res) => {
    const [path = '/', query = ''] = (req.url ?? '/').split('?');
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const redirect = (location: string) => {
      res.writeHead(302, { Location: location, 'Content-Type': 'text/html' });
      res.end('<html>Moved: this body is not the media</html>');
    };
    if (path === '/file') return sendFile(req, res, true);
    if (path === '/cookie-checked') {
      // Only the exact Cookie and Referer the resolver gave (quotes and backslashes included).
      if (req.headers.cookie !== TRICKY_COOKIE || req.headers.referer !== HEADERS.Referer) {
        return res.writeHead(403).end();
      }
      return sendFile(req, res, true);
    }
    if (path === '/no-range') return sendFile(req, res, false);
    if (path === '/moved') return redirect('/file');
    if (path === '/away') return redirect(`${foreignOrigin}/file`);
    if (path === '/loop') return redirect('/loop');
    if (path === '/cut-then-no-range') {
      // First answer: half the body, then the connection drops. Later answers ignore Range.
      if (cut.has(query)) return sendFile(req, res, false);
      cut.add(query);
      res.writeHead(200, { 'Content-Length': String(FILE.length) });
      res.write(FILE.subarray(0, FILE.length / 2), () => res.socket?.destroy());
      return;
    }
    res.writeHead(404).end();
  });
  return {
    origin: originOf(server),
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const HEADERS = { Cookie: 'tt_chain_token=abc', Referer: 'https://www.tiktok.com/', 'User-Agent': 'test' };
const TRICKY_COOKIE = 'tt_chain_token="a\\b"; msToken=x y';

function videoAsset(candidates: string[]): MediaAsset {
  return {
    role: 'video',
    index: 0,
    candidates,
    variants: [],
    mime: null,
    watermarked: false,
    optional: false,
  };
}

const onlyThrough = (transfer: MediaTransfer): TransferPolicy => ({
  curlFromBytes: transfer.name === 'curl' ? 0 : null,
  description: 'test',
  pick: () => transfer,
});

const transfers: Record<MediaTransfer['name'], MediaTransfer> = {
  curl: createCurlTransfer(curlTiedToParent('curl')),
  node: createNodeTransfer(),
};

let foreign: Server;
let foreignHits = 0;
let cdn: Cdn;
let dataDir: string;
before(async () => {
  foreign = await listen((req, res) => {
    foreignHits++;
    sendFile(req, res, true);
  });
  cdn = await startCdn(originOf(foreign));
  dataDir = await mkdtemp(join(tmpdir(), 'tiksavr-fetch-asset-'));
});
after(async () => {
  await cdn?.close();
  await new Promise((resolve) => foreign?.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

for (const [name, transfer] of Object.entries(transfers)) {
  describe(`fetchAsset over the ${name} transfer`, () => {
    let itemCount = 0;
    const fetch = (
      candidates: string[],
      options: { lastAttempt?: boolean; headers?: typeof HEADERS; signal?: AbortSignal } = {},
    ) => {
      const config = loadConfig({ DATABASE_URL: 'postgresql://unused/unused', DATA_DIR: dataDir });
      const deps = {
        storage: createLocalStorage(dataDir),
        config,
        transfers: onlyThrough(transfer),
        upstream: createUpstream(cdn.origin),
      };
      return fetchAsset(deps, {
        itemId: `${name}-${++itemCount}`,
        asset: videoAsset(candidates),
        headers: options.headers ?? HEADERS,
        signal: options.signal ?? new AbortController().signal,
        onBytes: () => {},
        lastAttempt: options.lastAttempt ?? false,
      });
    };
    const codeOf = async (work: Promise<unknown>) => {
      try {
        await work;
      } catch (error) {
        return isAppError(error) ? error.code : String(error);
      }
      return 'no error';
    };

    test('a redirect within the allowed hosts is followed, and its own body is not stored', async () => {
      const stored = await fetch([`${cdn.origin}/moved`]);
      assert.equal(stored.sha256, sha(FILE));
      assert.equal(stored.size, FILE.length);
      assert.equal(stored.mime, 'video/mp4');
    });

    test('a redirect away from TikTok is refused before anything is fetched there', async () => {
      const before = foreignHits;
      assert.equal(await codeOf(fetch([`${cdn.origin}/away`])), 'media_host_refused');
      assert.equal(foreignHits, before, 'the foreign host got no request');
    });

    test('a candidate on a foreign host is skipped for the next one', async () => {
      const before = foreignHits;
      const stored = await fetch([`${originOf(foreign)}/file`, `${cdn.origin}/file`]);
      assert.equal(stored.candidateIndex, 1);
      assert.equal(stored.sha256, sha(FILE));
      assert.equal(foreignHits, before);
    });

    test('the request headers arrive exactly as given; a line break in one is never sent', async () => {
      const stored = await fetch([`${cdn.origin}/cookie-checked`], {
        headers: { ...HEADERS, Cookie: TRICKY_COOKIE },
      });
      assert.equal(stored.sha256, sha(FILE));
      const before = cdn.hits.get('/cookie-checked') ?? 0;
      const injected = { ...HEADERS, Cookie: `${TRICKY_COOKIE}\r\nX-Injected: 1` };
      assert.notEqual(
        await codeOf(fetch([`${cdn.origin}/cookie-checked`], { headers: injected })),
        'no error',
      );
      assert.equal(cdn.hits.get('/cookie-checked') ?? 0, before, 'nothing was sent');
    });

    test('a download canceled before its request starts sends nothing', async () => {
      const before = cdn.hits.get('/file') ?? 0;
      const canceled = AbortSignal.abort(new Error('canceled by the person'));
      assert.notEqual(await codeOf(fetch([`${cdn.origin}/file`], { signal: canceled })), 'no error');
      assert.equal(cdn.hits.get('/file') ?? 0, before);
    });

    test('a redirect loop ends with upstream_error', async () => {
      assert.equal(await codeOf(fetch([`${cdn.origin}/loop`])), 'upstream_error');
    });

    test('a body cut short is kept; a server that then ignores Range gets the file afresh', async () => {
      const url = `${cdn.origin}/cut-then-no-range?${name}`;
      assert.equal(await codeOf(fetch([url])), 'network');
      // Same item again (a retry): the partial has half the file; the 200 to the resume starts over.
      itemCount--;
      const stored = await fetch([url]);
      assert.equal(stored.sha256, sha(FILE));
      assert.equal(stored.size, FILE.length);
    });

    test('MAX_MEDIA_BYTES is checked against the announced size', async () => {
      const config = loadConfig({
        DATABASE_URL: 'postgresql://unused/unused',
        DATA_DIR: dataDir,
        MAX_MEDIA_BYTES: String(FILE.length - 1),
      });
      const storage = createLocalStorage(dataDir);
      const work = fetchAsset(
        { storage, config, transfers: onlyThrough(transfer), upstream: createUpstream(cdn.origin) },
        {
          itemId: `${name}-too-large`,
          asset: videoAsset([`${cdn.origin}/file`]),
          headers: HEADERS,
          signal: new AbortController().signal,
          onBytes: () => {},
          lastAttempt: false,
        },
      );
      assert.equal(await codeOf(work), 'too_large');
      assert.deepEqual(
        (await storage.listTemp()).filter((file) => file.includes('too-large')),
        [],
        'nothing of it is kept',
      );
    });
  });
}
