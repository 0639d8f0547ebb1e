import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { watchProblemOf } from './watch-problem.ts';

const creator = (problemCode: string | null) => ({
  handle: 'night.owl.art',
  problemCode,
  problemAt: problemCode ? new Date('2026-12-04T10:00:00Z') : null,
  consecutiveFailures: problemCode ? 3 : 0,
});

describe('watchProblemOf', () => {
  test('no problem code: no problem', () => {
    assert.equal(watchProblemOf(creator(null)), null);
  });

  test('a private account and a gone account are said plainly and not retried', () => {
    const priv = watchProblemOf(creator('private_account'));
    assert.match(priv?.text ?? '', /^@night\.owl\.art is a private account/);
    assert.equal(priv?.retrying, false);
    const gone = watchProblemOf(creator('account_not_found'));
    assert.match(gone?.text ?? '', /renamed, banned or deleted/);
    assert.equal(gone?.retrying, false);
    assert.equal(gone?.at, '2026-12-04T10:00:00.000Z');
    assert.equal(gone?.inARow, 3);
  });

  test("TikTok's refusals and network trouble say the check will be tried again", () => {
    for (const code of ['rate_limited', 'challenge', 'blocked', 'login_required']) {
      assert.deepEqual(
        { text: watchProblemOf(creator(code))?.text, retrying: watchProblemOf(creator(code))?.retrying },
        { text: 'TikTok refused the last check.', retrying: true },
        code,
      );
    }
    assert.equal(watchProblemOf(creator('network'))?.retrying, true);
  });

  test("another known code uses the error table's words; an unknown one stays vague but honest", () => {
    assert.equal(watchProblemOf(creator('region_locked'))?.retrying, false);
    assert.match(watchProblemOf(creator('region_locked'))?.text ?? '', /region/);
    assert.deepEqual(watchProblemOf(creator('something_new'))?.text, 'The last check did not work.');
  });
});
