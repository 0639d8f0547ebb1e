import { precheckLinks } from '../../../lib/precheck.ts';
import { protectedProcedure } from '../../trpc.ts';
import { PastedTextSchema } from './downloads.schema.ts';

/** What each link in the pasted text is, or why it can never work. Pure: no network, no rows. */
export const precheck = protectedProcedure
  .input(PastedTextSchema)
  .query(({ input }) => ({ links: precheckLinks(input.text) }));
