// Legacy bodies are plain text paragraphs: each becomes a paragraph block (lib/articles/body/
// from-html.ts paragraphsToBlocks), stored with its plain text and word count as every body is
// (lib/articles/body/columns.ts).
import { bodyColumns, type BodyColumns } from '@/lib/articles/body/columns';
import { paragraphsToBlocks } from '@/lib/articles/body/from-html';
import { bodyDocumentSchema, bodyFormatVersion } from '@/lib/articles/body/schema';

/** The characters of text the paragraphs hold (the body's limit is counted in these). */
export function paragraphsLength(paragraphs: readonly string[]): number {
  return paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0);
}

/** Paragraphs → the body columns, checked by the one body schema (so its limits hold for imports too). */
export function paragraphsToBody(paragraphs: readonly string[]): BodyColumns {
  return bodyColumns(bodyDocumentSchema.parse({ version: bodyFormatVersion, blocks: paragraphsToBlocks(paragraphs) }));
}
