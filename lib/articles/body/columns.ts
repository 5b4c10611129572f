// The columns one body fills, written together by every path that stores a body (the newsroom's
// saves, the importers, the seed, the converter of bodies stored before blocks): the document and
// what is derived from it, so that search and word counts can never disagree with the blocks.
import { paragraphsToBlocks } from '@/lib/articles/body/from-html';
import { bodyFormatVersion, type BodyDocument } from '@/lib/articles/body/schema';
import { bodyPlainText, countWords } from '@/lib/articles/body/text';

export type BodyColumns = { body: BodyDocument; bodyText: string; wordCount: number };

export function bodyColumns(body: BodyDocument): BodyColumns {
  const bodyText = bodyPlainText(body);
  return { body, bodyText, wordCount: countWords(bodyText) };
}

/** A body of plain paragraphs (tests, fixtures, generated content). */
export function paragraphsBody(...paragraphs: string[]): BodyDocument {
  return { version: bodyFormatVersion, blocks: paragraphsToBlocks(paragraphs) };
}
