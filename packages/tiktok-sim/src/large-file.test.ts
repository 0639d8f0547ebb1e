import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { getPage, itemOf } from './sim-test-client.ts';
import type { SimItem, TikTokSim } from './sim-types.ts';
import { startTikTokSim } from './start-tiktok-sim.ts';

/** Streams a URL into a sha256 without keeping the body; returns status, size and digest. */
function hashDownload(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; size: number; sha256: string; contentLength: number }>(
    (resolve, reject) => {
      request(url, { headers }, (res) => {
        const hash = createHash('sha256');
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          hash.update(chunk);
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            size,
            sha256: hash.digest('hex'),
            contentLength: Number(res.headers['content-length']),
          }),
        );
        res.on('error', reject);
      })
        .on('error', reject)
        .end();
    },
  );
}

describe('large synthetic video (20 MB)', () => {
  const size = 20 * 1024 * 1024;
  let sim: TikTokSim;
  let video: SimItem;
  before(async () => {
    sim = await startTikTokSim();
    video = sim.addItem({ kind: 'video', username: 'big.file', largeBytes: size });
  });
  after(() => sim.close());

  test('streams exactly largeBytes with the sha256 the sim reports, and DataSize says so', async () => {
    const page = await getPage(video.pageUrl);
    const item = itemOf(page);
    const gear = item.video?.bitrateInfo?.find((g) => g.CodecType === 'h264' && g.PlayAddr.Height === 1920);
    assert.equal(gear?.PlayAddr.DataSize, String(size));
    const download = await hashDownload(item.video?.playAddr ?? '', { Cookie: page.cookies });
    assert.equal(download.status, 200);
    assert.equal(download.contentLength, size);
    assert.equal(download.size, size);
    assert.equal(download.sha256, await sim.mediaSha256(video.id, 'video'));
    assert.equal(sim.stats().items[video.id]?.media['video#0']?.bytesServed, size);
  });

  test('starts with the real MP4 and resumes from any offset with Range', async () => {
    const page = await getPage(video.pageUrl);
    const url = itemOf(page).video?.playAddr ?? '';
    const head = await fetch(url, { headers: { Cookie: page.cookies, Range: 'bytes=0-7' } });
    assert.equal(Buffer.from(await head.arrayBuffer()).toString('latin1', 4, 8), 'ftyp');
    const from = 13 * 1024 * 1024 + 17;
    const tail = await hashDownload(url, { Cookie: page.cookies, Range: `bytes=${from}-` });
    assert.equal(tail.status, 206);
    assert.equal(tail.size, size - from);
  });

  test('a 1 GiB video answers HEAD and a tail Range at once: bytes are made on demand, never held', async () => {
    const huge = sim.addItem({ kind: 'video', username: 'huge.file', largeBytes: 1024 ** 3 });
    const page = await getPage(huge.pageUrl);
    const url = itemOf(page).video?.playAddr ?? '';
    const started = performance.now();
    const headRes = await fetch(url, { method: 'HEAD', headers: { Cookie: page.cookies } });
    assert.equal(headRes.headers.get('content-length'), String(1024 ** 3));
    const tail = await hashDownload(url, { Cookie: page.cookies, Range: 'bytes=-1000' });
    assert.equal(tail.status, 206);
    assert.equal(tail.size, 1000);
    assert.ok(performance.now() - started < 2000);
    assert.throws(() => sim.mediaBytes(huge.id, 'video'), RangeError);
  });

  test('largeBytes too small to hold the real MP4 is refused', () => {
    assert.throws(() => sim.addItem({ kind: 'video', username: 'too.small', largeBytes: 10 }), /largeBytes/);
  });
});
