import type { Db } from '@tiksavr/db';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { admin } from 'better-auth/plugins';
import { isSignupOpen } from './settings.ts';

export const PASSWORD_MIN_LENGTH = 10;

export type AuthOptions = {
  db: Db;
  secret: string;
  baseURL: string;
  /** Sign-in and sign-up attempts per minute from one address (default 10). */
  attemptsPerMinute?: number;
};

/**
 * Email + password accounts (better-auth, Prisma adapter, admin plugin for roles and bans).
 * The first account on an instance becomes admin; once an admin closes sign-up, new accounts
 * are refused.
 */
export function createAuth({ db, secret, baseURL, attemptsPerMinute = 10 }: AuthOptions) {
  return betterAuth({
    database: prismaAdapter(db, { provider: 'postgresql' }),
    secret,
    baseURL,
    trustedOrigins: [baseURL],
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: 128,
      autoSignIn: true,
    },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 200,
      customRules: {
        '/sign-in/email': { window: 60, max: attemptsPerMinute },
        '/sign-up/email': { window: 60, max: attemptsPerMinute },
      },
    },
    plugins: [admin({ defaultRole: 'user', adminRoles: ['admin'] }), nextCookies()],
    databaseHooks: {
      user: {
        create: {
          before: async (user) => {
            const existing = await db.user.count();
            if (existing > 0 && !(await isSignupOpen(db))) {
              throw new APIError('FORBIDDEN', {
                message: 'Sign-up is closed on this TikSavr server. Ask its admin for an account.',
              });
            }
            return { data: { ...user, role: existing === 0 ? 'admin' : 'user' } };
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
