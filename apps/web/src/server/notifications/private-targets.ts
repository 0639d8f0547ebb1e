import { ALLOW_PRIVATE_TARGETS_SETTING } from '@tiksavr/core';
import type { Db } from '@tiksavr/db';
import { notifyEnv } from '../../env.ts';

export type PrivateTargets = {
  /** What applies now: the environment's override when set, else the admin's setting. */
  readonly allowed: boolean;
  /** The admin's setting (default false). */
  readonly setting: boolean;
  /** WEBHOOKS_ALLOW_PRIVATE_TARGETS when set: the setting then has no effect. */
  readonly envOverride: boolean | null;
};

/** Whether webhooks and push messages may go to loopback, private, link-local, unique-local and CGNAT addresses. */
export async function readPrivateTargets(db: Db): Promise<PrivateTargets> {
  const row = await db.setting.findUnique({ where: { key: ALLOW_PRIVATE_TARGETS_SETTING } });
  const setting = row?.value === true;
  const envOverride = notifyEnv().allowPrivateTargets;
  return { allowed: envOverride ?? setting, setting, envOverride };
}

export async function setAllowPrivateTargets(db: Db, allow: boolean): Promise<void> {
  await db.setting.upsert({
    where: { key: ALLOW_PRIVATE_TARGETS_SETTING },
    create: { key: ALLOW_PRIVATE_TARGETS_SETTING, value: allow },
    update: { value: allow },
  });
}
