import type { Db } from '@tiksavr/db';

/** Instance-wide settings stored in the Setting table. */
const SIGNUP_OPEN = 'signup.open';

export async function isSignupOpen(db: Db): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: SIGNUP_OPEN } });
  return row ? row.value === true : true;
}

export async function setSignupOpen(db: Db, open: boolean): Promise<void> {
  await db.setting.upsert({
    where: { key: SIGNUP_OPEN },
    create: { key: SIGNUP_OPEN, value: open },
    update: { value: open },
  });
}
