import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mintItemId, mintLogId, mintSecUid, mintShortCode, secondsFromId } from './tiktok-ids.ts';

test('item ids encode a time 1–11 s before createTime and exceed 2^53', () => {
  const createTime = 1_760_000_000;
  for (let i = 0; i < 200; i++) {
    const id = mintItemId(createTime);
    assert.match(id, /^\d{19}$/);
    const lag = createTime - secondsFromId(id);
    assert.ok(lag >= 1 && lag <= 11, `lag ${lag}`);
    assert.ok(BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER));
  }
});

test('secUid, short codes and log ids have the real shapes', () => {
  assert.match(mintSecUid(), /^MS4wLjABAAAA[A-Za-z0-9_-]{64}$/);
  assert.match(mintShortCode(), /^Z[A-Za-z0-9]{8}$/);
  assert.match(mintLogId(Date.UTC(2025, 4, 24, 17, 12, 28)), /^20250524171228[0-9A-F]{20}$/);
});
