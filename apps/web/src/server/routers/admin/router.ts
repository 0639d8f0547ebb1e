import { router } from '../../trpc.ts';
import { jobsCancel } from './jobs/cancel.ts';
import { jobsDelete } from './jobs/delete.ts';
import { jobsGet } from './jobs/get.ts';
import { jobsList } from './jobs/list.ts';
import { jobsRetry } from './jobs/retry.ts';
import { overviewGet } from './overview/get.ts';
import { storiesAtRisk } from './stories/at-risk.ts';
import { usersList } from './users/list.ts';
import { usersSetBanned } from './users/set-banned.ts';
import { usersSetRole } from './users/set-role.ts';
import { workersList } from './workers/list.ts';

/** The admin monitor. Every procedure is an adminProcedure: the role is checked on the server. */
export const adminRouter = router({
  overview: router({ get: overviewGet }),
  stories: router({ atRisk: storiesAtRisk }),
  jobs: router({ list: jobsList, get: jobsGet, retry: jobsRetry, cancel: jobsCancel, delete: jobsDelete }),
  workers: router({ list: workersList }),
  users: router({ list: usersList, setRole: usersSetRole, setBanned: usersSetBanned }),
});
