// What a body says, without its structure: the plain text search indexes and summaries quote
// (Article.bodyText) and the word count (Article.wordCount, reading time, JSON-LD wordCount). Both
// are derived from the BodyDocument on every write, never typed by anyone.
import type { Block, BodyDocument, Inline } from '@/lib/articles/body/schema';

/** Running text as read: runs joined, a line break a newline. */
export function inlineText(content: readonly Inline[]): string {
  return content.map((inline) => (inline.type === 'text' ? inline.text : '\n')).join('');
}

const nonEmpty = (parts: readonly string[]) => parts.filter((part) => part !== '');

/** One block's text: its paragraphs separated by blank lines, its lines (list items, table rows) by newlines. */
export function blockPlainText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.content);
    case 'list':
      return nonEmpty(
        block.items.flatMap((item) => [inlineText(item.content), ...(item.list?.items ?? []).map((sub) => inlineText(sub.content))]),
      ).join('\n');
    case 'quote':
      return nonEmpty([...block.paragraphs.map(inlineText), block.attribution]).join('\n\n');
    case 'pullQuote':
      return nonEmpty([block.text, block.attribution]).join('\n\n');
    case 'picture':
    case 'video':
    case 'embed':
      return block.caption;
    case 'factBox':
      return nonEmpty([block.title, ...block.paragraphs.map(inlineText)]).join('\n\n');
    case 'table':
      // Cells apart by a tab, so that a cell's last word never runs into the next cell's first.
      return nonEmpty([block.caption, block.header.join('\t'), ...block.rows.map((row) => row.join('\t'))]).join('\n');
    case 'divider':
    case 'articleCard':
      return '';
  }
}

/** The plain text of a body: blocks separated by blank lines (the role bodyToText had for HTML). */
export function bodyPlainText(document: BodyDocument): string {
  return nonEmpty(document.blocks.map((block) => blockPlainText(block).trim())).join('\n\n');
}

// One segmenter for the process: "und" (no locale) still segments Thai, Chinese and Japanese by
// dictionary and Arabic script by spaces, which is what a word count needs.
let segmenter: Intl.Segmenter | undefined;

/** How many words `text` holds, in any script: Intl.Segmenter's word-like segments. */
export function countWords(text: string): number {
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}

/** The words of a body (for reading time and JSON-LD wordCount). */
export function bodyWordCount(document: BodyDocument): number {
  return countWords(bodyPlainText(document));
}
