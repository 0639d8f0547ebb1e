import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimateStarts, type QueuedStory } from './start-estimate.ts';

const now = new Date('2026-06-01T12:00:00Z');
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const story = (over: Partial<QueuedStory>): QueuedStory => ({
  priority: 100,
  queuedAt: at(-60),
  notBefore: null,
  deadline: at(3600),
  ...over,
});

describe('estimateStarts', () => {
  test('free slots start at once; later positions wait for slots to free up', () => {
    // 2 slots, 1 busy, 30 s runs: a slot frees every 15 s.
    const estimates = estimateStarts([story({}), story({}), story({}), story({})], {
      now,
      slots: 2,
      busy: 1,
      typicalRunSeconds: 30,
    });
    assert.deepEqual(
      estimates.map((e) => e.position),
      [0, 1, 2, 3],
    );
    assert.deepEqual(
      estimates.map((e) => e.estimatedStart?.toISOString()),
      [at(0), at(15), at(30), at(45)].map((d) => d.toISOString()),
    );
  });

  test('queue order is pg-boss order (priority, then age), not the order given', () => {
    const estimates = estimateStarts(
      [
        story({ priority: 10 }),
        story({ priority: 50, queuedAt: at(-5) }),
        story({ priority: 50, queuedAt: at(-50) }),
      ],
      { now, slots: 1, busy: 1, typicalRunSeconds: 10 },
    );
    assert.deepEqual(
      estimates.map((e) => e.position),
      [2, 1, 0],
    );
  });

  test('a story whose estimate is after its deadline is late; one that would finish after it is tight', () => {
    const [late, tight, fine] = estimateStarts(
      [
        story({ deadline: at(5), priority: 1 }),
        story({ deadline: at(15), priority: 3 }),
        story({ deadline: at(3600), priority: 2 }),
      ],
      { now, slots: 1, busy: 1, typicalRunSeconds: 10 },
    );
    // Order: tight (p3) starts at 10 s, fine (p2) at 20 s, late (p1) at 30 s.
    assert.equal(tight?.estimatedStart?.toISOString(), at(10).toISOString());
    assert.equal(tight?.late, false);
    assert.equal(tight?.tight, true);
    assert.equal(late?.late, true);
    assert.equal(fine?.late, false);
    assert.equal(fine?.tight, false);
  });

  test('a back-off delays the start; no live worker means no estimate and at risk', () => {
    const [deferred] = estimateStarts([story({ notBefore: at(300) })], {
      now,
      slots: 4,
      busy: 0,
      typicalRunSeconds: 10,
    });
    assert.equal(deferred?.position, null);
    assert.equal(deferred?.estimatedStart?.toISOString(), at(300).toISOString());
    const [orphan] = estimateStarts([story({})], { now, slots: 0, busy: 0, typicalRunSeconds: 10 });
    assert.equal(orphan?.estimatedStart, null);
    assert.equal(orphan?.late, true);
  });
});
