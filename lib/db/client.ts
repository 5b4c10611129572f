// The one Prisma client of the process. Only lib/ data modules import it (docs/decisions).
// DATABASE_URL picks the driver adapter; the client is kept on globalThis so that Next's dev reloads
// and its several server bundles share one connection.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { config } from '@/lib/config';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { sqlitePath } from '@/lib/db/url';

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { ledeDb?: PrismaClient };

export function createClient(url: string = config.DATABASE_URL): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url: sqlitePath(url), timeout: 10_000 });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = (globalForDb.ledeDb ??= createClient());
