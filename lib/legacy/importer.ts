// Imports legacy article files (docs/legacy-format.md): one transaction per article, idempotent on the
// legacy id (legacy-id.ts), bad files reported with path, line and reason and skipped with nothing
// written. It needs no running server; the caller refreshes a running site (see the docs).
import fs from 'node:fs';
import { db } from '@/lib/db/client';
import type { Section } from '@/lib/generated/prisma/client';
import { legacyFiles } from '@/lib/legacy/files';
import { legacyIdFromFileName } from '@/lib/legacy/legacy-id';
import { ensureSharedPlaceholders } from '@/lib/legacy/media';
import { LegacyFormatError, parseLegacyArticle } from '@/lib/legacy/parser';
import { saveLegacyArticle, type LegacyWriteOutcome } from '@/lib/legacy/write';
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
};

export function emptySummary(): ImportSummary {
  return { imported: 0, updated: 0, unchanged: 0, failed: 0, connected: 0, failures: [], changedArticleIds: [] };
}

export async function importLegacyFile(file: string, section: Section, options: ImportOptions = {}): Promise<FileResult> {
  let article;
  try {
    const bytes = await fs.promises.readFile(file);
    article = parseLegacyArticle(bytes, file, { timeZone: options.timeZone });
  } catch (error) {
    if (error instanceof LegacyFormatError) return { outcome: 'failed', source: error.source, line: error.line, reason: error.reason };
    return { outcome: 'failed', source: file, line: 0, reason: `cannot read: ${(error as Error).message}` };
  }
  const legacyId = legacyIdFromFileName(file);
  try {
    const saved = await db.$transaction((tx) => saveLegacyArticle(tx, article, { legacyId, sectionId: section.id, mediaRoot: options.mediaRoot }), {
      maxWait: 30_000,
      timeout: 60_000,
    });
    return { source: file, outcome: saved.outcome, articleId: saved.articleId, legacyId, connected: saved.connected };
  } catch (error) {
    return { outcome: 'failed', source: file, line: 0, reason: `not saved: ${(error as Error).message.split('\n')[0]}` };
  }
}

export async function importLegacyPaths(paths: readonly string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const summary = emptySummary();
  const target = options.section ?? defaultImportSection;
  const section = await ensureSection(target.slug, target.name);
  await ensureSharedPlaceholders();
  for await (const file of legacyFiles(paths)) {
    const result = await importLegacyFile(file, section, options);
    if (result.outcome === 'failed') {
      summary.failed += 1;
      summary.failures.push({ source: result.source, line: result.line, reason: result.reason });
    } else {
      summary[result.outcome] += 1;
      summary.connected += result.connected;
      if (result.outcome !== 'unchanged') summary.changedArticleIds.push(result.articleId);
    }
    options.onFile?.(result);
  }
  return summary;
}
