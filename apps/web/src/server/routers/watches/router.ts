import { router } from '../../trpc.ts';
import { add } from './add.ts';
import { checkNow } from './check-now.ts';
import { list } from './list.ts';
import { pause, resume } from './pause.ts';
import { remove } from './remove.ts';
import { setOptions } from './set-options.ts';

/** The signed-in user's watchlist: every procedure is scoped to the user's own watches. */
export const watchesRouter = router({ add, list, setOptions, pause, resume, remove, checkNow });
