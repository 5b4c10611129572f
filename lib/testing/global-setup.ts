// Migrates one template SQLite database per test run; each test file copies it (setup-database.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-test-'));
  const template = path.join(dir, 'template.db');
  process.env.DATABASE_URL = `file:${template}`;
  const { applyMigrations } = await import('@/lib/db/migrate');
  await applyMigrations(`file:${template}`);
  project.provide('ledeTemplateDatabase', template);
  project.provide('ledeTestDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    ledeTemplateDatabase: string;
    ledeTestDir: string;
  }
}
