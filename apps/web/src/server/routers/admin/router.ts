import { router } from '../../trpc.ts';
import { downloaderStatus } from './downloader/status.ts';
import { jobsCancel } from './jobs/cancel.ts';
import { jobsDelete } from './jobs/delete.ts';
import { jobsGet } from './jobs/get.ts';
import { jobsList } from './jobs/list.ts';
import { jobsRetry } from './jobs/retry.ts';
import { adminNotificationsRouter } from './notifications/notifications.ts';
import { overviewGet } from './overview/get.ts';
import { storageGet } from './storage/get.ts';
import { storageSet } from './storage/set.ts';
import { storiesAtRisk } from './stories/at-risk.ts';
import { tokensList } from './tokens/list.ts';
import { tokensRevoke } from './tokens/revoke.ts';
import { upstreamBehind } from './upstream/behind.ts';
import { upstreamGet } from './upstream/get.ts';
import { upstreamSetSettings } from './upstream/set-settings.ts';
import { usersList } from './users/list.ts';
import { usersSetBanned } from './users/set-banned.ts';
import { usersSetQuota } from './users/set-quota.ts';
import { usersSetRole } from './users/set-role.ts';
import { workersList } from './workers/list.ts';

/** The admin monitor. Every procedure is an adminProcedure: the role is checked on the server. */
export const adminRouter = router({
  overview: router({ get: overviewGet }),
  stories: router({ atRisk: storiesAtRisk }),
  jobs: router({ list: jobsList, get: jobsGet, retry: jobsRetry, cancel: jobsCancel, delete: jobsDelete }),
  workers: router({ list: workersList }),
  downloader: router({ status: downloaderStatus }),
  users: router({
    list: usersList,
    setRole: usersSetRole,
    setBanned: usersSetBanned,
    setQuota: usersSetQuota,
  }),
  storage: router({ get: storageGet, set: storageSet }),
  tokens: router({ list: tokensList, revoke: tokensRevoke }),
  upstream: router({ get: upstreamGet, behind: upstreamBehind, setSettings: upstreamSetSettings }),
  notifications: adminNotificationsRouter,
});
