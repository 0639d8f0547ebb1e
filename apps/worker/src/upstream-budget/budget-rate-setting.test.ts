import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@tiksavr/db/testing';
import { budgetRateFrom, UPSTREAM_RATE_SETTING } from './budget-rate-setting.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase('budgetrate');
});
after(async () => {
  await database?.drop();
});

async function setRate(value: unknown): Promise<void> {
  await database.db.setting.upsert({
    where: { key: UPSTREAM_RATE_SETTING },
    create: { key: UPSTREAM_RATE_SETTING, value: value as never },
    update: { value: value as never },
  });
}

describe('budgetRateFrom', () => {
  test("the admin's Setting overrides the environment's default; a bad value falls back to it", async () => {
    assert.equal(await budgetRateFrom(database.db, 20), 20, 'no Setting: the default');
    await setRate(45);
    assert.equal(await budgetRateFrom(database.db, 20), 45);
    await setRate(' 12.5 ');
    assert.equal(await budgetRateFrom(database.db, 20), 12.5, 'a numeric string counts');
    for (const bad of [0, -3, 'fast', null, { rate: 5 }, 1e9]) {
      await setRate(bad);
      assert.equal(await budgetRateFrom(database.db, 20), 20, `${JSON.stringify(bad)} is not a rate`);
    }
  });
});
