import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createCallerFactory, router } from '../trpc.ts';
import { adminRouter } from './admin/router.ts';
import { downloadsRouter } from './downloads/router.ts';
import { healthRouter } from './health/router.ts';
import { me } from './me/me.ts';
import { notificationsRouter } from './notifications/router.ts';
import { settingsRouter } from './settings/router.ts';
import { tokensRouter } from './tokens/router.ts';
import { watchesRouter } from './watches/router.ts';

export const appRouter = router({
  health: healthRouter,
  me,
  downloads: downloadsRouter,
  settings: settingsRouter,
  tokens: tokensRouter,
  admin: adminRouter,
  watches: watchesRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);
