/** How often admin pages poll the server: live enough to watch a queue drain, cheap at 1 M jobs. */
export const REFRESH_MS = 3_000;
