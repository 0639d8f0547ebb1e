// Test support for every package: a fresh database per test file on one shared cluster, and factories.
export { seedDownload, seedUser } from './seed.ts';
export {
  createEmptyDatabase,
  createTestDatabase,
  databaseUrl,
  type TestDatabase,
  testServerUrl,
} from './test-database.ts';
