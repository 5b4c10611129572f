// The PostgreSQL client: a pool of DATABASE_POOL_SIZE connections, and read replicas that take the
// reads while writes and transactions stay on the primary. A "replica" here is a copy of the
// primary database that the test changes behind the client's back, so where a read went shows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '@/lib/db/migrate';
import { createDatabase, dropDatabase, withDatabase } from '@/lib/db/postgres';
import { createPostgresClient, replicaUrlList } from '@/lib/db/postgres-client';
import type { PrismaClient } from '@/lib/generated/prisma-postgres/client';
import { needs, postgresMissing, postgresServer } from '@/testing/services';

const server = postgresServer();
const missing = await postgresMissing(server);
const name = `lede_test_client_${randomBytes(4).toString('hex')}`;
const primaryUrl = withDatabase(server, name);
const replicaUrl = withDatabase(server, `${name}_replica`);

describe('createPostgresClient', needs(missing), () => {
  beforeAll(async () => {
    await createDatabase(primaryUrl);
    await applyMigrations(primaryUrl);
    await createDatabase(replicaUrl, { template: name });
    const replica = new pg.Client({ connectionString: replicaUrl });
    await replica.connect();
    await replica.query(`INSERT INTO "Section" ("slug", "name", "updatedAt") VALUES ('only-on-replica', 'Replica', now())`);
    await replica.end();
  });
  afterAll(async () => {
    await dropDatabase(replicaUrl);
    await dropDatabase(primaryUrl);
  });

  it('reads from the replica, writes to the primary', async () => {
    // With replicas the client is the extended one: $primary() reaches past them.
    const client = createPostgresClient(primaryUrl, { poolSize: 2, replicaUrls: [replicaUrl] }) as unknown as PrismaClient & { $primary(): PrismaClient };
    try {
      expect((await client.section.findMany()).map((section) => section.slug)).toEqual(['only-on-replica']);
      await client.section.create({ data: { slug: 'written', name: 'Written' } });
      expect((await client.$primary().section.findMany()).map((section) => section.slug)).toEqual(['written']);
      // A transaction reads what it wrote: it runs on the primary.
      const inside = await client.$transaction(async (tx) => tx.section.findMany());
      expect(inside.map((section) => section.slug)).toEqual(['written']);
    } finally {
      await client.$disconnect();
    }
  });

  it('opens no more connections than the pool size', async () => {
    const client = createPostgresClient(primaryUrl, { poolSize: 3 });
    const watcher = new pg.Client({ connectionString: server });
    await watcher.connect();
    try {
      let done = false;
      const sleepers = Promise.all(Array.from({ length: 8 }, () => client.$queryRawUnsafe('SELECT 1 AS one FROM pg_sleep(0.3)'))).finally(() => (done = true));
      let most = 0;
      while (!done) {
        const { rows } = await watcher.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        most = Math.max(most, Number(rows[0]!.n));
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      await sleepers;
      expect(most).toBe(3);
    } finally {
      await watcher.end();
      await client.$disconnect();
    }
  });
});

describe('replicaUrlList', () => {
  it('splits DATABASE_REPLICA_URLS on commas and spaces', () => {
    expect(replicaUrlList('')).toEqual([]);
    expect(replicaUrlList(' postgres://a/x, postgres://b/x  postgres://c/x ')).toEqual(['postgres://a/x', 'postgres://b/x', 'postgres://c/x']);
  });
});
