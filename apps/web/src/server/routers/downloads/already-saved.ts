import { protectedProcedure } from '../../trpc.ts';
import { findAlreadySaved } from './already-saved.handler.ts';
import { AlreadySavedQuerySchema } from './already-saved.schema.ts';

/** Which pasted links the user already saved (or is saving): the paste box offers "open it / save again". */
export const alreadySaved = protectedProcedure
  .input(AlreadySavedQuerySchema)
  .query(({ ctx, input }) => findAlreadySaved(ctx, input));
