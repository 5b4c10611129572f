// Turns what a reader typed into search terms. Readers type words, not query syntax: quotes,
// operators and brackets are dropped here so no input can make the database's parser fail.
import { z } from 'zod';
import { freeTextParam } from '@/lib/articles/params';

export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 12;
export const SEARCH_PAGE_SIZE = 10;
export const MAX_SEARCH_PAGE = 100;

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
