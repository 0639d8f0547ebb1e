import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { initialsOf } from './creator-initials.ts';

describe('initialsOf', () => {
  test('two words give their first letters; one word its first two', () => {
    assert.equal(initialsOf('Night Owl Art'), 'NO');
    assert.equal(initialsOf('sunny.kitchen'), 'SK');
    assert.equal(initialsOf('anna'), 'AN');
    assert.equal(initialsOf('__x'), 'X');
    assert.equal(initialsOf('🎨🎨'), '@');
  });
});
