// A PostgreSQL database of its own per e2e run: created before, dropped after (even while the server
// still holds connections: WITH (FORCE), PostgreSQL 13+).
import pg from 'pg';
import { postgresAdminUrl } from './environment';

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const nameOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createPostgresDatabase(url: string): Promise<void> {
  await onServer((client) => client.query(`CREATE DATABASE ${quoted(nameOf(url))}`));
}

export async function dropPostgresDatabase(url: string): Promise<void> {
  await onServer((client) => client.query(`DROP DATABASE IF EXISTS ${quoted(nameOf(url))} WITH (FORCE)`));
}
