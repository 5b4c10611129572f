// Migrates one template database per test run; each test file copies it (setup-database.ts).
// SQLite by default; LEDE_TEST_DATABASE=postgres uses a template database on PostgreSQL instead
// (testing/postgres-database.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTemplateDatabase, wantsPostgres } from '@/testing/postgres-database';

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-test-'));
  project.provide('ledeTestDir', dir);
  if (wantsPostgres()) {
    const template = await createTemplateDatabase();
    process.env.DATABASE_URL = template.url;
    const { applyMigrations } = await import('@/lib/db/migrate');
    await applyMigrations(template.url);
    project.provide('ledeTemplateDatabase', template.url);
    return async () => {
      await template.dropAll();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const template = path.join(dir, 'template.db');
  process.env.DATABASE_URL = `file:${template}`;
  const { applyMigrations } = await import('@/lib/db/migrate');
  await applyMigrations(`file:${template}`);
  project.provide('ledeTemplateDatabase', template);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A SQLite file path, or a postgres:// URL when LEDE_TEST_DATABASE=postgres. */
    ledeTemplateDatabase: string;
    ledeTestDir: string;
  }
}
