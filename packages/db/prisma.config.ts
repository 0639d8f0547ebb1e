import { defineConfig } from 'prisma/config';

// Only `prisma generate` runs here (offline: no schema engine). Migrations are hand-written SQL
// applied by src/migrator.ts. The URL is only read by Prisma commands that talk to a database.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/tiksavr' },
});
