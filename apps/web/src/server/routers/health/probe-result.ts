import { z } from 'zod';
import { adminProcedure } from '../../trpc.ts';

/** The state of a health job, and the worker's answer once it completed. */
export const probeResult = adminProcedure
  .input(z.object({ jobId: z.uuid() }))
  .query(async ({ ctx, input }) => {
    const boss = await ctx.boss();
    const job = await boss.getJobById('system.health', input.jobId);
    if (!job) return { state: 'missing' as const, output: null };
    return {
      state: job.state,
      output: (job.output ?? null) as { workerId?: string; probeId?: string } | null,
    };
  });
