// The Prisma client for a postgres:// DATABASE_URL: a pg pool of DATABASE_POOL_SIZE connections per
// process, and, when DATABASE_REPLICA_URLS lists read replicas, Prisma's read-replicas extension
// (reads outside transactions go to a random replica, writes and transactions to the primary).
import { PrismaPg } from '@prisma/adapter-pg';
import { readReplicas } from '@prisma/extension-read-replicas';
import { PrismaClient, type Prisma } from '@/lib/generated/prisma-postgres/client';

export type PostgresClientOptions = { poolSize: number; replicaUrls?: readonly string[]; log?: Prisma.LogDefinition[] };

export function replicaUrlList(setting: string): string[] {
  return setting
    .split(/[\s,]+/)
    .map((url) => url.trim())
    .filter(Boolean);
}

/** A connection that cannot be made by then fails the query (P1001) instead of leaving the request
 * waiting on an unreachable server: pages answer 503 within seconds (docs/decisions/0013). */
export const CONNECT_TIMEOUT_MS = 3_000;
/** In the server only: a query on a connection whose server vanished without a word (a network cut)
 * fails after this instead of after the kernel's TCP timeout (minutes); pg then drops the connection.
 * Not in the CLIs (imports, copies), whose statements may rightly run longer. */
export const SERVER_QUERY_TIMEOUT_MS = 10_000;
const inServer = Boolean(process.env.NEXT_RUNTIME);

const pooled = (url: string, poolSize: number, log?: Prisma.LogDefinition[]) =>
  new PrismaClient({
    log,
    adapter: new PrismaPg({
      connectionString: url,
      max: poolSize,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // An idle connection to a server that vanished without closing it (a network cut) is found out
      // by TCP keepalive.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      ...(inServer ? { query_timeout: SERVER_QUERY_TIMEOUT_MS } : {}),
    }),
  });

export function createPostgresClient(url: string, options: PostgresClientOptions) {
  const primary = pooled(url, options.poolSize, options.log);
  const replicas = (options.replicaUrls ?? []).map((replica) => pooled(replica, options.poolSize));
  return replicas.length ? primary.$extends(readReplicas({ replicas })) : primary;
}
