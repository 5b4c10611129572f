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

// Intl.Segmenter costs about 0.3 ms for a 600-word article, most of the converter's time at start
// (docs/benchmarks.md, "Converting bodies stored as HTML"). Text in Latin script with common
// punctuation is counted here by the same rules (Unicode word boundaries, UAX #29: letters and
// digits run together; a letter, then "." ":" or an apostrophe, then a letter stays one word, as
// does a digit, then "." "," ";" or an apostrophe, then a digit), ten times faster; any other
// character sends the whole text to the segmenter. text.test.ts holds the two to the same counts.
const other = 0;
const letter = 1;
const digit = 2;
const midLetter = 3; // ':'
const midNumLet = 4; // '.', apostrophes
const midNum = 5; // ',', ';'
const unknown = -1;

function classOf(code: number): number {
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return letter;
    if (code >= 0x30 && code <= 0x39) return digit;
    if (code === 0x2e || code === 0x27) return midNumLet;
    if (code === 0x3a) return midLetter;
    if (code === 0x2c || code === 0x3b) return midNum;
    // '_' joins words (ExtendNumLet) by rules not copied here; control characters other than
    // tab and newlines are left to the segmenter too.
    if (code === 0x5f || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)) return unknown;
    return other;
  }
  if (code >= 0xc0 && code <= 0x24f) return code === 0xd7 || code === 0xf7 ? other : letter;
  if (code === 0x2018 || code === 0x2019) return midNumLet;
  if (code === 0xa0 || code === 0x201c || code === 0x201d || code === 0x2013 || code === 0x2014 || code === 0x2026) return other;
  return unknown;
}

/** Words of Latin-script text by UAX #29, or null when the text holds a character left to Intl.Segmenter. */
export function latinWordCount(text: string): number | null {
  let count = 0;
  let inWord = false;
  let last = other;
  for (let index = 0; index < text.length; index += 1) {
    const kind = classOf(text.charCodeAt(index));
    if (kind === unknown) return null;
    if (kind === letter || kind === digit) {
      if (!inWord) count += 1;
      inWord = true;
      last = kind;
    } else if (inWord && kind >= midLetter && index + 1 < text.length) {
      const next = classOf(text.charCodeAt(index + 1));
      if (next === unknown) return null;
      const joins = last === letter ? next === letter && kind !== midNum : last === digit && next === digit && kind !== midLetter;
      if (!joins) inWord = false;
    } else {
      inWord = false;
    }
  }
  return count;
}

/** How many words `text` holds, in any script: Intl.Segmenter's word-like segments. */
export function countWords(text: string): number {
  const latin = latinWordCount(text);
  if (latin !== null) return latin;
  segmenter ??= new Intl.Segmenter('und', { granularity: 'word' });
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}

/** The words of a body (for reading time and JSON-LD wordCount). */
export function bodyWordCount(document: BodyDocument): number {
  return countWords(bodyPlainText(document));
}
