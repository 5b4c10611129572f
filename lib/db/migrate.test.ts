import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '@/lib/db/migrate';

describe('applyMigrations', () => {
  it('creates every table on a fresh file, then is a no-op', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lede-migrate-')), 'fresh.db');
    const first = await applyMigrations(`file:${file}`);
    expect(first.applied).toEqual(fs.readdirSync('prisma/migrations').filter((name) => !name.endsWith('.toml')).sort());
    const second = await applyMigrations(`file:${file}`);
    expect(second.applied).toEqual([]);
    const tables = new Database(file)
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((row) => (row as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['Article', 'Section', 'RelatedLink', 'Media', 'ArticleSearch', '_prisma_migrations']));
  });
});
