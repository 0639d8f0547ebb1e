import { router } from '../../trpc.ts';
import { tokensCreate } from './create.ts';
import { tokensList } from './list.ts';
import { tokensRevoke } from './revoke.ts';

/** A person's own API tokens (Settings → API tokens). */
export const tokensRouter = router({ list: tokensList, create: tokensCreate, revoke: tokensRevoke });
