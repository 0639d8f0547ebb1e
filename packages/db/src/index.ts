// The one public entry of @tiksavr/db. Internal files import each other by path.
// Process-owning helpers (embedded PostgreSQL, migrator) live in ./embedded.ts.
export { type CreateDbOptions, createDb, type Db } from './client.ts';
export * from './generated/prisma/client.ts';
export * from './insert-downloads-with-jobs.ts';
export * from './item-lock.ts';
export * from './notify.ts';
export * from './queue.ts';
export * from './quota/quota-lock.ts';
export * from './quota/storage-settings.ts';
export * from './quota/user-limits.ts';
export * from './quota/user-usage.ts';
export * from './retention/downloads-past-retention.ts';
export * from './stored-files/delete-downloads.ts';
export * from './stored-files/link-stored-file.ts';
export * from './stored-files/object-store.ts';
export * from './stored-files/release-stored-files.ts';
export * from './stored-files/sweep-stored-files.ts';
export * from './watch-lag.ts';
