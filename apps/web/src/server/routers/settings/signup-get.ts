import { isSignupOpen } from '../../settings.ts';
import { adminProcedure } from '../../trpc.ts';

/** Whether new people may create accounts on this instance. */
export const signupGet = adminProcedure.query(async ({ ctx }) => ({ open: await isSignupOpen(ctx.db) }));
