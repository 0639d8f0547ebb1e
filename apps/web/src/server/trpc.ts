import { ERRORS, isAppError } from '@tiksavr/core';
import type { Db, PgBoss } from '@tiksavr/db';
import type { Storage } from '@tiksavr/storage';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

export type SessionUser = { id: string; email: string; name: string; role: string };

/** Everything a procedure may use. Built per request by context.ts, or directly in tests. */
export type Context = {
  db: Db;
  boss: () => Promise<PgBoss>;
  /** Where media files are kept (the worker writes, the web app serves and deletes). */
  storage: Storage;
  user: SessionUser | null;
};

/** The context of a signed-in request: what handlers behind `protectedProcedure` receive. */
export type UserContext = Omit<Context, 'user'> & { user: SessionUser };

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        appCode: isAppError(cause) ? cause.code : null,
        userMessage: isAppError(cause)
          ? cause.userMessage
          : error.code === 'INTERNAL_SERVER_ERROR'
            ? ERRORS.internal.user
            : error.message,
        fieldErrors:
          cause instanceof ZodError
            ? cause.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
            : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns AppErrors thrown by handlers into tRPC errors with the code from the error table. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) {
    const appError = result.error.cause;
    throw new TRPCError({ code: ERRORS[appError.code].trpc, message: appError.userMessage, cause: appError });
  }
  return result;
});

export const publicProcedure = t.procedure.use(appErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in first.' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== 'admin')
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only admins can do this.' });
  return next({ ctx });
});
