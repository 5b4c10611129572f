// The upgrade tests' shared steps (lib/**/*-upgrade.test.ts): a database migrated only as far as the
// migrations before the one under test, and a converter run in a child process as a start runs it.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { config } from '@/lib/config';
import pg from 'pg';
import { applyMigrations, migrationsFolder } from '@/lib/db/migrate';
import { createDatabase, dropDatabase, withDatabase } from '@/lib/db/postgres';
import { postgresServer } from '@/testing/services';

const tsx = path.join(config.projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** The names of the migrations that come before `migration`: a database as it was before it. */
export function migrationsBefore(provider: 'sqlite' | 'postgresql', migration: string): string[] {
  return fs.readdirSync(migrationsFolder(provider), { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name < migration).map((entry) => entry.name);
}

/** Runs `script` (a testing/ child) against the database at `url` and returns what it printed, trimmed. */
export function runChildAt(script: string, url: string): string {
  const run = spawnSync(process.execPath, [tsx, script], { cwd: config.projectRoot, env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim();
}

/** A scratch PostgreSQL database on the test server, migrated with `migrations` only, given to
 * `work` with a connected client (closed after), then dropped. */
export async function withOldPostgres(prefix: string, migrations: string[], work: (url: string, client: pg.Client) => Promise<void>): Promise<void> {
  const url = withDatabase(postgresServer(), `${prefix}_${randomBytes(4).toString('hex')}`);
  await createDatabase(url);
  try {
    await applyMigrations(url, { only: migrations });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await work(url, client);
    } finally {
      await client.end();
    }
  } finally {
    await dropDatabase(url);
  }
}
