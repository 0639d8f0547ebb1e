import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ERRORS } from '@tiksavr/core';
import { type DownloadDtoRow, toDownloadDto } from './download-dto.ts';

const HOUR = 60 * 60 * 1000;
const created = new Date('2026-12-04T08:00:00Z');

function row(overrides: Partial<DownloadDtoRow>): DownloadDtoRow {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    inputUrl: 'https://vm.tiktok.com/ZMabc123/',
    canonicalUrl: 'https://vm.tiktok.com/ZMabc123/',
    itemId: null,
    kind: null,
    state: 'queued',
    failureCode: null,
    failureMessage: null,
    author: null,
    caption: null,
    storyDeadline: null,
    bytesDone: 0n,
    bytesTotal: null,
    attempts: 0,
    createdAt: created,
    startedAt: null,
    finishedAt: null,
    origin: 'paste',
    watch: null,
    ...overrides,
  };
}

describe('toDownloadDto', () => {
  test('a saved story says how much time it had to spare', () => {
    const dto = toDownloadDto(
      row({
        kind: 'story',
        state: 'done',
        storyDeadline: new Date(created.getTime() + 24 * HOUR),
        finishedAt: new Date(created.getTime() + 20 * HOUR + 20 * 60_000),
      }),
    );
    assert.equal(dto.isStory, true);
    assert.equal(dto.savedWithSpareSeconds, 3 * 3600 + 40 * 60);
  });

  test('posts and unfinished stories have no spare time; a deadline alone makes it a story', () => {
    assert.equal(
      toDownloadDto(row({ kind: 'video', state: 'done', finishedAt: created })).savedWithSpareSeconds,
      null,
    );
    const waiting = toDownloadDto(row({ storyDeadline: new Date(created.getTime() + HOUR) }));
    assert.deepEqual(
      { isStory: waiting.isStory, spare: waiting.savedWithSpareSeconds },
      { isStory: true, spare: null },
    );
    assert.equal(toDownloadDto(row({})).isStory, false);
  });

  test('an expired or removed story and a deleted post get their own words and no screen-recording advice', () => {
    for (const code of ['story_expired', 'story_removed', 'deleted', 'gone'] as const) {
      const dto = toDownloadDto(
        row({ state: code === 'story_expired' ? 'expired' : 'failed', failureCode: code }),
      );
      assert.equal(dto.failureMessage, ERRORS[code].user, code);
      assert.equal(dto.advice, null, code);
    }
    assert.equal(toDownloadDto(row({ failureCode: 'story_expired' })).isStory, true);
    assert.equal(toDownloadDto(row({ failureCode: 'deleted' })).isStory, false);
  });

  test('a story that is private is worded as a followers-only story, with the advice', () => {
    const dto = toDownloadDto(
      row({
        kind: 'story',
        state: 'failed',
        failureCode: 'private_post',
        failureMessage: ERRORS.private_post.user,
      }),
    );
    assert.match(dto.failureMessage ?? '', /story/i);
    assert.match(dto.failureMessage ?? '', /followers/i);
    assert.notEqual(dto.failureMessage, ERRORS.private_post.user);
    assert.equal(dto.isStory, true);
    assert.equal(dto.advice, 'screen_recording');
  });

  test('a share-disabled post keeps the advice the error table gives it', () => {
    const dto = toDownloadDto(row({ state: 'failed', failureCode: 'share_disabled' }));
    assert.equal(dto.failureMessage, ERRORS.share_disabled.user);
    assert.equal(dto.advice, 'screen_recording');
  });

  test('a download found by a watch names the watched creator', () => {
    const dto = toDownloadDto(row({ origin: 'watch', watch: { creator: { handle: 'night.owl.art' } } }));
    assert.deepEqual(
      { origin: dto.origin, watchCreator: dto.watchCreator },
      { origin: 'watch', watchCreator: 'night.owl.art' },
    );
    assert.equal(toDownloadDto(row({ origin: 'watch', watch: null })).watchCreator, null);
  });
});
