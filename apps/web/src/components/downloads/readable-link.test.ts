import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readableLink } from './readable-link.ts';

describe('readableLink', () => {
  test('a post reads as its creator and id', () => {
    assert.equal(
      readableLink('https://www.tiktok.com/@anna.cooks/video/7524919459643919624'),
      '@anna.cooks · video 7524919459643919624',
    );
    assert.equal(
      readableLink('https://www.tiktok.com/@anna/photo/7524919459643919624'),
      '@anna · photo post 7524919459643919624',
    );
  });

  test('a short link or another address reads without its scheme', () => {
    assert.equal(readableLink('https://vm.tiktok.com/ZMabc123/'), 'vm.tiktok.com/ZMabc123');
    assert.equal(readableLink('https://www.example.com/a/b'), 'example.com/a/b');
  });
});
