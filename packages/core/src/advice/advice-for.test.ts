import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ERROR_CODES, ERRORS } from '../errors.ts';
import { ADVICE, adviceFor } from './advice-for.ts';
import { PRODUCT_TRUTHS } from './product-truths.ts';
import { SCREEN_RECORDING_STEPS } from './screen-recording-steps.ts';

describe('adviceFor', () => {
  test('every error code that promises the screen-recording alternative has advice', () => {
    for (const code of ERROR_CODES) {
      const spec = ERRORS[code];
      if ('advice' in spec && spec.advice === 'screen_recording') assert.ok(adviceFor(code) !== null, code);
    }
  });

  test('retryable failures and bad input have no advice', () => {
    for (const code of [
      'network',
      'rate_limited',
      'challenge',
      'upstream_error',
      'invalid_link',
      'canceled',
    ] as const) {
      assert.equal(adviceFor(code), null, code);
    }
  });

  test('a private story is followers-only; a private post is private', () => {
    assert.equal(adviceFor('private_post', { isStory: true })?.situation, 'followers_only');
    assert.equal(adviceFor('private_post')?.situation, 'private_post');
    assert.equal(adviceFor('story_followers_only')?.situation, 'followers_only');
  });

  test('an expired story helps only next time, and says why', () => {
    const advice = adviceFor('story_expired');
    assert.equal(advice?.situation, 'expired');
    assert.equal(advice?.screenRecording, 'next_time');
    assert.match(advice?.explanation ?? '', /24 hours/);
    assert.match(advice?.explanation ?? '', /nobody but the creator/);
  });

  test('"deleted" is ambiguous upstream, so recording helps only if it still plays', () => {
    assert.equal(adviceFor('deleted')?.screenRecording, 'if_still_visible');
  });

  test('situations can be asked for by name (share_disabled has no page status)', () => {
    assert.equal(adviceFor('share_disabled')?.title, 'The creator turned off sharing');
    assert.equal(adviceFor('followers_only')?.screenRecording, 'now');
  });

  test('every situation has a title and a plain explanation', () => {
    for (const [name, advice] of Object.entries(ADVICE)) {
      assert.equal(advice.situation, name);
      assert.ok(advice.title.length > 0 && advice.explanation.length > 40, name);
    }
  });

  test('the age gate advice says TikSavr never logs in', () => {
    assert.match(adviceFor('age_restricted')?.explanation ?? '', /never logs in/);
  });
});

describe('SCREEN_RECORDING_STEPS and product truths', () => {
  test('iPhone: Control Center setup, countdown, stop from the red indicator, saved to Photos', () => {
    const text = SCREEN_RECORDING_STEPS.iphone.steps.join('\n');
    for (const phrase of [
      'Settings → Control Center',
      'top-right',
      '3-second countdown',
      'Dynamic Island',
      'Stop',
      'Photos',
    ]) {
      assert.ok(text.includes(phrase), phrase);
    }
  });

  test('Android: Quick Settings, the tile via the pencil, media sound, stop from the notification, Movies', () => {
    const text = SCREEN_RECORDING_STEPS.android.steps.join('\n');
    for (const phrase of [
      'Swipe down twice',
      'Screen record',
      'pencil',
      'Media sounds',
      'notification',
      'Movies',
      'Screen recordings',
    ]) {
      assert.ok(text.includes(phrase), phrase);
    }
  });

  test('the product truths are stated', () => {
    assert.match(PRODUCT_TRUTHS.storyLifetime, /24 hours/);
    assert.match(PRODUCT_TRUTHS.storyViewers, /not tell them about downloads or screen recordings/);
    assert.match(PRODUCT_TRUTHS.storyQuality, /lower quality/);
    assert.match(PRODUCT_TRUTHS.noLogin, /never logs in to TikTok/);
  });
});
