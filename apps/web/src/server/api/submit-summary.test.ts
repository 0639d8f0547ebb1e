import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { submitSummary } from './submit-summary.ts';

const ok = { input: 'https://vm.tiktok.com/ZMa/', ok: true, downloadId: 'x' };
const bad = {
  input: 'https://youtube.com/x',
  ok: false,
  reason: 'not_tiktok',
  message: 'This is not a TikTok link.',
};

describe('submitSummary', () => {
  test('names what is being saved and what is not', () => {
    assert.equal(submitSummary([]), 'No TikTok link found in this text.');
    assert.equal(submitSummary([ok]), 'Saving 1 link.');
    assert.equal(submitSummary([ok, ok]), 'Saving 2 links.');
    assert.equal(submitSummary([bad]), "This link can't be saved: This is not a TikTok link.");
    assert.equal(submitSummary([bad, bad]), 'None of the 2 links can be saved.');
    assert.equal(submitSummary([ok, bad]), "Saving 1 link; 1 link can't be saved.");
    assert.equal(submitSummary([ok, ok, bad, bad]), "Saving 2 links; 2 links can't be saved.");
  });
});
