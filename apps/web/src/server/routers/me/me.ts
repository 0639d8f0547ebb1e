import { publicProcedure } from '../../trpc.ts';

/** Who is signed in, or null. Public, so the app shell can ask before knowing. */
export const me = publicProcedure.query(({ ctx }) =>
  ctx.user ? { id: ctx.user.id, email: ctx.user.email, name: ctx.user.name, role: ctx.user.role } : null,
);
