import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { kindLabel } from './kind-label.ts';

describe('kindLabel', () => {
  test('a known kind says what the post is', () => {
    const canonicalUrl = 'https://www.tiktok.com/@anna/video/7524919459643919624';
    assert.equal(kindLabel({ kind: 'video', canonicalUrl }), 'Video');
    assert.equal(kindLabel({ kind: 'photo', canonicalUrl }), 'Photo post');
    assert.equal(kindLabel({ kind: 'story', canonicalUrl: 'https://vm.tiktok.com/ZMabc123/' }), 'Story');
  });

  test('a short link whose post was never identified is called a short link', () => {
    for (const canonicalUrl of [
      'https://vm.tiktok.com/ZMabc123/',
      'https://vt.tiktok.com/ZSxyz789/',
      'https://www.tiktok.com/t/ZTabc123/',
    ]) {
      assert.equal(kindLabel({ kind: null, canonicalUrl }), 'Short link', canonicalUrl);
    }
  });

  test('a short link known to be a story (followers-only, expired, with a deadline) is a story', () => {
    assert.equal(
      kindLabel({ kind: null, canonicalUrl: 'https://vm.tiktok.com/ZMabc123/', isStory: true }),
      'Story',
    );
    assert.equal(
      kindLabel({ kind: null, canonicalUrl: 'https://vm.tiktok.com/ZMabc123/', isStory: false }),
      'Short link',
    );
  });

  test('anything else without a kind stays a TikTok link', () => {
    assert.equal(
      kindLabel({ kind: null, canonicalUrl: 'https://www.tiktok.com/@anna/video/7524919459643919624' }),
      'TikTok link',
    );
    assert.equal(kindLabel({ kind: null, canonicalUrl: 'not a link' }), 'TikTok link');
  });
});
