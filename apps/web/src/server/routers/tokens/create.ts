import { createApiToken } from '../../tokens/own-tokens.ts';
import { protectedProcedure } from '../../trpc.ts';
import { CreateApiTokenSchema } from './tokens.schema.ts';

/** Makes a token; the answer carries the whole token, the only time it is ever shown. */
export const tokensCreate = protectedProcedure
  .input(CreateApiTokenSchema)
  .mutation(({ ctx, input }) => createApiToken(ctx, input));
