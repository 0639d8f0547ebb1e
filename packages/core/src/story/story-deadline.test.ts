import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { idAt } from '../page/test-support/build-page.ts';
import {
  isStoryExpired,
  STORY_LIFETIME_MS,
  storyDeadline,
  storyDeadlineFromItemId,
  storyTimeLeft,
} from './story-deadline.ts';

const created = new Date('2025-06-01T10:00:00Z');

describe('story deadline', () => {
  test('is creation + 24 h', () => {
    assert.equal(storyDeadline(created).toISOString(), '2025-06-02T10:00:00.000Z');
    assert.equal(STORY_LIFETIME_MS, 86_400_000);
  });

  test('from an item id: id >> 32 is the creation second', () => {
    const id = idAt(created.getTime() / 1000);
    assert.equal(
      storyDeadlineFromItemId(id, new Date('2025-06-01T12:00:00Z'))?.toISOString(),
      '2025-06-02T10:00:00.000Z',
    );
    // The real item's createTime is 1752031845; its id encodes 4 s earlier.
    assert.equal(
      storyDeadlineFromItemId('7524919459643919624')?.toISOString(),
      new Date((1_752_031_841 + 86_400) * 1000).toISOString(),
    );
  });

  test('from an id that carries no plausible time: null', () => {
    for (const id of ['', 'abc', '123', '-5', '0']) assert.equal(storyDeadlineFromItemId(id), null, id);
  });

  test('time left counts down to 0 and never below', () => {
    const deadline = storyDeadline(created);
    assert.equal(storyTimeLeft(deadline, created), STORY_LIFETIME_MS);
    assert.equal(storyTimeLeft(deadline, new Date('2025-06-02T09:59:00Z')), 60_000);
    assert.equal(storyTimeLeft(deadline, new Date('2025-06-03T00:00:00Z')), 0);
  });

  test('is expired at the deadline, not before', () => {
    const deadline = storyDeadline(created);
    assert.equal(isStoryExpired(deadline, new Date(deadline.getTime() - 1)), false);
    assert.equal(isStoryExpired(deadline, deadline), true);
    assert.equal(isStoryExpired(deadline, new Date(deadline.getTime() + 1)), true);
  });
});
