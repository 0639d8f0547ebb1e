import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BudgetClaim } from './budget-types.ts';
import { claimPriority } from './claim-priority.ts';

const at = (iso: string) => new Date(iso);

describe('claimPriority', () => {
  test('stories first by deadline, then identify and download by queued time, then watch checks', () => {
    const claims: [string, BudgetClaim][] = [
      ['watch due long ago', { purpose: 'watch_check', dueAt: at('2020-01-01T00:00:00Z') }],
      ['download queued later', { purpose: 'download', dueAt: at('2026-12-04T10:00:01Z') }],
      ['story due tomorrow', { purpose: 'story', dueAt: at('2026-12-05T09:00:00Z') }],
      ['identify queued first', { purpose: 'identify', dueAt: at('2026-12-04T10:00:00Z') }],
      ['story due in an hour', { purpose: 'story', dueAt: at('2026-12-04T11:00:00Z') }],
      ['watch due now', { purpose: 'watch_check', dueAt: at('2026-12-04T10:00:00Z') }],
    ];
    const order = [...claims]
      .sort(([, a], [, b]) => Number(claimPriority(a) - claimPriority(b)))
      .map(([l]) => l);
    assert.deepEqual(order, [
      'story due in an hour',
      'story due tomorrow',
      'identify queued first',
      'download queued later',
      'watch due long ago',
      'watch due now',
    ]);
  });

  test('odd times stay inside their rank', () => {
    const lateStory = claimPriority({ purpose: 'story', dueAt: new Date(8.64e15) });
    const earlyDownload = claimPriority({ purpose: 'download', dueAt: new Date(-1) });
    const invalid = claimPriority({ purpose: 'download', dueAt: new Date(Number.NaN) });
    assert.ok(lateStory < earlyDownload);
    assert.equal(invalid, earlyDownload);
    assert.ok(claimPriority({ purpose: 'watch_check', dueAt: new Date(0) }) < 2n ** 63n);
  });
});
