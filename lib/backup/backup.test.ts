// Backup while editors write, restore into a fresh empty install, compare. Runs on this file's own
// database: SQLite by default, PostgreSQL in the PostgreSQL pass (LEDE_TEST_DATABASE=postgres).
import { paragraphsBody } from '@/lib/articles/body/columns';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config, isPostgres } from '@/lib/config';
import { createClient, db } from '@/lib/db/client';
import { createDatabase, dropDatabase, withDatabase } from '@/lib/db/postgres';
import { createArticle } from '@/lib/articles/commands/save';
import { publishArticle } from '@/lib/articles/commands/status';
import type { Actor } from '@/lib/articles/commands/result';
import { seedDemoContent } from '@/lib/seed/demo';
import { backupSite } from '@/lib/backup/backup';
import { sha256File, type BackupManifest } from '@/lib/backup/manifest';
import { RestoreRefused, restoreSite } from '@/lib/backup/restore';

const onPostgres = isPostgres(config.DATABASE_URL);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-backup-'));
const targets: string[] = [];

/** A new, empty install: a database nobody created yet (SQLite) or an empty one (PostgreSQL). */
async function emptyInstall(name: string): Promise<{ databaseUrl: string; mediaRoot: string }> {
  const mediaRoot = path.join(work, `${name}-media`);
  if (!onPostgres) return { databaseUrl: `file:${path.join(work, `${name}.db`)}`, mediaRoot };
  const databaseUrl = withDatabase(config.DATABASE_URL, `lede_test_restore_${crypto.randomBytes(4).toString('hex')}`);
  await createDatabase(databaseUrl);
  targets.push(databaseUrl);
  return { databaseUrl, mediaRoot };
}

const loopHeadline = 'Backup loop story';

describe('backup while editors write, then restore', () => {
  let editor: Actor;
  let manifest: BackupManifest;
  let writesDuringBackup = 0;
  let restored: { databaseUrl: string; mediaRoot: string };
  const backupDir = path.join(work, 'backup');

  beforeAll(async () => {
    const phase = (name: string, since: number) => console.log(`[backup.test] ${name}: ${((Date.now() - since) / 1000).toFixed(1)} s`);
    let since = Date.now();
    await seedDemoContent({ generatedArticles: 40 });
    phase('demo content', since);
    editor = { id: (await db.user.create({ data: { email: 'backup-editor@example.org', role: 'editor', passwordHash: 'x' } })).id, role: 'editor' };
    const section = await db.section.findFirstOrThrow();

    // Editors save and publish all the while the backup runs.
    let backingUp = true;
    let started = false;
    let n = 0;
    const editors = (async () => {
      while (backingUp) {
        n += 1;
        const { id } = await createArticle(editor, { headline: `${loopHeadline} ${n}`, kicker: '', standfirst: 'Written during a backup.', body: paragraphsBody('Text'), sectionId: section.id, tags: 'Backup, Loop' });
        await publishArticle(editor, id);
        if (started) writesDuringBackup += 1;
        // A pause between stories: one process runs both the editors and the backup here, and a tight
        // loop of synchronous SQLite writes would starve the backup's own steps.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    // A few stories before the snapshot (so the copy has some to check), the rest while it runs.
    while (n < 4) await new Promise((resolve) => setTimeout(resolve, 20));
    started = true;
    since = Date.now();
    manifest = await backupSite({ out: backupDir, progress: () => {} });
    phase(`backup (${writesDuringBackup} stories saved and published meanwhile)`, since);
    backingUp = false;
    await editors;

    since = Date.now();
    restored = await emptyInstall('restored');
    await restoreSite({ from: backupDir, ...restored });
    phase('restore', since);
  }, 600_000);

  afterAll(async () => {
    for (const url of targets) await dropDatabase(url).catch(() => {});
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('ran while editors wrote', () => {
    expect(writesDuringBackup).toBeGreaterThan(0);
  });

  it('restores every table with the row counts of the manifest', async () => {
    const copy = createClient(restored.databaseUrl);
    try {
      const counts: Record<string, number> = {
        Article: await copy.article.count(),
        ArticleTag: await copy.articleTag.count(),
        RelatedLink: await copy.relatedLink.count(),
        Media: await copy.media.count(),
        Revision: await copy.revision.count(),
        AuditEntry: await copy.auditEntry.count(),
        Section: await copy.section.count(),
        User: await copy.user.count(),
      };
      for (const [table, count] of Object.entries(counts)) expect(count, table).toBe(manifest.database.tables[table]);
      expect(manifest.database.tables.Article).toBeGreaterThan(40);
    } finally {
      await copy.$disconnect();
    }
  });

  it('restores one consistent moment: every saved story with its tags, revision and audit entries, nothing half-written', async () => {
    const copy = createClient(restored.databaseUrl);
    try {
      const stories = await copy.article.findMany({ where: { headline: { startsWith: loopHeadline } }, include: { tags: true, revisions: true } });
      expect(stories.length).toBeGreaterThan(0);
      for (const story of stories) {
        expect(story.tags.length, story.headline).toBe(2);
        expect(story.revisions.length, story.headline).toBeGreaterThan(0);
      }
      const created = await copy.auditEntry.count({ where: { action: 'article.created', detail: { startsWith: loopHeadline } } });
      const published = await copy.auditEntry.count({ where: { action: 'article.published', detail: { startsWith: loopHeadline } } });
      expect(created).toBe(stories.length);
      expect(published).toBe(stories.filter((story) => story.status === 'published').length);
      expect(stories.every((story) => story.status !== 'published' || story.publishedAt !== null)).toBe(true);
      // Related links (the editors' loop adds none): every article has the links it has here.
      const linksPer = async (client: typeof db) =>
        Object.fromEntries((await client.relatedLink.groupBy({ by: ['articleId'], _count: { _all: true } })).map((group) => [group.articleId, group._count._all]));
      const links = await linksPer(copy);
      expect(links).toEqual(await linksPer(db));
      expect(Object.values(links)).toContain(6);
    } finally {
      await copy.$disconnect();
    }
  });

  it('restores every media file with its checksum', async () => {
    expect(manifest.missingMedia).toEqual([]);
    const copy = createClient(restored.databaseUrl);
    try {
      const media = await copy.media.findMany({ select: { path: true } });
      expect(media.length).toBeGreaterThan(0);
      const sums = new Map(manifest.files.map((file) => [file.path, file.sha256]));
      for (const row of media) {
        const file = path.join(restored.mediaRoot, row.path);
        expect(fs.existsSync(file), row.path).toBe(true);
        expect(await sha256File(file), row.path).toBe(sums.get(`media/${row.path}`));
      }
    } finally {
      await copy.$disconnect();
    }
  });

  it('refuses a database that has rows, and a media folder that has files', async () => {
    await expect(restoreSite({ from: backupDir, databaseUrl: config.DATABASE_URL, mediaRoot: path.join(work, 'unused-media') })).rejects.toThrow(/the database is not empty \("\w+" has rows\)/);
    const empty = await emptyInstall('media-taken');
    fs.mkdirSync(empty.mediaRoot, { recursive: true });
    fs.writeFileSync(path.join(empty.mediaRoot, 'photo.jpg'), 'x');
    await expect(restoreSite({ from: backupDir, ...empty })).rejects.toThrow(/MEDIA_ROOT .* already holds 1 files/);
  });

  it('refuses a damaged backup before writing anything', async () => {
    const damaged = path.join(work, 'damaged');
    fs.cpSync(backupDir, damaged, { recursive: true });
    const victim = manifest.files.find((file) => file.path.startsWith('media/'))!;
    const bytes = fs.readFileSync(path.join(damaged, victim.path));
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    fs.writeFileSync(path.join(damaged, victim.path), bytes);
    const empty = await emptyInstall('damaged');
    const error = await restoreSite({ from: damaged, ...empty }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RestoreRefused);
    expect((error as Error).message).toBe(`${victim.path} does not match its checksum: the backup is damaged`);
    expect(fs.existsSync(empty.mediaRoot)).toBe(false);
    if (!onPostgres) expect(fs.existsSync(empty.databaseUrl.slice('file:'.length))).toBe(false);
  });

  it('refuses to write a backup into a folder that is not empty', async () => {
    await expect(backupSite({ out: backupDir })).rejects.toThrow(/is not empty: give a new folder for each backup/);
  });
});
