// kill -9 in the middle of `npm run import -- FILE.ndjson`: the CLI runs as a child process and SIGKILLs
// itself after the Nth record of a collection (LEDE_FAULT_KILL_AT=transfer.<collection>:N). After it,
// every article has either no related links yet (the file's links come after all its articles) or all
// of them, never part; running the same import again ends with the source's exact counts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diedOfSigkill } from '@/testing/killed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config, isPostgres } from '@/lib/config';
import { needs } from '@/testing/services';
import { createClient, db, type Db } from '@/lib/db/client';
import { importLegacyPaths } from '@/lib/legacy/importer';
import { writeSyntheticArchive } from '@/lib/legacy/synthetic';
import { exportContent } from '@/lib/transfer/export';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-transfer-crash-'));
const exported = path.join(work, 'export.ndjson');
const target = path.join(work, 'target.db');
const tsx = path.join(config.projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function runImport(fault?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${target}`, MEDIA_ROOT: path.join(work, 'media') };
  if (fault) env.LEDE_FAULT_KILL_AT = fault;
  else delete env.LEDE_FAULT_KILL_AT;
  return spawnSync(process.execPath, [tsx, 'scripts/import.ts', exported], { cwd: config.projectRoot, env, encoding: 'utf8', timeout: 120_000 });
}

async function counts(client: Db) {
  return {
    articles: await client.article.count(),
    relatedLinks: await client.relatedLink.count(),
    connectedLinks: await client.relatedLink.count({ where: { targetArticleId: { not: null } } }),
    media: await client.media.count(),
    sections: await client.section.count(),
  };
}

describe('kill -9 during an NDJSON import', needs(isPostgres() ? 'SQLite only: it runs the CLI against database files of its own (this run is on PostgreSQL)' : null), () => {
  let other: Db;
  let expectedLinks: Map<string, number>;

  beforeAll(async () => {
    // The target starts as this file's fresh database did; the source gets a synthetic archive.
    fs.copyFileSync(process.env.DATABASE_URL!.slice('file:'.length), target);
    const archive = path.join(work, 'archive');
    writeSyntheticArchive(archive, 60);
    await importLegacyPaths([archive]);
    await exportContent(exported);
    const articles = await db.article.findMany({ select: { slug: true, _count: { select: { relatedLinks: true } } } });
    expectedLinks = new Map(articles.map((article) => [article.slug, article._count.relatedLinks]));
    other = createClient(`file:${target}`);
  });
  afterAll(() => other?.$disconnect());

  async function expectWholeLinkSets() {
    const articles = await other.article.findMany({ select: { slug: true, _count: { select: { relatedLinks: true } } } });
    const partial = articles.filter((article) => ![0, expectedLinks.get(article.slug)].includes(article._count.relatedLinks));
    expect(partial.map((article) => `${article.slug}: ${article._count.relatedLinks} of ${expectedLinks.get(article.slug)}`)).toEqual([]);
  }

  it('never leaves part of an article\'s related links, and the same import completes it', async () => {
    const linkCount = await db.relatedLink.count();
    expect(linkCount).toBeGreaterThan(40);
    for (const fault of ['transfer.articles:30', `transfer.relatedLinks:${Math.floor(linkCount / 2)}`]) {
      const run = runImport(fault);
      expect(diedOfSigkill(run), `${fault}: ${run.stderr}`).toBe(true);
      await expectWholeLinkSets();
    }
    const last = runImport();
    expect(last.status, last.stderr).toBe(0);
    await expectWholeLinkSets();
    expect(await counts(other)).toEqual(await counts(db));
  });
});
