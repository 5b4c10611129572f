// What bodyDocumentSchema refused, said so that the editor can find it: which block (counted as the
// editor shows them), what kind, and what is wrong. The save action shows it under the body field.
// zod's own words for a tampered type ("Invalid discriminator value…") mean nothing in a newsroom.
import type { z } from 'zod';
import type { BlockType } from '@/lib/articles/body/schema';

const blockNames: Record<BlockType, string> = {
  paragraph: 'paragraph', heading: 'heading', list: 'list', quote: 'quote', pullQuote: 'pull quote', picture: 'picture', video: 'video',
  embed: 'embed', factBox: 'fact box', table: 'table', divider: 'divider', articleCard: 'article card',
};

type Issue = Pick<z.core.$ZodIssue, 'code' | 'message' | 'path'>;

/** One issue of bodyDocumentSchema (its path relative to the document) as a sentence for the editor. */
export function bodyIssueMessage(issue: Issue, document?: unknown): string {
  const [first, index, ...rest] = issue.path;
  if (first !== 'blocks' || typeof index !== 'number') {
    if (first === 'blocks' && issue.code !== 'invalid_type') return issue.message;
    return 'The body did not arrive in the editor’s format. Reload the page and try again (your text is still in the editor).';
  }
  const blocks = (document as { blocks?: { type?: unknown }[] } | undefined)?.blocks;
  const type = Array.isArray(blocks) ? blocks[index]?.type : undefined;
  const name = typeof type === 'string' && type in blockNames ? blockNames[type as BlockType] : null;
  const where = `Block ${index + 1}${name ? ` (${name})` : ''}`;
  const last = rest.at(-1);
  if (issue.code === 'invalid_union' && last === 'type') {
    return rest.includes('marks')
      ? `${where}: text can be bold, italic, subscript, superscript or a link, nothing else.`
      : `${where}: that is not a kind of block an article body has.`;
  }
  if (issue.code === 'unrecognized_keys') return `${where}: it holds fields a ${name ?? 'block'} does not have.`;
  return `${where}: ${issue.message}`;
}
