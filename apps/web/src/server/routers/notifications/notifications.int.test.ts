import assert from 'node:assert/strict';
import { createECDH, randomBytes } from 'node:crypto';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { ALLOW_PRIVATE_TARGETS_SETTING, JOBS } from '@tiksavr/core';
import { ensureQueues } from '@tiksavr/db';
import { createTestDatabase, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { TRPCError } from '@trpc/server';
import { callerFactory, sessionUserOf } from '../../testing/callers.ts';
import type { SessionUser } from '../../trpc.ts';

type Caller = ReturnType<ReturnType<typeof callerFactory>['callerFor']>;

const ALL_EVENTS = { onSaved: true, onFailed: true, onWatchedStory: true };
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

/** A subscription as a browser's `PushSubscription.toJSON()` gives it. */
function browserSubscription(endpoint: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    endpoint,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
    userAgent: ANDROID_CHROME,
  };
}

describe('notifications settings', () => {
  let database: TestDatabase;
  let callers: ReturnType<typeof callerFactory>;
  let anna: SessionUser;
  let ben: SessionUser;
  let a: Caller;
  let b: Caller;
  let admin: Caller;

  const appCodeOf = async (run: () => Promise<unknown>): Promise<string | undefined> => {
    try {
      await run();
    } catch (error) {
      assert.ok(error instanceof TRPCError, String(error));
      return (error.cause as { code?: string } | undefined)?.code ?? error.code;
    }
    return 'accepted';
  };

  before(async () => {
    database = await createTestDatabase('notifications');
    callers = callerFactory(database.db, database.url);
    await ensureQueues(await callers.boss(), JOBS);
    anna = sessionUserOf(await seedUser(database.db));
    ben = sessionUserOf(await seedUser(database.db));
    a = callers.callerFor(anna);
    b = callers.callerFor(ben);
    admin = callers.callerFor(sessionUserOf(await seedUser(database.db, { role: 'admin' })));
  });
  after(async () => {
    await callers?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await database.db.webhook.deleteMany({});
    await database.db.webhookDelivery.deleteMany({});
    await database.db.pushSubscription.deleteMany({});
    await database.db.setting.deleteMany({});
  });
  afterEach(() => {
    delete process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS;
    delete process.env.VAPID_PUBLIC_KEY;
  });

  const save = (caller: Caller, url: string) =>
    caller.notifications.webhook.save({ url, format: 'json', events: ALL_EVENTS });

  test('loopback, link-local, private and names resolving to them are refused when saved', async () => {
    for (const url of [
      'http://127.0.0.1:9000/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://2130706433/hook',
      'http://localhost:8080/hook',
      'http://ntfy.localhost/topic',
      'http://192.168.1.20/hook',
      'http://[fd12::1]/hook',
    ]) {
      assert.equal(await appCodeOf(() => save(a, url)), 'webhook_target_refused', url);
    }
    for (const url of ['ftp://example.com/x', 'https://user:pass@example.com/', 'example.com/hook']) {
      assert.equal(await appCodeOf(() => save(a, url)), 'webhook_url_invalid', url);
    }
    assert.equal(await a.notifications.webhook.get(), null);
  });

  test('the refusal is the error table’s plain words', async () => {
    try {
      await save(a, 'http://169.254.169.254/');
      assert.fail('accepted');
    } catch (error) {
      assert.ok(error instanceof TRPCError);
      assert.match(error.message, /doesn't send webhooks to addresses inside its own network/);
    }
  });

  test('allowed once the admin allows private targets; the secret is shown once, then only its start', async () => {
    assert.equal((await admin.admin.notifications.settings()).allowed, false);
    await admin.admin.notifications.setAllowPrivateTargets({ allow: true });
    const first = await save(a, 'http://localhost:8080/hook');
    assert.match(first.secret ?? '', /^whsec_[A-Za-z0-9_-]{43}$/);
    assert.equal(first.webhook.url, 'http://localhost:8080/hook');
    assert.equal(first.webhook.secretPreview, `${first.secret?.slice(0, 10)}…`);
    const again = await a.notifications.webhook.save({
      url: 'http://127.0.0.1:9000/ntfy-topic',
      format: 'ntfy',
      events: { onSaved: false, onFailed: true, onWatchedStory: true },
    });
    assert.equal(again.secret, null, 'an update does not show the secret again');
    assert.equal(again.webhook.format, 'ntfy');
    assert.equal(again.webhook.onSaved, false);
    const stored = await database.db.webhook.findUniqueOrThrow({ where: { userId: anna.id } });
    assert.equal(stored.secret, first.secret, 'the secret stays');
    const regenerated = await a.notifications.webhook.regenerateSecret();
    assert.notEqual(regenerated.secret, first.secret);
    assert.equal(
      (await database.db.webhook.findUniqueOrThrow({ where: { userId: anna.id } })).secret,
      regenerated.secret,
    );
    assert.equal(await b.notifications.webhook.get(), null, 'ben has none');
    assert.equal(await appCodeOf(() => b.notifications.webhook.regenerateSecret()), 'webhook_not_found');
  });

  test('WEBHOOKS_ALLOW_PRIVATE_TARGETS overrides the admin’s setting', async () => {
    process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = 'true';
    assert.deepEqual(await admin.admin.notifications.settings(), {
      allowed: true,
      setting: false,
      envOverride: true,
    });
    assert.equal(await appCodeOf(() => save(a, 'http://127.0.0.1:9000/hook')), 'accepted');
    process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = 'false';
    await admin.admin.notifications.setAllowPrivateTargets({ allow: true });
    assert.equal(await appCodeOf(() => save(a, 'http://127.0.0.1:9000/hook')), 'webhook_target_refused');
  });

  test('only admins see failures and change where webhooks may go', async () => {
    assert.equal(await appCodeOf(() => a.admin.notifications.failures()), 'FORBIDDEN');
    assert.equal(
      await appCodeOf(() => a.admin.notifications.setAllowPrivateTargets({ allow: true })),
      'FORBIDDEN',
    );
    assert.equal(await database.db.setting.count({ where: { key: ALLOW_PRIVATE_TARGETS_SETTING } }), 0);
  });

  test('the delivery log shows a person their latest 50 deliveries, newest first, with what happened', async () => {
    const base = Date.now() - 3600_000;
    const row = (userId: string, minute: number, extra: object) => ({
      userId,
      event: 'saved',
      host: 'hooks.example.com',
      maxAttempts: 6,
      createdAt: new Date(base + minute * 60_000),
      ...extra,
    });
    await database.db.webhookDelivery.createMany({
      data: [
        ...Array.from({ length: 52 }, (_, i) =>
          row(anna.id, i, { attempt: 1, statusCode: 200, deliveredAt: new Date(base + i * 60_000) }),
        ),
        row(anna.id, 53, {
          attempt: 2,
          statusCode: 500,
          error: 'The receiver answered 500 (a server error).',
        }),
        row(anna.id, 54, {
          attempt: 6,
          statusCode: 500,
          error: 'The receiver answered 500 (a server error).',
          failedAt: new Date(base + 54 * 60_000),
        }),
        row(anna.id, 55, { attempt: 0 }),
        row(ben.id, 56, { attempt: 1, error: 'Not sent: ben', failedAt: new Date() }),
      ],
    });
    const log = await a.notifications.webhook.deliveries();
    assert.equal(log.length, 50);
    assert.deepEqual(
      log.slice(0, 4).map((d) => [d.state, d.attempt, d.statusCode]),
      [
        ['waiting', 0, null],
        ['failed', 6, 500],
        ['retrying', 2, 500],
        ['delivered', 1, 200],
      ],
    );
    assert.ok(
      log.every((d) => d.error !== 'Not sent: ben'),
      'only her own',
    );
    const failures = await admin.admin.notifications.failures();
    assert.deepEqual(
      failures.deliveries.map((d) => [d.userEmail, d.error]),
      [
        [ben.email, 'Not sent: ben'],
        [anna.email, 'The receiver answered 500 (a server error).'],
      ],
    );
  });

  test('a test message to the webhook is logged and queued for one try', async () => {
    await admin.admin.notifications.setAllowPrivateTargets({ allow: true });
    assert.equal(await appCodeOf(() => a.notifications.webhook.test()), 'webhook_not_found');
    await save(a, 'http://127.0.0.1:9000/hook');
    await a.notifications.webhook.test();
    const [delivery] = await a.notifications.webhook.deliveries();
    assert.equal(delivery?.event, 'test');
    assert.equal(delivery?.state, 'waiting');
    assert.equal(delivery?.host, '127.0.0.1:9000');
    const jobs = await database.db.$queryRaw<{ data: Record<string, unknown>; retryLimit: number }[]>`
      SELECT data, retry_limit AS "retryLimit" FROM pgboss.job WHERE name = 'notify.deliver'`;
    assert.deepEqual(jobs, [
      {
        data: { channel: 'webhook', event: 'test', downloadId: null, deliveryId: delivery?.id },
        retryLimit: 0,
      },
    ]);
  });

  test('push: off without VAPID keys; a subscription is checked, labelled, and each person sees only theirs', async () => {
    assert.deepEqual(await a.notifications.push.config(), { publicKey: null });
    const phone = browserSubscription('https://fcm.example.test/wp/abc');
    assert.equal(await appCodeOf(() => a.notifications.push.subscribe(phone)), 'push_not_configured');

    process.env.VAPID_PUBLIC_KEY = 'BPublicKeyForTheTest';
    assert.deepEqual(await a.notifications.push.config(), { publicKey: 'BPublicKeyForTheTest' });
    // Not https, or a private address: refused unless the admin allows private targets.
    const local = browserSubscription('http://127.0.0.1:9000/push/1');
    assert.equal(await appCodeOf(() => a.notifications.push.subscribe(local)), 'push_subscription_invalid');
    const bad = { ...local, keys: { p256dh: 'AAAA', auth: 'BBBB' } };
    assert.equal(await appCodeOf(() => a.notifications.push.subscribe(bad)), 'push_subscription_invalid');

    await admin.admin.notifications.setAllowPrivateTargets({ allow: true });
    const device = await a.notifications.push.subscribe(local);
    assert.equal(device.label, 'Chrome on Android');
    assert.equal(device.endpoint, local.endpoint);
    assert.deepEqual(
      (await a.notifications.push.list()).map((d) => d.id),
      [device.id],
    );
    assert.deepEqual(await b.notifications.push.list(), []);
    assert.equal(
      await appCodeOf(() => b.notifications.push.remove({ id: device.id })),
      'push_subscription_not_found',
    );
    assert.equal(
      await appCodeOf(() => b.notifications.push.setEvents({ id: device.id, events: ALL_EVENTS })),
      'push_subscription_not_found',
    );

    const quiet = await a.notifications.push.setEvents({
      id: device.id,
      events: { onSaved: false, onFailed: true, onWatchedStory: true },
    });
    assert.equal(quiet.onSaved, false);
    // The same browser, now signed in as Ben, takes its subscription over.
    const taken = await b.notifications.push.subscribe(local);
    assert.equal(taken.id, device.id);
    assert.deepEqual(await a.notifications.push.list(), []);
    await b.notifications.push.remove({ id: device.id });
    assert.deepEqual(await b.notifications.push.list(), []);
  });
});
