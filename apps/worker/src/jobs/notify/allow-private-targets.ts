import { ALLOW_PRIVATE_TARGETS_SETTING } from '@tiksavr/core';
import type { NotifyDeps } from './notify-deps.ts';

/**
 * Whether notifications may go to loopback, private, link-local, unique-local and CGNAT
 * addresses: WEBHOOKS_ALLOW_PRIVATE_TARGETS when set, else the admin's setting (default: no).
 * Read for every delivery, so an admin's change applies at once.
 */
export async function allowPrivateTargets(deps: Pick<NotifyDeps, 'db' | 'notify'>): Promise<boolean> {
  if (deps.notify.allowPrivateTargets !== null) return deps.notify.allowPrivateTargets;
  const row = await deps.db.setting.findUnique({ where: { key: ALLOW_PRIVATE_TARGETS_SETTING } });
  return row?.value === true;
}
