import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatByteSize, formatCount } from './byte-size.ts';
import { quotaRefusalWords, quotaRoomLeftWords, usageWords } from './quota-words.ts';
import { bytesLeft, itemsLeft, quotaRefusalFor } from './storage-quota.ts';

const GB = 1_000_000_000;

describe('storage quota', () => {
  test('byte sizes read like a phone shows them', () => {
    assert.equal(formatByteSize(0), '0 B');
    assert.equal(formatByteSize(999), '999 B');
    assert.equal(formatByteSize(812_000), '812 KB');
    assert.equal(formatByteSize(4_200_000), '4.2 MB');
    assert.equal(formatByteSize(9_960_000), '10 MB');
    assert.equal(formatByteSize(5 * GB), '5 GB');
    assert.equal(formatByteSize(1.23 * GB), '1.2 GB');
    assert.equal(formatByteSize(2_500 * GB), '2.5 TB');
    assert.equal(formatCount(1000), '1,000');
  });

  test('items: refused only past the limit, and before bytes', () => {
    const limits = { maxBytes: 5 * GB, maxItems: 10 };
    assert.equal(quotaRefusalFor({ bytes: 0, items: 9 }, limits, { items: 1, bytes: null }), null);
    assert.deepEqual(quotaRefusalFor({ bytes: 6 * GB, items: 10 }, limits, { items: 1, bytes: null }), {
      code: 'quota_items_exceeded',
      items: 10,
      maxItems: 10,
    });
    // Nothing new to count (the worker's check of an item already counted at submit).
    assert.equal(quotaRefusalFor({ bytes: 0, items: 10 }, limits, { items: 0, bytes: 1 }), null);
  });

  test('bytes: unknown size refuses only a person already full; a known size must fit', () => {
    const limits = { maxBytes: 5 * GB, maxItems: null };
    assert.equal(quotaRefusalFor({ bytes: 5 * GB - 1, items: 0 }, limits, { items: 1, bytes: null }), null);
    assert.equal(
      quotaRefusalFor({ bytes: 5 * GB, items: 0 }, limits, { items: 1, bytes: null })?.code,
      'quota_bytes_exceeded',
    );
    assert.equal(quotaRefusalFor({ bytes: 4 * GB, items: 0 }, limits, { items: 0, bytes: GB }), null);
    assert.deepEqual(quotaRefusalFor({ bytes: 4 * GB, items: 0 }, limits, { items: 0, bytes: GB + 1 }), {
      code: 'quota_bytes_exceeded',
      bytes: 4 * GB,
      maxBytes: 5 * GB,
      needBytes: GB + 1,
    });
    assert.equal(
      quotaRefusalFor(
        { bytes: 99 * GB, items: 99 },
        { maxBytes: null, maxItems: null },
        { items: 5, bytes: GB },
      ),
      null,
    );
  });

  test('what is left', () => {
    assert.equal(itemsLeft({ bytes: 0, items: 12 }, { maxBytes: null, maxItems: 10 }), 0);
    assert.equal(itemsLeft({ bytes: 0, items: 3 }, { maxBytes: null, maxItems: null }), null);
    assert.equal(bytesLeft({ bytes: 2 * GB, items: 0 }, { maxBytes: 5 * GB, maxItems: null }), 3 * GB);
  });

  test('the words say how much is used and what to do', () => {
    assert.equal(
      quotaRefusalWords({ code: 'quota_items_exceeded', items: 1000, maxItems: 1000 }),
      'You have 1,000 of your 1,000 items. Delete items you no longer need (pinned ones stay until you unpin them), or ask the admin for a higher limit.',
    );
    assert.equal(
      quotaRefusalWords({
        code: 'quota_bytes_exceeded',
        bytes: 4.97 * GB,
        maxBytes: 5 * GB,
        needBytes: 84_000_000,
      }),
      'This needs 84 MB, and you are using 5 GB of your 5 GB. Delete items you no longer need (pinned ones stay until you unpin them), or ask the admin for more room.',
    );
    assert.match(
      quotaRefusalWords({ code: 'quota_bytes_exceeded', bytes: 5 * GB, maxBytes: 5 * GB, needBytes: null }),
      /^Your storage is full: you are using 5 GB of your 5 GB\. Delete/,
    );
    assert.match(
      quotaRoomLeftWords({ bytes: 4.9 * GB, items: 1 }, 5 * GB),
      /^This is larger than the 100 MB you have left of your 5 GB\./,
    );
    assert.equal(
      usageWords({ bytes: 1.2 * GB, items: 340 }, { maxBytes: 5 * GB, maxItems: 1000 }),
      'Using 1.2 GB of 5 GB · 340 of 1,000 items',
    );
    assert.equal(
      usageWords({ bytes: 0, items: 1 }, { maxBytes: null, maxItems: null }),
      'Using 0 B · 1 item',
    );
  });
});
