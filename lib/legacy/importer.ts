// Imports legacy article files (docs/legacy-format.md): every article all or nothing, idempotent on the
// legacy id (legacy-id.ts), bad files reported with path, line and reason and skipped with nothing
// written. It needs no running server; the caller refreshes a running site (see the docs).
import fs from 'node:fs';
import { db } from '@/lib/db/client';
import { describeArticleChange } from '@/lib/articles/changes';
import { recordPageRefresh } from '@/lib/cache/outbox';
import { tagsForArticleChange } from '@/lib/cache/refresh';
import type { Section } from '@/lib/generated/prisma/client';
import { legacyFiles } from '@/lib/legacy/files';
import { legacyIdFromFileName } from '@/lib/legacy/legacy-id';
import { faultPoint } from '@/lib/faults/kill';
import { ensureSharedPlaceholders } from '@/lib/legacy/media';
import { LegacyFormatError, parseLegacyArticle, type LegacyArticle } from '@/lib/legacy/parser';
import { saveLegacyArticle, type LegacyWriteOutcome } from '@/lib/legacy/write';
import { recoverInterruptedMediaWrites, withMediaJournal } from '@/lib/media/staging';
import { ensureSection } from '@/lib/sections/commands';

/** Where new imported articles go unless told otherwise; created (last in the navigation) when missing. */
export const defaultImportSection = { slug: 'archive', name: 'Archive' } as const;

export type ImportFailure = { source: string; line: number; reason: string };
export type FileResult =
  | { source: string; outcome: LegacyWriteOutcome; articleId: number; legacyId: string; connected: number }
  | ({ outcome: 'failed' } & ImportFailure);

export type ImportSummary = {
  imported: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Related links (of earlier articles) connected to an article this run brought in. */
  connected: number;
  failures: ImportFailure[];
  /** Ids of the articles created or updated: what a running site needs to refresh. */
  changedArticleIds: number[];
};

export type ImportOptions = {
  /** Folder holding the old site's media files: pictures that exist there are copied into MEDIA_ROOT. */
  mediaRoot?: string;
  section?: { slug: string; name: string };
  timeZone?: string;
  onFile?: (result: FileResult) => void;
  /** How long one transaction may write before it commits (default writeLockBudgetMs). */
  writeLockBudgetMs?: number;
};

export function emptySummary(): ImportSummary {
  return { imported: 0, updated: 0, unchanged: 0, failed: 0, connected: 0, failures: [], changedArticleIds: [] };
}

type Parsed = { file: string; legacyId: string; article: LegacyArticle } | { file: string; failure: ImportFailure };

function readLegacyFile(file: string, options: ImportOptions): Parsed {
  try {
    // Synchronous: small files, read one after another; the thread pool would only add waits.
    const article = parseLegacyArticle(fs.readFileSync(file), file, { timeZone: options.timeZone });
    return { file, legacyId: legacyIdFromFileName(file), article };
  } catch (error) {
    if (error instanceof LegacyFormatError) return { file, failure: { source: error.source, line: error.line, reason: error.reason } };
    return { file, failure: { source: file, line: 0, reason: `cannot read: ${(error as Error).message}` } };
  }
}

/**
 * Writes parsed files in one database transaction, each article inside a savepoint of its own: an
 * article that fails rolls back alone (never half an article), and a group saves the transaction
 * set-up and commit that one transaction an article would cost ten thousand times. But a transaction
 * holds SQLite's one write lock: an editor saving meanwhile waits for it. So a transaction takes files
 * until it has held the lock for `writeLockBudgetMs`, and leaves the rest of the group to the next one.
 * Its media files are journaled (lib/media/staging.ts): those whose rows did not commit (an article
 * rolled back, the whole group after a crash or a full disk) are removed, now or at the next start.
 */
async function writeGroup(group: Parsed[], section: Section, options: ImportOptions): Promise<{ results: FileResult[]; rest: Parsed[] }> {
  return withMediaJournal(() => db.$transaction(
    async (tx) => {
      const results: FileResult[] = [];
      const started = performance.now();
      let taken = 0;
      for (const item of group) {
        if (taken > 0 && performance.now() - started > (options.writeLockBudgetMs ?? writeLockBudgetMs)) break;
        taken += 1;
        if ('failure' in item) {
          results.push({ outcome: 'failed', ...item.failure });
          continue;
        }
        await tx.$executeRawUnsafe('SAVEPOINT legacy_article');
        try {
          const saved = await saveLegacyArticle(tx, item.article, { legacyId: item.legacyId, sectionId: section.id, mediaRoot: options.mediaRoot });
          await tx.$executeRawUnsafe('RELEASE SAVEPOINT legacy_article');
          faultPoint('legacy.article-saved');
          results.push({ source: item.file, outcome: saved.outcome, articleId: saved.articleId, legacyId: item.legacyId, connected: saved.connected });
        } catch (error) {
          await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT legacy_article');
          await tx.$executeRawUnsafe('RELEASE SAVEPOINT legacy_article');
          results.push({ outcome: 'failed', source: item.file, line: 0, reason: `not saved: ${(error as Error).message.split('\n').filter(Boolean).pop()}` });
        }
      }
      // The pages these articles touch, recorded with them (the outbox): a running app refreshes them.
      const tags = new Set<string>();
      for (const result of results) {
        if (result.outcome === 'imported' || result.outcome === 'updated') {
          for (const tag of tagsForArticleChange(await describeArticleChange(result.articleId, tx))) tags.add(tag);
        }
      }
      await recordPageRefresh(tx, [...tags]);
      return { results, rest: group.slice(taken) };
    },
    { maxWait: 30_000, timeout: 120_000 },
  ));
}

/**
 * How long one import transaction may keep writing before it commits and lets others write: an
 * editor's save behind it waits at most about this long plus one article (the scripts/bench soak
 * measured publishes failing with SQLite's 10 s busy timeout behind a group of 25 on a loaded server).
 */
export const writeLockBudgetMs = 200;

/** Files parsed ahead and offered to one database transaction (each article in a savepoint of its own). */
export const importGroupSize = 25;

export async function importLegacyPaths(paths: readonly string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const summary = emptySummary();
  const target = options.section ?? defaultImportSection;
  // Files a crashed earlier run placed without committing their rows go first.
  await recoverInterruptedMediaWrites();
  const section = await ensureSection(target.slug, target.name);
  await ensureSharedPlaceholders();
  const record = (result: FileResult) => {
    if (result.outcome === 'failed') {
      summary.failed += 1;
      summary.failures.push({ source: result.source, line: result.line, reason: result.reason });
    } else {
      summary[result.outcome] += 1;
      summary.connected += result.connected;
      if (result.outcome !== 'unchanged') summary.changedArticleIds.push(result.articleId);
    }
    options.onFile?.(result);
  };
  let group: Parsed[] = [];
  const flush = async () => {
    if (!group.length) return;
    let pending = group;
    group = [];
    while (pending.length) {
      const { results, rest } = await writeGroup(pending, section, options);
      results.forEach(record);
      pending = rest;
    }
  };
  for await (const file of legacyFiles(paths)) {
    group.push(readLegacyFile(file, options));
    if (group.length >= importGroupSize) await flush();
  }
  await flush();
  return summary;
}
