import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { newWebhookSecret, signWebhookBody, verifyWebhookSignature } from './webhook-signature.ts';

describe('webhook signature', () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ event: 'saved', at: '2026-12-04T13:00:00.000Z' });

  test('is HMAC-SHA256 over "<t>.<body>", as a receiver computes it by hand', () => {
    const header = signWebhookBody(secret, 1_800_000_000, body);
    const byHand = createHmac('sha256', secret).update(`1800000000.${body}`).digest('hex');
    assert.equal(header, `t=1800000000,v1=${byHand}`);
  });

  test('verifies its own signature; refuses another body, another secret, an old timestamp', () => {
    const header = signWebhookBody(secret, 1_800_000_000, body);
    const now = { nowSeconds: 1_800_000_060 };
    assert.equal(verifyWebhookSignature(secret, header, body, now), true);
    assert.equal(verifyWebhookSignature(secret, header, `${body} `, now), false);
    assert.equal(verifyWebhookSignature(newWebhookSecret(), header, body, now), false);
    assert.equal(verifyWebhookSignature(secret, header, body, { nowSeconds: 1_800_001_000 }), false);
    assert.equal(verifyWebhookSignature(secret, 'v1=00', body, now), false);
  });

  test('secrets are long, random and recognisable', () => {
    const other = newWebhookSecret();
    assert.match(secret, /^whsec_[A-Za-z0-9_-]{43}$/);
    assert.notEqual(secret, other);
  });
});
