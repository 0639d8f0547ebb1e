import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_DOWNLOAD_PRIORITY, JOBS, parseJobPayload, priorityFor } from './jobs.ts';

describe('priorityFor', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  const inMinutes = (m: number) => new Date(now.getTime() + m * 60_000);

  test('ordinary downloads get the default priority', () => {
    assert.equal(priorityFor(null, now), DEFAULT_DOWNLOAD_PRIORITY);
    assert.equal(priorityFor(undefined, now), DEFAULT_DOWNLOAD_PRIORITY);
  });

  test('every story outranks ordinary downloads; less time left runs first', () => {
    const fresh = priorityFor(inMinutes(24 * 60), now);
    const halfway = priorityFor(inMinutes(12 * 60), now);
    const urgent = priorityFor(inMinutes(5), now);
    assert.ok(fresh > DEFAULT_DOWNLOAD_PRIORITY);
    assert.ok(halfway > fresh);
    assert.ok(urgent > halfway);
    assert.equal(priorityFor(inMinutes(-30), now), priorityFor(inMinutes(0), now));
    assert.equal(priorityFor(inMinutes(48 * 60), now), fresh);
  });
});

describe('media.download contract', () => {
  test('payload needs a uuid downloadId; the queue has a heartbeat', () => {
    assert.throws(() => parseJobPayload('media.download', { downloadId: 'x' }));
    const id = '5b0b8a39-6a39-4f0e-9c1f-3f3c6d0b2a11';
    assert.deepEqual(parseJobPayload('media.download', { downloadId: id }), { downloadId: id });
    assert.equal(JOBS['media.download'].queue.heartbeatSeconds, 10);
  });
});
