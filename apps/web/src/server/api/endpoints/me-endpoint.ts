import { defineEndpoint } from '../api-endpoint.ts';
import { MeSchema } from '../api-schemas.ts';

export const meEndpoint = defineEndpoint({
  operationId: 'getMe',
  method: 'GET',
  path: '/me',
  tag: 'Account',
  summary: 'Check a token',
  description:
    'Who the token belongs to and how many requests it has left this minute. Handy to test a setup.',
  success: { kind: 'json', status: 200, description: 'The token’s owner.', schema: MeSchema },
  errors: [],
  run: async (ctx) => ({
    user: { id: ctx.user.id, email: ctx.user.email, name: ctx.user.name },
    token: {
      name: ctx.token.name,
      prefix: ctx.token.prefix,
      expiresAt: ctx.token.expiresAt?.toISOString() ?? null,
    },
    rateLimit: {
      limit: ctx.rate.limit,
      remaining: ctx.rate.remaining,
      resetAt: ctx.rate.resetAt.toISOString(),
    },
  }),
});
