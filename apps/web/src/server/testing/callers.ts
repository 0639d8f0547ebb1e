import { createBoss, type Db, type PgBoss } from '@tiksavr/db';
import { createCaller } from '../routers/app.ts';
import type { SessionUser } from '../trpc.ts';

/** tRPC callers over a real database and a real pg-boss producer, one per identity. */
export function callerFactory(db: Db, url: string) {
  let boss: Promise<PgBoss> | null = null;
  const getBoss = () => {
    boss ??= (async () => {
      const instance = createBoss({ url, role: 'producer', onError: () => {}, maxConnections: 2 });
      await instance.start();
      return instance;
    })();
    return boss;
  };
  return {
    callerFor: (user: SessionUser | null) => createCaller({ db, boss: getBoss, user }),
    close: async () => {
      if (boss) await (await boss).stop({ graceful: false, close: true });
    },
  };
}

export function sessionUserOf(user: { id: string; email: string; name: string; role: string }): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
