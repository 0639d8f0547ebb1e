import { listUsers } from '../../../admin/user-list.ts';
import { toWire } from '../../../admin/wire-dates.ts';
import { adminProcedure } from '../../../trpc.ts';
import { UserListInputSchema } from './users.schema.ts';

/** Accounts, newest first, searchable by the start of their email. */
export const usersList = adminProcedure
  .input(UserListInputSchema)
  .query(async ({ ctx, input }) => toWire(await listUsers(ctx.db, input)));
