// The one public entry of @tiksavr/db. Internal files import each other by path.
export { type CreateDbOptions, createDb, type Db } from './client.ts';
export { type OpenDatabase, type OpenDatabaseOptions, openDatabase } from './database.ts';
export { ensureDatabase, findFreePort, startEmbeddedPostgres } from './embedded-postgres.ts';
export * from './generated/prisma/client.ts';
export {
  DEFAULT_MIGRATIONS_DIR,
  type MigrateResult,
  MigrationError,
  migrate,
  readMigrations,
} from './migrator.ts';
export * from './notify.ts';
export * from './queue.ts';
