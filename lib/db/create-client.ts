// Makes a Prisma client for a DATABASE_URL: the driver adapter follows the URL. Apart from
// lib/db/client.ts (the process's one client) so that a test can make that one client itself, with
// query events, before any lib/ module reads it (testing/query-log.ts).
import { config, isPostgres } from '@/lib/config';
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client';
import { createPostgresClient, replicaUrlList } from '@/lib/db/postgres-client';
import { sqlitePath } from '@/lib/db/url';
import { SqliteFileAdapterFactory } from '@/lib/db/sqlite-file';

export type ClientOptions = { log?: Prisma.LogDefinition[] };

export function createClient(url: string = config.DATABASE_URL, options: ClientOptions = {}): PrismaClient {
  if (isPostgres(url)) {
    // The PostgreSQL client is generated from the same model (prisma/postgres/schema.prisma), so it
    // has the same models and methods; its type differs only in database-specific details (isolation
    // levels), so the rest of lib/ keeps compiling against the SQLite client's type.
    const replicaUrls = url === config.DATABASE_URL ? replicaUrlList(config.DATABASE_REPLICA_URLS) : [];
    return createPostgresClient(url, { poolSize: config.DATABASE_POOL_SIZE, replicaUrls, log: options.log }) as unknown as PrismaClient;
  }
  // The connection follows the file at the path: moved away or replaced, it is reopened (sqlite-file.ts).
  return new PrismaClient({ adapter: new SqliteFileAdapterFactory(sqlitePath(url), 10_000), log: options.log });
}
