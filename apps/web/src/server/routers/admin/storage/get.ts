import { adminProcedure } from '../../../trpc.ts';
import { storageOverview } from '../../../usage/storage-overview.ts';

/** The instance's storage rules (default limits, auto-delete) and what the store holds. */
export const storageGet = adminProcedure.query(({ ctx }) => storageOverview(ctx));
