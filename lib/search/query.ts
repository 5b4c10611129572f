// Turns what a reader typed into search terms. Readers type words, not query syntax: quotes,
// operators and brackets are dropped here so no input can make the database's parser fail.
import { z } from 'zod';
import { freeTextParam } from '@/lib/articles/params';

export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 12;
export const SEARCH_PAGE_SIZE = 10;
export const MAX_SEARCH_PAGE = 100;
/** Matches counted at most: as many as the pages can show (a reader pages through 1,000 at most), so
 * a word in most of a million articles is not counted to the last one (docs/decisions/0023). */
export const SEARCH_COUNT_CAP = MAX_SEARCH_PAGE * SEARCH_PAGE_SIZE;
/** Matches ranked: the most recently added this many, best first among them. A common word ranks a
 * bounded set instead of every article that has it (docs/decisions/0023-render-path.md). */
export const SEARCH_CANDIDATES = 5_000;

export const searchParams = z.object({
  // Cut, not refused: a long paste or a crafted link still gets a search page (issue 10, defect 6).
  q: freeTextParam(MAX_QUERY_LENGTH),
  page: z.coerce.number().int().min(1).max(MAX_SEARCH_PAGE).catch(1).default(1),
});

/** Words (letters and digits in any script), lower-cased, at most MAX_TERMS of them. */
export function searchTerms(query: string): string[] {
  const words = query.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_TERMS);
}

export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a snippet the database marked with MARK_START/MARK_END and turns the marks into <mark>. */
export function snippetToHtml(marked: string): string {
  return marked
    .replace(/[&<>"']/g, (character) => escapes[character] ?? character)
    .replaceAll(MARK_START, '<mark>')
    .replaceAll(MARK_END, '</mark>');
}
