// What a test may need that a machine may lack: a PostgreSQL or a Redis server, root, xmllint and the
// sitemap XSDs. A test that needs a missing one is skipped WITH the reason, in its meta
// (`skippedFor`), which vitest's JSON report carries; scripts/test.mjs reads it and says in its summary
// what did not run and why, so a missing server never passes for a pass.
import net from 'node:net';
import type { TestOptions } from 'vitest';
import { isPostgresReachable, withDatabase } from '@/lib/db/postgres';
import { testServerUrl } from '@/testing/postgres-database';

declare module '@vitest/runner' {
  interface TaskMeta {
    /** Why the test was skipped: what it needs that this machine lacks. */
    skippedFor?: string;
  }
}

/** Options for `describe`/`it`: nothing when `missing` is null, else skip and say why. */
export function needs(missing: string | null): TestOptions {
  return missing ? { skip: true, meta: { skippedFor: missing } } : {};
}

/** The PostgreSQL server the tests use (LEDE_TEST_POSTGRES_URL), on its `postgres` database. */
export const postgresServer = (): string => withDatabase(testServerUrl(), 'postgres');

/** Why no test can use PostgreSQL here, or null when a server answers. */
export async function postgresMissing(server: string = postgresServer()): Promise<string | null> {
  return (await isPostgresReachable(server)) ? null : `no PostgreSQL server answers at ${new URL(server).host}`;
}

/** The Redis server the tests use (LEDE_TEST_REDIS_URL). */
export const redisServer = (): string => process.env.LEDE_TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** Why no test can use Redis here, or null when a server accepts a connection. */
export async function redisMissing(url: string = redisServer()): Promise<string | null> {
  const { hostname, port } = new URL(url);
  const answers = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
  return answers ? null : `no Redis server answers at ${hostname}:${port || 6379}`;
}
