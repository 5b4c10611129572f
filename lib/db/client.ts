// The one Prisma client of the process. Only lib/ data modules import it (docs/decisions).
// DATABASE_URL picks the driver adapter; the client is kept on globalThis so that Next's dev reloads
// and its several server bundles share one connection.
import { config, isPostgres } from '@/lib/config';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { createPostgresClient, replicaUrlList } from '@/lib/db/postgres-client';
import { sqlitePath } from '@/lib/db/url';
import { SqliteFileAdapterFactory } from '@/lib/db/sqlite-file';

export type Db = PrismaClient;

const globalForDb = globalThis as unknown as { ledeDb?: PrismaClient };

export function createClient(url: string = config.DATABASE_URL): PrismaClient {
  if (isPostgres(url)) {
    // The PostgreSQL client is generated from the same model (prisma/postgres/schema.prisma), so it
    // has the same models and methods; its type differs only in database-specific details (isolation
    // levels), so the rest of lib/ keeps compiling against the SQLite client's type.
    const replicaUrls = url === config.DATABASE_URL ? replicaUrlList(config.DATABASE_REPLICA_URLS) : [];
    return createPostgresClient(url, { poolSize: config.DATABASE_POOL_SIZE, replicaUrls }) as unknown as PrismaClient;
  }
  // The connection follows the file at the path: moved away or replaced, it is reopened (sqlite-file.ts).
  return new PrismaClient({ adapter: new SqliteFileAdapterFactory(sqlitePath(url), 10_000) });
}

export const db: PrismaClient = (globalForDb.ledeDb ??= createClient());
