import { randomUUID } from 'node:crypto';
import { parseJobPayload } from '@tiksavr/core';
import { adminProcedure } from '../../trpc.ts';

/** Sends a `system.health` job; the worker answers it. Admin only (it creates work). */
export const probe = adminProcedure.mutation(async ({ ctx }) => {
  const boss = await ctx.boss();
  const payload = parseJobPayload('system.health', { probeId: randomUUID() });
  const jobId = await boss.send('system.health', payload);
  if (!jobId) throw new Error('pg-boss refused the health job');
  return { jobId, probeId: payload.probeId };
});
