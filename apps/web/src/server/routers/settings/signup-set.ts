import { setSignupOpen } from '../../settings.ts';
import { adminProcedure } from '../../trpc.ts';
import { SignupSettingSchema } from './signup-set.schema.ts';

/** Opens or closes sign-up (admins only; the first account is always allowed). */
export const signupSet = adminProcedure.input(SignupSettingSchema).mutation(async ({ ctx, input }) => {
  await setSignupOpen(ctx.db, input.open);
  return { open: input.open };
});
