// The SQLite client follows the file at its path (lib/db/sqlite-file.ts): moved away, statements fail
// as "database not reachable" (P1001) and nothing creates an empty database in its place; back, or
// replaced by another copy (a restore), the client reads the file now at the path, with no restart.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '@/lib/db/client';
import { sqlitePath } from '@/lib/db/url';
import { needs } from '@/testing/services';

const url = process.env.DATABASE_URL ?? '';
const onSqlite = url.startsWith('file:');
const file = sqlitePath(url);
const away = `${file}.away`;
const client = onSqlite ? createClient(url) : null;

afterAll(async () => {
  await client?.$disconnect();
});

const sectionCount = async () => Number((await client!.$queryRawUnsafe<{ n: bigint }[]>('SELECT COUNT(*) AS n FROM "Section"'))[0]!.n);

describe('the SQLite client and its file', needs(onSqlite ? null : 'SQLite only (this run is on PostgreSQL)'), () => {
  it('fails as unreachable while the file is gone, and reads the file again once it is back', async () => {
    await client!.section.create({ data: { slug: 'before-the-move', name: 'Before' } });
    const before = await sectionCount();

    fs.renameSync(file, away);
    fs.mkdirSync(file);
    try {
      await expect(client!.section.count()).rejects.toMatchObject({ code: 'P1001' });
      // Nothing was created in its place.
      expect(fs.statSync(file).isDirectory()).toBe(true);
    } finally {
      fs.rmdirSync(file);
      fs.renameSync(away, file);
    }
    expect(await sectionCount()).toBe(before);
    await client!.section.create({ data: { slug: 'after-the-return', name: 'After' } });
    expect(await sectionCount()).toBe(before + 1);
  });

  it('reads a copy put in the place of the file (a restore), not the file it had open', async () => {
    const copy = `${file}.copy`;
    fs.copyFileSync(file, copy);
    await client!.section.create({ data: { slug: 'only-in-the-old-file', name: 'Old' } });
    expect(await client!.section.count({ where: { slug: 'only-in-the-old-file' } })).toBe(1);
    fs.renameSync(copy, file);
    expect(await client!.section.count({ where: { slug: 'only-in-the-old-file' } })).toBe(0);
  });
});
