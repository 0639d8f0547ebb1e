import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AppError } from '@tiksavr/core';
import { startTikTokSim, type TikTokSim } from '@tiksavr/tiktok-sim';
import { judgeUnavailable, type UnavailableContext } from './judge-unavailable.ts';

const HOUR_MS = 3600_000;

/** What a gone or followers-only answer means, asked of the simulator's story list where it must be. */
describe('judgeUnavailable', () => {
  let sim: TikTokSim;
  before(async () => {
    sim = await startTikTokSim({ port: 0, seed: 'none' });
  });
  after(async () => {
    await sim?.close();
  });

  let count = 0;
  function liveStory() {
    const creator = sim.addCreator({ handle: `judged_${++count}` });
    const story = sim.addStory(creator.handle, { ageSeconds: 3600 });
    return { creator, story, deadline: new Date(Date.parse(story.expiresAt ?? '')) };
  }

  function context(overrides: Partial<UnavailableContext> & Pick<UnavailableContext, 'story'>) {
    const hidden: string[] = [];
    const value: UnavailableContext = {
      itemId: null,
      kindUnknown: false,
      now: new Date(sim.now()),
      listOptions: { origin: sim.origin, timeoutMs: 5000 },
      onItemHidden: () => hidden.push('item_hidden'),
      ...overrides,
    };
    return { value, hidden };
  }

  const gone = () => new AppError('deleted', 'page 10204');

  test('a known story TikTok calls gone but its author still lists is hidden: a pushback, then a retry', async () => {
    const { creator, story, deadline } = liveStory();
    const { value, hidden } = context({
      itemId: story.id,
      story: { knownStory: true, knownPost: false, deadline, authorId: creator.tiktokId },
    });
    const verdict = await judgeUnavailable(gone(), value);
    assert.equal(verdict.kind, 'retry');
    assert.equal(verdict.kind === 'retry' && verdict.error.retryable, true);
    assert.deepEqual(hidden, ['item_hidden']);
  });

  test('a known story gone from its author list before its deadline was taken down: story_removed', async () => {
    const { creator, story, deadline } = liveStory();
    sim.deleteItem(story.id);
    const { value, hidden } = context({
      itemId: story.id,
      story: { knownStory: true, knownPost: false, deadline, authorId: creator.tiktokId },
    });
    const verdict = await judgeUnavailable(gone(), value);
    assert.deepEqual(verdict.kind === 'end' && [verdict.state, verdict.error.code], [
      'failed',
      'story_removed',
    ]);
    assert.deepEqual(hidden, []);
    // Without the author's id nothing can be asked: what TikTok said stands, in story words.
    const unknownAuthor = await judgeUnavailable(
      gone(),
      context({ itemId: story.id, story: { knownStory: true, knownPost: false, deadline, authorId: null } })
        .value,
    );
    assert.equal(unknownAuthor.kind === 'end' && unknownAuthor.error.code, 'story_removed');
  });

  test('a known story gone after its deadline has expired, without asking anything', async () => {
    const before = sim.requests().length;
    const verdict = await judgeUnavailable(
      gone(),
      context({
        itemId: '1',
        story: { knownStory: true, knownPost: false, deadline: new Date(sim.now() - 1000), authorId: '1' },
      }).value,
    );
    assert.deepEqual(verdict.kind === 'end' && [verdict.state, verdict.error.code], [
      'expired',
      'story_expired',
    ]);
    assert.equal(sim.requests().length, before);
  });

  test('the author list failing for now is a retry; a private account ends with private_account', async () => {
    const { creator, story, deadline } = liveStory();
    const known = { knownStory: true, knownPost: false, deadline, authorId: creator.tiktokId };
    sim.setFault(creator.tiktokId, { kind: 'status_5xx', on: 'api', times: 1 });
    const failing = await judgeUnavailable(gone(), context({ itemId: story.id, story: known }).value);
    assert.equal(failing.kind === 'retry' && failing.error.code, 'upstream_error');
    sim.setCreatorPrivate(creator.handle, true);
    const closed = await judgeUnavailable(gone(), context({ itemId: story.id, story: known }).value);
    assert.equal(closed.kind === 'end' && closed.error.code, 'private_account');
  });

  test('gone, of unknown kind: gone when the id is over 24 hours old, else as TikTok said', async () => {
    const creator = sim.addCreator({ handle: `judged_${++count}` });
    const old = sim.addPost(creator.handle, { ageSeconds: 25 * 3600 });
    const young = sim.addPost(creator.handle, { ageSeconds: 3600 });
    const unknown = { knownStory: false, knownPost: false, deadline: null, authorId: null };
    const oldVerdict = await judgeUnavailable(
      gone(),
      context({ itemId: old.id, kindUnknown: true, story: unknown }).value,
    );
    assert.equal(oldVerdict.kind === 'end' && oldVerdict.error.code, 'gone');
    const youngVerdict = await judgeUnavailable(
      gone(),
      context({ itemId: young.id, kindUnknown: true, story: unknown }).value,
    );
    assert.equal(youngVerdict.kind, 'as_is');
    // A post link (its kind known) that is gone stays deleted, however old.
    const post = await judgeUnavailable(gone(), context({ itemId: old.id, story: unknown }).value);
    assert.equal(post.kind, 'as_is');
    assert.ok(Date.parse(old.createTime) < sim.now() - 24 * HOUR_MS);
  });

  test('followers-only is a story outcome only for a known story', async () => {
    const privatePost = new AppError('private_post', 'page 10216');
    const known = {
      knownStory: true,
      knownPost: false,
      deadline: new Date(sim.now() + HOUR_MS),
      authorId: null,
    };
    const story = await judgeUnavailable(privatePost, context({ itemId: '1', story: known }).value);
    assert.equal(story.kind === 'end' && story.error.code, 'story_followers_only');
    const unknown = { ...known, knownStory: false, deadline: null };
    assert.equal(
      (await judgeUnavailable(privatePost, context({ itemId: '1', story: unknown }).value)).kind,
      'as_is',
    );
    assert.equal(
      (await judgeUnavailable(new AppError('network'), context({ itemId: '1', story: known }).value)).kind,
      'as_is',
    );
  });
});
