import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, seedDownload, seedUser, type TestDatabase } from '@tiksavr/db/testing';
import { callerFactory, sessionUserOf } from '../testing/callers.ts';

describe('precheck: deadlines of stories the person already saved', () => {
  let database: TestDatabase;
  let callers: ReturnType<typeof callerFactory>;
  const shortLink = 'https://vm.tiktok.com/ZMstory1/';
  const storyPost = 'https://www.tiktok.com/@anna/video/7524919459643919624';
  const deadline = new Date(Date.now() + 5 * 3600_000);
  let owner: ReturnType<typeof sessionUserOf>;
  let stranger: ReturnType<typeof sessionUserOf>;

  before(async () => {
    database = await createTestDatabase('precheck_story');
    callers = callerFactory(database.db, database.url);
    owner = sessionUserOf(await seedUser(database.db));
    stranger = sessionUserOf(await seedUser(database.db));
    await seedDownload(database.db, owner.id, {
      inputUrl: shortLink,
      canonicalUrl: storyPost,
      itemId: null,
      kind: 'story',
      storyDeadline: deadline,
    });
    // An expired story says nothing about time left.
    await seedDownload(database.db, owner.id, {
      inputUrl: 'https://vm.tiktok.com/ZMold1/',
      canonicalUrl: 'https://vm.tiktok.com/ZMold1/',
      kind: 'story',
      storyDeadline: new Date(Date.now() - 60_000),
    });
  });
  after(async () => {
    await callers?.close();
    await database?.drop();
  });

  test('the same short link or post link shows the known deadline; other links and people get none', async () => {
    const text = [
      shortLink,
      storyPost,
      'https://vm.tiktok.com/ZMold1/',
      'https://vm.tiktok.com/ZMnew1/',
    ].join('\n');
    const mine = await callers.callerFor(owner).downloads.precheck({ text });
    assert.deepEqual(
      mine.links.map((link) => ('storyDeadline' in link ? link.storyDeadline : null)),
      [deadline.toISOString(), deadline.toISOString(), null, null],
    );
    const theirs = await callers.callerFor(stranger).downloads.precheck({ text });
    assert.ok(theirs.links.every((link) => !('storyDeadline' in link)));
  });
});
