import assert from 'node:assert/strict';
import { lookup } from 'node:dns/promises';
import { describe, test } from 'node:test';
import { isAppError } from '../errors.ts';
import { checkTarget, parseTargetUrl, type ResolveHost } from './notify-target.ts';

/** The machine's own resolver (getaddrinfo: /etc/hosts knows `localhost`; no network needed). */
const systemResolver: ResolveHost = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/** A resolver for names the test makes up: the answers a hostile DNS server could give. */
const fakeDns =
  (answers: Record<string, string[]>): ResolveHost =>
  async (host) => {
    const found = answers[host];
    if (!found) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found;
  };

async function codeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    assert.ok(isAppError(error), String(error));
    return error.code;
  }
  return 'accepted';
}

describe('parseTargetUrl', () => {
  test('http and https with a host; no other scheme, no credentials', () => {
    assert.equal(parseTargetUrl(' https://hooks.example.com/a?b=1 ').href, 'https://hooks.example.com/a?b=1');
    for (const bad of [
      'ftp://example.com/',
      'file:///etc/passwd',
      'https://user:pw@example.com/',
      'not a url',
      '',
    ]) {
      assert.throws(
        () => parseTargetUrl(bad),
        (error) => isAppError(error) && error.code === 'webhook_url_invalid',
        bad,
      );
    }
  });
});

describe('checkTarget', () => {
  const refusedByDefault = [
    'http://127.0.0.1:8080/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://2130706433/hook',
    'http://localhost:3000/hook',
    'http://app.localhost/hook',
    'http://10.0.0.7/hook',
  ];

  test('loopback, link-local, private and localhost are refused by default', async () => {
    for (const url of refusedByDefault) {
      assert.equal(
        await codeOf(() => checkTarget(new URL(url), { resolveHost: systemResolver, allowPrivate: false })),
        'webhook_target_refused',
        url,
      );
    }
  });

  test('allowed when the admin allows private targets', async () => {
    for (const url of refusedByDefault.filter((u) => !u.includes('app.localhost'))) {
      const addresses = await checkTarget(new URL(url), { resolveHost: systemResolver, allowPrivate: true });
      assert.ok(addresses.length > 0, url);
    }
  });

  test('a name is refused when any address it resolves to is private (no mixing a public one in)', async () => {
    const resolveHost = fakeDns({
      'metadata.example': ['169.254.169.254'],
      'mixed.example': ['93.184.215.14', '10.0.0.5'],
      'v6-loop.example': ['::1'],
      'mapped.example': ['::ffff:127.0.0.1'],
      'fine.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    });
    for (const host of ['metadata.example', 'mixed.example', 'v6-loop.example', 'mapped.example']) {
      assert.equal(
        await codeOf(() => checkTarget(new URL(`https://${host}/x`), { resolveHost, allowPrivate: false })),
        'webhook_target_refused',
        host,
      );
    }
    assert.deepEqual(
      await checkTarget(new URL('https://fine.example/x'), { resolveHost, allowPrivate: false }),
      ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    );
    assert.equal(
      await codeOf(() =>
        checkTarget(new URL('https://nowhere.example/'), { resolveHost, allowPrivate: false }),
      ),
      'webhook_host_unknown',
    );
  });

  test('the refusal names the address and its range for the log', async () => {
    try {
      await checkTarget(new URL('http://169.254.169.254/'), {
        resolveHost: systemResolver,
        allowPrivate: false,
      });
      assert.fail('not refused');
    } catch (error) {
      assert.ok(isAppError(error));
      assert.equal(error.detail.range, 'link_local');
      assert.match(error.message, /169\.254\.169\.254/);
    }
  });
});
