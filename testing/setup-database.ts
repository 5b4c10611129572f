// Runs before each test file, before it imports anything from lib/: points DATABASE_URL and
// MEDIA_ROOT at a fresh copy of the migrated template, so files never share state.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import { createFileDatabase, dropDatabase } from '@/testing/postgres-database';

const template = inject('ledeTemplateDatabase');
const dir = inject('ledeTestDir');
const name = `${process.pid}-${Math.random().toString(36).slice(2)}`;
if (/^postgres(ql)?:\/\//.test(template)) {
  const url = await createFileDatabase(template);
  process.env.DATABASE_URL = url;
  // WITH (FORCE) closes the file's own connections too; global teardown drops any left behind.
  afterAll(() => dropDatabase(url));
} else {
  const file = path.join(dir, `${name}.db`);
  fs.copyFileSync(template, file);
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.MEDIA_ROOT = path.join(dir, `${name}-media`);
