import { publicProcedure } from '../../trpc.ts';

/** Liveness for load balancers and the start script: the database answers. */
export const check = publicProcedure.query(async ({ ctx }) => {
  await ctx.db.$queryRaw`SELECT 1`;
  return { ok: true as const };
});
