// Runs the product's database for scripts/start.ts as a process of its own (in its own process
// group), so Ctrl-C in a terminal reaches only the supervisor, which stops the database last,
// after web and worker have handed their work back.
import { openDatabase } from '@tiksavr/db/embedded';

const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.DATA_DIR ?? '.data',
  onNotice: (message) => process.stderr.write(`[database] ${message}\n`),
}).catch((error: unknown) => {
  // One clear line (the supervisor then says the database stopped), never a stack trace.
  process.stderr.write(`[database] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
process.stdout.write(`${JSON.stringify({ ready: true, url: database.url, embedded: database.embedded })}\n`);

// With DATABASE_URL nothing else keeps this process alive; it must live until it is told to stop.
const keepAlive = setInterval(() => {}, 1 << 30);

const stop = async () => {
  clearInterval(keepAlive);
  await database.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
