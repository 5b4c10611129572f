// The upgrade tests' shared steps (lib/**/*-upgrade.test.ts): a database migrated only as far as the
// migrations before the one under test, and a converter run in a child process as a start runs it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { config } from '@/lib/config';
import { migrationsFolder } from '@/lib/db/migrate';

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
