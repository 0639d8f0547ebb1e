import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isListedStory, parseStoryList } from './story-list.ts';

describe('parseStoryList', () => {
  test('reads ids, HasMoreAfter and MaxCursor (capitalised keys)', () => {
    const list = parseStoryList({
      itemList: [
        { id: '7450000000000000001' },
        { id: '7450000000000000002' },
        { id: '7450000000000000001' },
        { nope: 1 },
      ],
      HasMoreAfter: true,
      MaxCursor: 1_750_000_000_123,
    });
    assert.deepEqual(
      { itemIds: list.itemIds, hasMoreAfter: list.hasMoreAfter, maxCursor: list.maxCursor },
      {
        itemIds: ['7450000000000000001', '7450000000000000002'],
        hasMoreAfter: true,
        maxCursor: '1750000000123',
      },
    );
    assert.equal(isListedStory(list, '7450000000000000002'), true);
    assert.equal(isListedStory(list, '7450000000000000003'), false);
  });

  test('no itemList, or not a list answer at all, means no stories', () => {
    for (const json of [{ HasMoreAfter: false }, null, 'x', [], { itemList: 'nope' }]) {
      assert.deepEqual(parseStoryList(json), {
        itemIds: [],
        items: [],
        hasMoreAfter: false,
        maxCursor: null,
      });
    }
  });

  test('numeric ids beyond 2^53 are not trusted (they lost digits); string ids are kept', () => {
    // What JSON.parse makes of an unquoted 19-digit id: a number that lost its last digits.
    const list = parseStoryList(
      JSON.parse('{"itemList":[{"id":7450000000000000001},{"id":"7450000000000000001"}]}'),
    );
    assert.deepEqual(list.itemIds, ['7450000000000000001']);
  });

  test('each entry carries its creation time, kind and author for listing', () => {
    const list = parseStoryList({
      itemList: [
        { id: '7450000000000000001', createTime: 1_750_000_000, author: { uniqueId: 'night.owl' } },
        { id: '7450000000000000002', createTime: '1750000100', imagePost: { images: [] } },
        { id: '7450000000000000003' },
      ],
    });
    assert.deepEqual(list.items, [
      {
        id: '7450000000000000001',
        createTimeSeconds: 1_750_000_000,
        kind: 'video',
        authorHandle: 'night.owl',
        pinned: false,
      },
      {
        id: '7450000000000000002',
        createTimeSeconds: 1_750_000_100,
        kind: 'photo',
        authorHandle: '',
        pinned: false,
      },
      { id: '7450000000000000003', createTimeSeconds: null, kind: 'video', authorHandle: '', pinned: false },
    ]);
  });
});
