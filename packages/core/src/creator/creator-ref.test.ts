import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { creatorHandleKey, parseCreatorRef } from './creator-ref.ts';

describe('parseCreatorRef', () => {
  const handleOf = (input: string) => {
    const parsed = parseCreatorRef(input);
    return parsed.ok ? parsed.ref.handle : `!${parsed.reason}`;
  };

  test('profile links on any TikTok web host, with or without scheme, path tail or query', () => {
    assert.equal(handleOf('https://www.tiktok.com/@Sunny.Kitchen'), 'Sunny.Kitchen');
    assert.equal(handleOf('https://www.tiktok.com/@sunny.kitchen/'), 'sunny.kitchen');
    assert.equal(handleOf('tiktok.com/@sunny.kitchen?lang=en&is_from_webapp=1'), 'sunny.kitchen');
    assert.equal(handleOf('http://m.tiktok.com/@night_owl'), 'night_owl');
    assert.equal(
      handleOf('https://www.tiktok.com/@night.owl.art/video/7450123456789012345?_r=1'),
      'night.owl.art',
    );
    assert.equal(handleOf('https://www.tiktok.com/%40night.owl.art'), 'night.owl.art');
    assert.equal(handleOf('https://www.tiktok.com./@trailnotes#top'), 'trailnotes');
  });

  test('@name and the bare name, trimmed', () => {
    assert.equal(handleOf('@trailnotes'), 'trailnotes');
    assert.equal(handleOf('  trailnotes \n'), 'trailnotes');
    assert.equal(handleOf('quiet.corner'), 'quiet.corner');
  });

  test('refuses what names no account, with a reason', () => {
    assert.equal(handleOf(''), '!empty');
    assert.equal(handleOf('   '), '!empty');
    assert.equal(handleOf('two words'), '!not_a_url');
    assert.equal(handleOf('@a'), '!bad_handle');
    assert.equal(handleOf('@has-dash'), '!bad_handle');
    assert.equal(handleOf(`@${'x'.repeat(31)}`), '!bad_handle');
    assert.equal(handleOf('https://www.tiktok.com/'), '!no_handle');
    assert.equal(handleOf('tiktok.com'), '!no_handle');
    assert.equal(handleOf('https://www.tiktok.com/tag/cats'), '!no_handle');
    assert.equal(handleOf('https://vm.tiktok.com/ZMabc1234/'), '!short_link');
    assert.equal(handleOf('https://www.tiktok.com/t/ZTabc1234/'), '!short_link');
    assert.equal(handleOf('https://www.youtube.com/@someone'), '!not_tiktok');
    assert.equal(handleOf('https://tiktok.com.evil.io/@someone'), '!lookalike_host');
    assert.equal(handleOf('https://www.tiktok.com@evil.io/@someone'), '!not_tiktok');
    assert.equal(handleOf('https://user:pw@www.tiktok.com/@someone'), '!lookalike_host');
    assert.equal(handleOf('ftp://www.tiktok.com/@someone'), '!not_a_url');
    assert.equal(handleOf(`@${'x'.repeat(3000)}`), '!too_long');
  });

  test('creatorHandleKey compares handles case-insensitively, with or without @', () => {
    assert.equal(creatorHandleKey('@Sunny.Kitchen'), 'sunny.kitchen');
    assert.equal(creatorHandleKey('sunny.kitchen'), creatorHandleKey('SUNNY.KITCHEN'));
  });
});
