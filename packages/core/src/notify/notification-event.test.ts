import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { notificationEventFor, wantsEvent } from './notification-event.ts';
import { itemTitle, notificationText } from './notification-payload.ts';

describe('notificationEventFor', () => {
  test('done is saved; a watched creator’s story is watched_story; failed and expired are failed', () => {
    assert.equal(notificationEventFor({ state: 'done', kind: 'video', origin: 'paste' }), 'saved');
    assert.equal(notificationEventFor({ state: 'done', kind: 'story', origin: 'paste' }), 'saved');
    assert.equal(notificationEventFor({ state: 'done', kind: 'video', origin: 'watch' }), 'saved');
    assert.equal(notificationEventFor({ state: 'done', kind: 'story', origin: 'watch' }), 'watched_story');
    assert.equal(notificationEventFor({ state: 'failed', kind: 'story', origin: 'watch' }), 'failed');
    assert.equal(notificationEventFor({ state: 'expired', kind: 'story', origin: 'paste' }), 'failed');
  });

  test('running and canceled downloads raise nothing', () => {
    for (const state of ['queued', 'resolving', 'downloading', 'canceled']) {
      assert.equal(notificationEventFor({ state, kind: 'video', origin: 'paste' }), null, state);
    }
  });

  test('each channel’s switches pick events; a test always goes', () => {
    const switches = { onSaved: false, onFailed: true, onWatchedStory: false };
    assert.equal(wantsEvent(switches, 'saved'), false);
    assert.equal(wantsEvent(switches, 'failed'), true);
    assert.equal(wantsEvent(switches, 'watched_story'), false);
    assert.equal(wantsEvent(switches, 'test'), true);
  });
});

describe('notification words', () => {
  test('a title is the caption’s first line, cut at a word; else kind and author', () => {
    assert.equal(itemTitle({ caption: 'Sunset\nsecond line', author: 'ann', kind: 'video' }), 'Sunset');
    assert.equal(itemTitle({ caption: '', author: 'ann', kind: 'photo' }), 'Photo post by @ann');
    assert.equal(itemTitle({ caption: null, author: null, kind: null }), 'TikTok post');
    const long = itemTitle({ caption: 'word '.repeat(40), author: 'ann', kind: 'video' });
    assert.ok(long.length <= 101 && long.endsWith('word…'), long);
  });

  test('a failure says why in the words history uses', () => {
    const text = notificationText({
      event: 'failed',
      at: '2026-12-04T13:00:00.000Z',
      download: {
        id: 'd',
        link: 'https://www.tiktok.com/@ann/video/1',
        kind: 'story',
        state: 'expired',
        title: 'Story by @ann',
        author: 'ann',
        failure: { code: 'story_expired', message: 'This story has expired (stories last 24 hours).' },
        files: [],
        pageUrl: 'http://x/history',
      },
    });
    assert.equal(text.title, "Couldn't save: Story by @ann");
    assert.equal(text.body, 'This story has expired (stories last 24 hours).');
    assert.ok(text.tags.includes('warning'));
  });
});
