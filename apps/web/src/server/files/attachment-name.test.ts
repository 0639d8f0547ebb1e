import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { attachmentDisposition, attachmentName, extensionFor, partName } from './attachment-name.ts';

describe('attachmentName', () => {
  test('author - caption (id).ext', () => {
    assert.equal(
      attachmentName({
        itemId: '7524919459643919624',
        author: 'anna',
        caption: 'Pasta night',
        extension: 'mp4',
      }),
      'anna - Pasta night (7524919459643919624).mp4',
    );
  });

  test('path separators, reserved and control characters never reach the name', () => {
    const name = attachmentName({
      itemId: '1',
      author: '../../etc',
      caption: 'a/b\\c:d*e?f"g<h>i|j\u0000k\nl  #tag 100%',
      extension: 'jpg',
    });
    assert.equal(name, 'etc - a b c d e f g h i j k l tag 100 (1).jpg');
    assert.doesNotMatch(name, /[/\\:*?"<>|]/);
    assert.ok(
      [...name].every((c) => c.charCodeAt(0) >= 0x20),
      'no control characters',
    );
  });

  test('long captions are cut; empty ones fall back to TikTok; parts name siblings', () => {
    const long = attachmentName({ itemId: '2', author: 'x', caption: '🎉'.repeat(200), extension: 'mp4' });
    assert.ok(Array.from(long).length < 120, long);
    assert.equal(
      attachmentName({ itemId: '3', caption: '   ', extension: 'mp3', part: 'sound' }),
      'TikTok (3) sound.mp3',
    );
    assert.equal(partName('image', 0, 3), '01');
    assert.equal(partName('image', 0, 1), undefined);
    assert.equal(partName('audio', 0, 3), 'sound');
    assert.equal(extensionFor('image/jpeg'), 'jpg');
    assert.equal(extensionFor('video/mp4; codecs=avc1'), 'mp4');
    assert.equal(extensionFor('application/x-unknown'), 'bin');
  });

  test('Content-Disposition carries an ASCII fallback and the exact UTF-8 name', () => {
    const header = attachmentDisposition('Zoë - café "menu" (1).mp4');
    assert.equal(
      header,
      `attachment; filename="Zoe - cafe menu (1).mp4"; filename*=UTF-8''Zo%C3%AB%20-%20caf%C3%A9%20%22menu%22%20%281%29.mp4`,
    );
  });
});
