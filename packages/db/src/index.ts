// The one public entry of @tiksavr/db. Internal files import each other by path.
// Process-owning helpers (embedded PostgreSQL, migrator) live in ./embedded.ts.
export { type CreateDbOptions, createDb, type Db } from './client.ts';
export * from './generated/prisma/client.ts';
export * from './notify.ts';
export * from './queue.ts';
