import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { isAppError } from '@tiksavr/core';
import { createTestDatabase, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { TRPCError } from '@trpc/server';
import { callerFactory, sessionUserOf } from '../testing/callers.ts';
import type { SessionUser } from '../trpc.ts';
import { API_REQUESTS_PER_MINUTE, authenticateToken } from './authenticate-token.ts';
import { MAX_ACTIVE_TOKENS } from './own-tokens.ts';

type Who = 'anonymous' | 'A' | 'B' | 'admin';

describe('personal API tokens', () => {
  let database: TestDatabase;
  let callers: ReturnType<typeof callerFactory>;
  const users = {} as Record<Exclude<Who, 'anonymous'>, SessionUser>;
  const callerOf = (who: Who) => callers.callerFor(who === 'anonymous' ? null : users[who]);

  before(async () => {
    database = await createTestDatabase('tokens');
    callers = callerFactory(database.db, database.url);
    users.A = sessionUserOf(await seedUser(database.db, { role: 'user' }));
    users.B = sessionUserOf(await seedUser(database.db, { role: 'user' }));
    users.admin = sessionUserOf(await seedUser(database.db, { role: 'admin' }));
  });
  after(async () => {
    await callers?.close();
    await database?.drop();
  });

  async function codeOf(run: () => Promise<unknown>): Promise<string> {
    try {
      await run();
      return 'ok';
    } catch (error) {
      if (error instanceof TRPCError)
        return `${error.code}${isAppError(error.cause) ? `/${error.cause.code}` : ''}`;
      if (isAppError(error)) return error.code;
      throw error;
    }
  }

  test('made once: the whole token is shown only at creation; the database keeps its sha256', async () => {
    const created = await callerOf('A').tokens.create({ name: '  iPhone Shortcut  ', expiresInDays: null });
    assert.match(created.token, /^tks_[A-Za-z0-9_-]{43}$/);
    assert.equal(created.apiToken.name, 'iPhone Shortcut');
    assert.equal(created.apiToken.prefix, created.token.slice(0, 10));
    assert.equal(created.apiToken.state, 'active');
    assert.equal(created.apiToken.lastUsedAt, null);
    const row = await database.db.apiToken.findUniqueOrThrow({ where: { id: created.apiToken.id } });
    assert.equal(row.hash, createHash('sha256').update(created.token).digest('hex'));
    assert.ok(!JSON.stringify(row).includes(created.token.slice(10)), 'the secret part is stored nowhere');
    const listed = await callerOf('A').tokens.list();
    const mine = listed.find((token) => token.id === created.apiToken.id);
    assert.ok(mine);
    assert.ok(!JSON.stringify(listed).includes(created.token), 'lists never carry the token');
    assert.deepEqual(Object.keys(mine).sort(), [
      'createdAt',
      'expiresAt',
      'id',
      'lastUsedAt',
      'name',
      'prefix',
      'revokedAt',
      'state',
    ]);
  });

  test('an expiry in days; a name is required', async () => {
    const before = Date.now();
    const { apiToken } = await callerOf('A').tokens.create({ name: 'for 30 days', expiresInDays: 30 });
    const expires = new Date(apiToken.expiresAt ?? 0).getTime();
    assert.ok(Math.abs(expires - before - 30 * 86_400_000) < 60_000, apiToken.expiresAt ?? 'null');
    assert.equal(
      await codeOf(() => callerOf('A').tokens.create({ name: '   ', expiresInDays: null })),
      'BAD_REQUEST',
    );
    assert.equal(
      await codeOf(() => callerOf('A').tokens.create({ name: 'x', expiresInDays: 7 as 30 })),
      'BAD_REQUEST',
    );
  });

  test('authorization: each person sees and revokes only their own; the admin sees and revokes all', async () => {
    const { apiToken } = await callerOf('A').tokens.create({ name: 'A laptop', expiresInDays: null });
    const outcomes: Record<string, string> = {};
    for (const who of ['anonymous', 'A', 'B', 'admin'] as const) {
      outcomes[`list ${who}`] = await codeOf(() => callerOf(who).tokens.list());
      outcomes[`admin.list ${who}`] = await codeOf(() => callerOf(who).admin.tokens.list({}));
      outcomes[`admin.revoke ${who}`] = await codeOf(() =>
        callerOf(who).admin.tokens.revoke({ id: randomUUID() }),
      );
    }
    outcomes['revoke B'] = await codeOf(() => callerOf('B').tokens.revoke({ id: apiToken.id }));
    // tokens.revoke is for one's own tokens, even for an admin (the admin page uses admin.tokens).
    outcomes['revoke admin'] = await codeOf(() => callerOf('admin').tokens.revoke({ id: apiToken.id }));
    assert.deepEqual(outcomes, {
      'list anonymous': 'UNAUTHORIZED',
      'list A': 'ok',
      'list B': 'ok',
      'list admin': 'ok',
      'admin.list anonymous': 'UNAUTHORIZED',
      'admin.list A': 'FORBIDDEN',
      'admin.list B': 'FORBIDDEN',
      'admin.list admin': 'ok',
      'admin.revoke anonymous': 'UNAUTHORIZED',
      'admin.revoke A': 'FORBIDDEN',
      'admin.revoke B': 'FORBIDDEN',
      'admin.revoke admin': 'NOT_FOUND/api_token_not_found', // a random id
      'revoke B': 'NOT_FOUND/api_token_not_found',
      'revoke admin': 'NOT_FOUND/api_token_not_found',
    });
    assert.ok((await callerOf('B').tokens.list()).every((token) => token.id !== apiToken.id));
    const still = await database.db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    assert.equal(still.revokedAt, null, 'B could not revoke it');

    const all = await callerOf('admin').admin.tokens.list({ email: users.A.email.slice(0, 12) });
    const seen = all.tokens.find((token) => token.id === apiToken.id);
    assert.deepEqual(seen?.owner, { id: users.A.id, email: users.A.email });
    const revoked = await callerOf('admin').admin.tokens.revoke({ id: apiToken.id });
    assert.equal(revoked.state, 'revoked');
    const again = await callerOf('A').tokens.revoke({ id: apiToken.id });
    assert.equal(again.revokedAt, revoked.revokedAt, 'revoking twice keeps the first time');
  });

  test('the admin list pages by cursor and filters by owner email', async () => {
    const owner = sessionUserOf(await seedUser(database.db, { email: `pager-${randomUUID()}@example.test` }));
    for (const name of ['one', 'two', 'three']) {
      await callers.callerFor(owner).tokens.create({ name, expiresInDays: null });
    }
    const admin = callerOf('admin');
    const first = await admin.admin.tokens.list({ email: 'PAGER-', limit: 2 });
    assert.deepEqual(
      first.tokens.map((token) => token.name),
      ['three', 'two'],
    );
    assert.ok(first.nextCursor);
    const second = await admin.admin.tokens.list({ email: 'pager-', limit: 2, cursor: first.nextCursor });
    assert.deepEqual(
      second.tokens.map((token) => token.name),
      ['one'],
    );
    assert.equal(second.nextCursor, null);
    assert.equal((await admin.admin.tokens.list({ cursor: 'garbage', email: 'pager-' })).tokens.length, 3);
  });

  test(`at most ${MAX_ACTIVE_TOKENS} tokens that still work; revoking one makes room`, async () => {
    const person = sessionUserOf(await seedUser(database.db));
    const caller = callers.callerFor(person);
    const made = await Promise.all(
      Array.from({ length: MAX_ACTIVE_TOKENS }, (_, i) =>
        caller.tokens.create({ name: `t${i}`, expiresInDays: null }),
      ),
    );
    assert.equal(
      await codeOf(() => caller.tokens.create({ name: 'one more', expiresInDays: null })),
      'BAD_REQUEST/too_many_api_tokens',
    );
    await caller.tokens.revoke({ id: made[0]?.apiToken.id ?? '' });
    assert.equal(await codeOf(() => caller.tokens.create({ name: 'one more', expiresInDays: null })), 'ok');
  });

  describe('authenticateToken', () => {
    const auth = (header: string | null, options = {}) => authenticateToken(database.db, header, options);

    test('the owner, with the role forced to user (an admin’s token has no admin powers)', async () => {
      const { token, apiToken } = await callerOf('admin').tokens.create({
        name: 'admin script',
        expiresInDays: null,
      });
      const identity = await auth(`Bearer ${token}`);
      assert.deepEqual(identity.user, { ...users.admin, role: 'user' });
      assert.equal(identity.token.id, apiToken.id);
      assert.equal((await auth(`bearer   ${token}  `)).user.id, users.admin.id, 'scheme is case-insensitive');
      const row = await database.db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
      assert.ok(row.lastUsedAt && Date.now() - row.lastUsedAt.getTime() < 60_000, 'last use is stamped');
    });

    test('missing, wrong, revoked, expired tokens and disabled accounts are refused, each saying so', async () => {
      const make = async (who: 'A' | 'B', expiresInDays: 30 | null = null) =>
        callerOf(who).tokens.create({ name: 'x', expiresInDays });
      const revoked = await make('A');
      await callerOf('A').tokens.revoke({ id: revoked.apiToken.id });
      const expired = await make('A', 30);
      const afterExpiry = new Date(Date.now() + 31 * 86_400_000);
      const banned = sessionUserOf(await seedUser(database.db, { banned: true }));
      const bannedToken = await callers.callerFor(banned).tokens.create({ name: 'x', expiresInDays: null });
      const liftedBan = sessionUserOf(
        await seedUser(database.db, { banned: true, banExpires: new Date(Date.now() - 1000) }),
      );
      const liftedToken = await callers
        .callerFor(liftedBan)
        .tokens.create({ name: 'x', expiresInDays: null });

      const outcomes = {
        none: await codeOf(() => auth(null)),
        basic: await codeOf(() => auth('Basic dXNlcjpwYXNz')),
        shapeless: await codeOf(() => auth('Bearer hello')),
        unknown: await codeOf(() => auth(`Bearer tks_${'a'.repeat(43)}`)),
        revoked: await codeOf(() => auth(`Bearer ${revoked.token}`)),
        expired: await codeOf(() => auth(`Bearer ${expired.token}`, { now: afterExpiry })),
        beforeExpiry: await codeOf(() => auth(`Bearer ${expired.token}`)),
        banned: await codeOf(() => auth(`Bearer ${bannedToken.token}`)),
        banOver: await codeOf(() => auth(`Bearer ${liftedToken.token}`)),
      };
      assert.deepEqual(outcomes, {
        none: 'api_token_missing',
        basic: 'api_token_missing',
        shapeless: 'api_token_invalid',
        unknown: 'api_token_invalid',
        revoked: 'api_token_revoked',
        expired: 'api_token_expired',
        beforeExpiry: 'ok',
        banned: 'account_disabled',
        banOver: 'ok',
      });
      const expiredList = await callerOf('A').tokens.list();
      assert.equal(expiredList.find((token) => token.id === revoked.apiToken.id)?.state, 'revoked');
    });

    test(`${API_REQUESTS_PER_MINUTE} requests a minute per token, then api_rate_limited with the seconds to wait`, async () => {
      const { token, apiToken } = await callerOf('B').tokens.create({ name: 'busy', expiresInDays: null });
      const other = await callerOf('B').tokens.create({ name: 'calm', expiresInDays: null });
      const start = new Date('2030-01-01T10:00:00.000Z');
      const at = (ms: number) => new Date(start.getTime() + ms);
      for (let i = 0; i < API_REQUESTS_PER_MINUTE; i++) {
        const { rate } = await auth(`Bearer ${token}`, { now: at(i * 500) });
        assert.equal(rate.remaining, API_REQUESTS_PER_MINUTE - 1 - i);
        assert.equal(rate.resetAt.toISOString(), at(60_000).toISOString());
      }
      try {
        await auth(`Bearer ${token}`, { now: at(40_000) });
        assert.fail('expected the limit');
      } catch (error) {
        assert.ok(isAppError(error) && error.code === 'api_rate_limited', String(error));
        assert.equal(error.detail.retryAfterSeconds, 20);
      }
      // Another token of the same person has its own count.
      assert.equal((await auth(`Bearer ${other.token}`, { now: at(40_000) })).rate.remaining, 59);
      // A new window starts once the minute is over.
      assert.equal((await auth(`Bearer ${token}`, { now: at(60_001) })).rate.remaining, 59);
      const row = await database.db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
      assert.equal(row.rateWindowCount, 1);
      assert.equal(row.rateWindowStartedAt?.toISOString(), at(60_001).toISOString());
    });

    test('the count is shared: concurrent requests are all counted (one row, updated atomically)', async () => {
      const { token, apiToken } = await callerOf('B').tokens.create({
        name: 'parallel',
        expiresInDays: null,
      });
      const now = new Date('2031-01-01T00:00:00.000Z');
      const results = await Promise.allSettled(
        Array.from({ length: 70 }, () => auth(`Bearer ${token}`, { now, requestsPerMinute: 50 })),
      );
      assert.equal(results.filter((result) => result.status === 'fulfilled').length, 50);
      const row = await database.db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
      assert.equal(row.rateWindowCount, 70);
    });
  });
});
