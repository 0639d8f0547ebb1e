// `npm run migrate -w @tiksavr/db`: applies migrations to DATABASE_URL (a deploy step of its own).
import { migrate } from '../migrator.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set: point it at the PostgreSQL database to migrate.');
  process.exit(2);
}
const result = await migrate(url);
console.log(JSON.stringify({ msg: 'migrated', ...result }));
