// The SQL Prisma really sends. Import this module FIRST in a test file (before anything that imports
// lib/db/client.ts): it makes the process's one client itself, with Prisma's query events, so the
// read model's own queries can be read back and explained (lib/articles/queries.test.ts).
import { createClient } from '@/lib/db/create-client';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

export type SentQuery = { sql: string; params: unknown[] };

const globalForDb = globalThis as unknown as { ledeDb?: PrismaClient };
if (globalForDb.ledeDb) throw new Error('testing/query-log.ts must be imported before lib/db/client.ts');

const client = createClient(undefined, { log: [{ emit: 'event', level: 'query' }] });
globalForDb.ledeDb = client;

const sent: SentQuery[] = [];
// The client's type leaves out the events of log levels it was not told about at compile time.
(client as unknown as { $on(event: 'query', listener: (event: Prisma.QueryEvent) => void): void }).$on('query', (event) => {
  sent.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] });
});

/** The queries sent while `work` ran, in order. */
export async function queriesSentBy(work: () => Promise<unknown>): Promise<SentQuery[]> {
  const from = sent.length;
  await work();
  return sent.slice(from);
}
