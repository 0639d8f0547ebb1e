import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadNotifyConfig } from './notify-config.ts';
import { newVapidKeys } from './test-support/web-push-oracle.ts';

describe('loadNotifyConfig', () => {
  const keys = newVapidKeys();

  test('no keys: push is off, webhooks still go; defaults', () => {
    const config = loadNotifyConfig({});
    assert.equal(config.vapid, null);
    assert.equal(config.allowPrivateTargets, null);
    assert.equal(config.publicUrl, 'http://127.0.0.1:3000');
    assert.equal(config.timeoutMs, 10_000);
  });

  test('both keys: the subject defaults to mailto:admin@ the PUBLIC_URL host', () => {
    const config = loadNotifyConfig({
      VAPID_PUBLIC_KEY: keys.publicKey,
      VAPID_PRIVATE_KEY: keys.privateKey,
      PUBLIC_URL: 'https://saves.example.org/',
    });
    assert.deepEqual(config.vapid, { ...keys, subject: 'mailto:admin@saves.example.org' });
    assert.equal(config.publicUrl, 'https://saves.example.org');
  });

  test('one key alone, a malformed key, a bad subject or a bad override stop start-up naming it', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ VAPID_PUBLIC_KEY: keys.publicKey }, /set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY/],
      [{ VAPID_PUBLIC_KEY: 'abc', VAPID_PRIVATE_KEY: keys.privateKey }, /VAPID_PUBLIC_KEY must be/],
      [{ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.publicKey }, /VAPID_PRIVATE_KEY must be/],
      [{ ...vapidEnv(keys), VAPID_SUBJECT: 'admin@example.org' }, /VAPID_SUBJECT must start with/],
      [{ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'maybe' }, /WEBHOOKS_ALLOW_PRIVATE_TARGETS must be true or false/],
    ];
    for (const [env, message] of cases) {
      assert.throws(() => loadNotifyConfig(env), message, JSON.stringify(env));
    }
    assert.equal(loadNotifyConfig({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'false' }).allowPrivateTargets, false);
  });
});

function vapidEnv(keys: { publicKey: string; privateKey: string }) {
  return { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey };
}
