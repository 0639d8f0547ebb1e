import { router } from '../../trpc.ts';
import { alreadySaved } from './already-saved.ts';
import { byIds } from './by-ids.ts';
import { cancel } from './cancel.ts';
import { remove } from './delete.ts';
import { get } from './get.ts';
import { list } from './list.ts';
import { precheck } from './precheck.ts';
import { retry } from './retry.ts';
import { setPinned } from './set-pinned.ts';
import { submit } from './submit.ts';
import { usage } from './usage.ts';
import { waiting } from './waiting.ts';

export const downloadsRouter = router({
  precheck,
  submit,
  list,
  byIds,
  get,
  retry,
  cancel,
  delete: remove,
  waiting,
  alreadySaved,
  setPinned,
  usage,
});
