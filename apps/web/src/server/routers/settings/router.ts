import { router } from '../../trpc.ts';
import { signupGet } from './signup-get.ts';
import { signupSet } from './signup-set.ts';

export const settingsRouter = router({ signup: router({ get: signupGet, set: signupSet }) });
