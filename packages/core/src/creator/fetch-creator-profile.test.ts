import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type AppError, isAppError } from '../errors.ts';
import { challengePage } from '../page/test-support/build-page.ts';
import type { UpstreamPushback } from '../resolve/pushback.ts';
import { type FakeRoute, pageCookies, startFakeUpstream } from '../resolve/test-support/fake-upstream.ts';
import { fetchCreatorProfile } from './fetch-creator-profile.ts';
import { profilePage, SAMPLE_SEC_UID, SAMPLE_USER_ID, sampleUser } from './test-support/creator-answers.ts';

async function withProfile(
  route: FakeRoute,
  run: (origin: string, requests: () => number) => Promise<void>,
  path = '/@night.owl.art',
) {
  const upstream = await startFakeUpstream({ [path]: route });
  try {
    await run(upstream.origin, () => upstream.requestsTo(path).length);
  } finally {
    await upstream.close();
  }
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isAppError(error), `expected an AppError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('fetchCreatorProfile', () => {
  test('reads id, secUid, handle, nickname, avatar and the private flag from webapp.user-detail', async () => {
    await withProfile(
      () => ({ body: profilePage(), headers: pageCookies('c1') }),
      async (origin, requests) => {
        const profile = await fetchCreatorProfile({ handle: 'night.owl.art' }, { origin });
        assert.deepEqual(profile, {
          tiktokId: SAMPLE_USER_ID,
          secUid: SAMPLE_SEC_UID,
          handle: 'night.owl.art',
          nickname: 'Night Owl Art',
          avatarUrl: String(sampleUser().avatarLarger),
          privateAccount: false,
        });
        assert.equal(requests(), 1);
      },
    );
  });

  test('keeps the handle as TikTok shows it, whatever case was typed', async () => {
    await withProfile(
      () => ({ body: profilePage() }),
      async (origin) => {
        const profile = await fetchCreatorProfile({ handle: 'Night.Owl.Art' }, { origin });
        assert.equal(profile.handle, 'night.owl.art');
      },
      '/@Night.Owl.Art',
    );
  });

  test('10222 with the user is a private profile; without the user it is private_account', async () => {
    await withProfile(
      () => ({ body: profilePage({ statusCode: 10222, user: sampleUser({ privateAccount: true }) }) }),
      async (origin) => {
        const profile = await fetchCreatorProfile({ handle: 'night.owl.art' }, { origin });
        assert.equal(profile.privateAccount, true);
        assert.equal(profile.tiktokId, SAMPLE_USER_ID);
      },
    );
    await withProfile(
      () => ({ body: profilePage({ statusCode: 10222, user: null }) }),
      async (origin) => {
        const error = await rejection(fetchCreatorProfile({ handle: 'night.owl.art' }, { origin }));
        assert.equal(error.code, 'private_account');
      },
    );
  });

  test('a gone, renamed or banned handle is account_not_found, with why', async () => {
    const cases: Array<[FakeRoute, string]> = [
      [() => ({ body: profilePage({ statusCode: 10221, statusMsg: 'user banned', user: null }) }), 'banned'],
      [
        () => ({ body: profilePage({ statusCode: 10202, statusMsg: 'user not exist', user: null }) }),
        'not_found',
      ],
      [() => ({ status: 404, body: 'Not Found' }), 'not_found'],
    ];
    for (const [route, why] of cases) {
      await withProfile(route, async (origin) => {
        const error = await rejection(fetchCreatorProfile({ handle: 'night.owl.art' }, { origin }));
        assert.equal(error.code, 'account_not_found');
        assert.equal(error.detail.why, why);
        assert.equal(error.detail.handle, 'night.owl.art');
      });
    }
  });

  test('a 429 is rate_limited with Retry-After, reported as pushback', async () => {
    const pushbacks: UpstreamPushback[] = [];
    await withProfile(
      () => ({ status: 429, headers: { 'Retry-After': '120' }, body: 'slow down' }),
      async (origin) => {
        const error = await rejection(
          fetchCreatorProfile({ handle: 'night.owl.art' }, { origin, onPushback: (p) => pushbacks.push(p) }),
        );
        assert.equal(error.code, 'rate_limited');
        assert.equal(error.detail.retryAfterSeconds, 120);
      },
    );
    assert.deepEqual(pushbacks, [{ kind: 'rate_limited', retryAfterSeconds: 120 }]);
  });

  test('the WAF challenge is solved once (answer sent on the retry) and reported', async () => {
    const challenge = challengePage({ answer: 77 });
    const pushbacks: UpstreamPushback[] = [];
    await withProfile(
      (request) =>
        request.headers.cookie?.includes('_wafchallengeid=')
          ? { body: profilePage() }
          : { body: challenge.html },
      async (origin, requests) => {
        const profile = await fetchCreatorProfile(
          { handle: 'night.owl.art' },
          { origin, onPushback: (p) => pushbacks.push(p) },
        );
        assert.equal(profile.secUid, SAMPLE_SEC_UID);
        assert.equal(requests(), 2);
      },
    );
    assert.deepEqual(pushbacks, [{ kind: 'challenge' }]);
  });

  test('a challenge that comes back after solving is a challenge error', async () => {
    const challenge = challengePage({ answer: 3 });
    await withProfile(
      () => ({ body: challenge.html }),
      async (origin, requests) => {
        const error = await rejection(fetchCreatorProfile({ handle: 'night.owl.art' }, { origin }));
        assert.equal(error.code, 'challenge');
        assert.equal(requests(), 2);
      },
    );
  });

  test('a redirect to /login is the login wall, reported as pushback', async () => {
    const pushbacks: UpstreamPushback[] = [];
    await withProfile(
      (_request, origin) => ({ status: 302, headers: { Location: `${origin}/login?redirect_url=x` } }),
      async (origin) => {
        const error = await rejection(
          fetchCreatorProfile({ handle: 'night.owl.art' }, { origin, onPushback: (p) => pushbacks.push(p) }),
        );
        assert.equal(error.code, 'login_required');
      },
    );
    assert.deepEqual(pushbacks, [{ kind: 'login_wall' }]);
  });

  test('a page without account data is upstream_error; a bad handle is refused before any request', async () => {
    await withProfile(
      () => ({ body: '<html><body>maintenance</body></html>' }),
      async (origin) => {
        assert.equal(
          (await rejection(fetchCreatorProfile({ handle: 'night.owl.art' }, { origin }))).code,
          'upstream_error',
        );
      },
    );
    await withProfile(
      () => ({ body: profilePage() }),
      async (origin, requests) => {
        assert.equal(
          (await rejection(fetchCreatorProfile({ handle: 'no such' }, { origin }))).code,
          'invalid_creator',
        );
        assert.equal(requests(), 0);
      },
    );
  });
});
