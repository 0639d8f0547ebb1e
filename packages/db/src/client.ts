import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.ts';

export type Db = PrismaClient;

export type CreateDbOptions = {
  url: string;
  /** Pool size; the pg default is 10. */
  maxConnections?: number;
};

/** A Prisma client over node-postgres (no Rust engine). The caller owns it and calls `$disconnect()`. */
export function createDb({ url, maxConnections }: CreateDbOptions): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: maxConnections }) });
}
