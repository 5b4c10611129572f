import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, sqliteIsUpToDate } from '@/lib/db/migrate';

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

describe('applyMigrations while the app holds the database', () => {
  it('needs no lock when nothing is pending, so CLIs run beside a running app', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lede-migrate-')), 'held.db');
    await applyMigrations(`file:${file}`);
    const app = new Database(file);
    app.prepare('SELECT count(*) FROM "Article"').get();
    try {
      await expect(applyMigrations(`file:${file}`)).resolves.toEqual({ applied: [] });
    } finally {
      app.close();
    }
  });

  it('knows when a migration is pending or failed', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lede-migrate-')), 'state.db');
    const names = fs.readdirSync('prisma/migrations').filter((name) => !name.endsWith('.toml')).sort();
    expect(sqliteIsUpToDate(file, names)).toBe(false);
    await applyMigrations(`file:${file}`);
    expect(sqliteIsUpToDate(file, names)).toBe(true);
    expect(sqliteIsUpToDate(file, [...names, '29990101000000_later'])).toBe(false);
    const connection = new Database(file);
    connection.prepare('UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = ?').run(names[names.length - 1]);
    connection.close();
    expect(sqliteIsUpToDate(file, names)).toBe(false);
  });
});
