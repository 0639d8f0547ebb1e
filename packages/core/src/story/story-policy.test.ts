import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { idAt } from '../page/test-support/build-page.ts';
import { errorCodeForStoryPage, storyCreatedAt } from './story-policy.ts';

const now = new Date('2025-06-02T12:00:00Z');
const nowSeconds = now.getTime() / 1000;
const idHoursAgo = (hours: number) => idAt(nowSeconds - hours * 3600);

describe('errorCodeForStoryPage', () => {
  test('a known story older than 24 h that answers "deleted" has expired', () => {
    assert.equal(
      errorCodeForStoryPage('deleted', { knownStory: true, itemId: idHoursAgo(25), now }),
      'story_expired',
    );
  });

  test('a known story younger than 24 h that answers "deleted" was deleted early', () => {
    assert.equal(
      errorCodeForStoryPage('deleted', { knownStory: true, itemId: idHoursAgo(23), now }),
      'deleted',
    );
  });

  test('createTime, when known, decides over the id', () => {
    const context = { knownStory: true, itemId: idHoursAgo(1), createTime: nowSeconds - 30 * 3600, now };
    assert.equal(errorCodeForStoryPage('deleted', context), 'story_expired');
  });

  test('an ordinary post that is gone stays deleted however old', () => {
    assert.equal(
      errorCodeForStoryPage('deleted', { knownStory: false, itemId: idHoursAgo(24 * 400), now }),
      'deleted',
    );
  });

  test('other codes keep their meaning (a followers-only story stays private_post)', () => {
    const context = { knownStory: true, itemId: idHoursAgo(30), now };
    assert.equal(errorCodeForStoryPage('private_post', context), 'private_post');
    assert.equal(errorCodeForStoryPage('login_wall', context), 'login_required');
    assert.equal(errorCodeForStoryPage('region_locked', context), 'region_locked');
  });

  test('an id without a plausible time cannot prove expiry', () => {
    assert.equal(errorCodeForStoryPage('deleted', { knownStory: true, itemId: '12', now }), 'deleted');
    assert.equal(storyCreatedAt({ itemId: 'x', now }), null);
  });
});
