import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { MediaAsset } from '@tiksavr/core';
import { createLocalStorage, type Storage } from '@tiksavr/storage';
import { chooseTransferPolicy } from './choose-media-transfer.ts';

function asset(role: MediaAsset['role'], expectedSize?: number): MediaAsset {
  return {
    role,
    index: 0,
    candidates: ['https://v16-webapp.tiktok.com/a'],
    variants: [],
    mime: null,
    watermarked: false,
    optional: false,
    ...(expectedSize === undefined ? {} : { expectedSize }),
  };
}

let dataDir: string;
let storage: Storage;
before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tiksavr-transfer-policy-'));
  storage = createLocalStorage(dataDir);
});
after(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('chooseTransferPolicy', () => {
  test('auto: large files and videos of unknown size through curl, small files through node:http', async () => {
    const policy = await chooseTransferPolicy(
      { transfer: 'auto', curlPath: 'curl', curlMinBytes: 1_000_000 },
      storage,
    );
    assert.equal(policy.curlFromBytes, 1_000_000);
    assert.match(policy.description, /^curl \d[^ ]* from 1000000 bytes, node:http below$/);
    assert.equal(policy.pick(asset('video')).name, 'curl');
    assert.equal(policy.pick(asset('video', 5_000_000)).name, 'curl');
    assert.equal(policy.pick(asset('video', 999_999)).name, 'node');
    assert.equal(policy.pick(asset('image')).name, 'node');
    assert.equal(policy.pick(asset('audio', 2_000_000)).name, 'curl');
    assert.deepEqual(await storage.listTemp(), [], 'the capability probe leaves no file');
  });

  test('node never runs curl', async () => {
    const policy = await chooseTransferPolicy(
      { transfer: 'node', curlPath: 'curl', curlMinBytes: 0 },
      storage,
    );
    assert.equal(policy.curlFromBytes, null);
    assert.equal(policy.pick(asset('video')).name, 'node');
  });

  test('without a runnable curl, auto falls back to node:http and curl refuses to start', async () => {
    const missing = { curlPath: join(dataDir, 'no-such-curl'), curlMinBytes: 0 };
    const fallback = await chooseTransferPolicy({ transfer: 'auto', ...missing }, storage);
    assert.equal(fallback.curlFromBytes, null);
    assert.match(fallback.description, /^node:http only \(.*could not be run\)$/);
    await assert.rejects(
      chooseTransferPolicy({ transfer: 'curl', ...missing }, storage),
      /WORKER_TRANSFER=curl, but/,
    );
  });
});
