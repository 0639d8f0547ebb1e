import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBoss, type Db, type PgBoss } from '@tiksavr/db';
import { createLocalStorage, type Storage } from '@tiksavr/storage';
import { createCaller } from '../routers/app.ts';
import type { SessionUser } from '../trpc.ts';

/**
 * tRPC callers over a real database, a real pg-boss producer and real local storage (a fresh
 * temp directory unless one is given), one per identity.
 */
export function callerFactory(db: Db, url: string, options: { storage?: Storage } = {}) {
  let boss: Promise<PgBoss> | null = null;
  const getBoss = () => {
    boss ??= (async () => {
      const instance = createBoss({ url, role: 'producer', onError: () => {}, maxConnections: 2 });
      await instance.start();
      return instance;
    })();
    return boss;
  };
  const tempRoot = options.storage ? null : mkdtempSync(join(tmpdir(), 'tiksavr-web-storage-'));
  const storage = options.storage ?? createLocalStorage(tempRoot as string);
  return {
    storage,
    boss: getBoss,
    callerFor: (user: SessionUser | null) => createCaller({ db, boss: getBoss, storage, user }),
    close: async () => {
      if (boss) await (await boss).stop({ graceful: false, close: true });
      if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
    },
  };
}

export function sessionUserOf(user: { id: string; email: string; name: string; role: string }): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
