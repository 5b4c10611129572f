// THE story model: an article body is a list of typed blocks, and this schema is at once the
// allowlist (nothing it does not name can be stored), the storage format (the Article.body JSON
// column holds a parsed BodyDocument), the editor's output (the body editor sends a BodyDocument and
// the server parses it here) and the renderer's input (components/article/blocks/ renders exactly
// these types). No raw HTML exists in it: HTML from a paste or an import is turned into blocks at
// the edge (lib/articles/body/from-html.ts) and never stored. docs/decisions/0017-story-blocks.md.
import { z } from 'zod';
import { embedProviders, parseProviderUrl } from '@/lib/articles/body/embeds';
import { bodyFormatVersion } from '@/lib/articles/body/version';
import { maxTableColumns, maxTableRows } from '@/lib/articles/body/limits';

export { bodyFormatVersion };

// Bounds that keep one save's parse and render linear and small (decision 0009's reasoning holds:
// a save holds the event loop). The text limit is the old body limit counted in characters of text.
export const maxBodyTextLength = 100_000;
export const maxBlocks = 1_000;
const maxRuns = 1_000;
const maxListItems = 200;

const noControl = (text: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
/** Text as stored: any script, no control characters (tabs and newlines excepted in running text). */
const text = (max: number) => z.string().max(max, `At most ${max.toLocaleString('en')} characters.`).refine(noControl, 'Control characters are not allowed.');

const linkHref = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:';
    } catch {
      return false;
    }
  }, 'A link goes to an https://, http:// or mailto: address.');

export const markSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bold') }),
  z.strictObject({ type: z.literal('italic') }),
  z.strictObject({ type: z.literal('subscript') }),
  z.strictObject({ type: z.literal('superscript') }),
  z.strictObject({ type: z.literal('link'), href: linkHref }),
]);
export type Mark = z.infer<typeof markSchema>;

/** Running text: runs of text with marks, and line breaks. */
export const inlineSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('text'),
    text: text(20_000).min(1, 'A run of text is never empty.'),
    marks: z
      .array(markSchema)
      .max(5)
      .refine((marks) => new Set(marks.map((mark) => mark.type)).size === marks.length, 'A mark appears once on a run.')
      .optional(),
  }),
  z.strictObject({ type: z.literal('break') }),
]);
export type Inline = z.infer<typeof inlineSchema>;

const inlines = z.array(inlineSchema).max(maxRuns);

const mediaId = z.number().int().positive();

const listItemLeaf = z.strictObject({ content: inlines });
const listItem = z.strictObject({
  content: inlines,
  /** The second and last level of nesting. */
  list: z.strictObject({ ordered: z.boolean(), items: z.array(listItemLeaf).min(1).max(maxListItems) }).optional(),
});
export type ListItem = z.infer<typeof listItem>;

const embedBlock = z
  .strictObject({
    type: z.literal('embed'),
    provider: z.enum(embedProviders),
    url: z.string().max(2000),
    caption: text(1000).default(''),
  })
  .superRefine((block, context) => {
    const parsed = parseProviderUrl(block.provider, block.url);
    if (!parsed) context.addIssue({ code: 'custom', path: ['url'], message: `That is not an address ${block.provider} embeds from.` });
    else if (parsed.url !== block.url) context.addIssue({ code: 'custom', path: ['url'], message: `Store the embed's address as ${parsed.url}.` });
  });

export const blockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), content: inlines }),
  z.strictObject({ type: z.literal('heading'), level: z.union([z.literal(2), z.literal(3)]), content: inlines }),
  z.strictObject({ type: z.literal('list'), ordered: z.boolean(), items: z.array(listItem).min(1).max(maxListItems) }),
  z.strictObject({ type: z.literal('quote'), paragraphs: z.array(inlines).min(1).max(50), attribution: text(300).default('') }),
  z.strictObject({ type: z.literal('pullQuote'), text: text(1000).min(1, 'A pull quote needs its words.'), attribution: text(300).default('') }),
  z.strictObject({
    type: z.literal('picture'),
    mediaId,
    alt: text(1000).trim().min(1, 'Describe the picture for readers who cannot see it (alt text is required).'),
    caption: text(1000).default(''),
    credit: text(300).default(''),
  }),
  z.strictObject({ type: z.literal('video'), mediaId, caption: text(1000).default(''), credit: text(300).default('') }),
  embedBlock,
  z.strictObject({ type: z.literal('factBox'), title: text(300).default(''), paragraphs: z.array(inlines).min(1).max(50) }),
  z
    .strictObject({
      type: z.literal('table'),
      caption: text(300).default(''),
      header: z.array(text(300)).min(1).max(maxTableColumns),
      rows: z.array(z.array(text(1000)).max(maxTableColumns)).max(maxTableRows),
    })
    .refine((table) => table.rows.every((row) => row.length === table.header.length), 'Every row of a table has one cell for each header cell.'),
  z.strictObject({ type: z.literal('divider') }),
  z.strictObject({ type: z.literal('articleCard'), articleId: z.number().int().positive() }),
]);
export type Block = z.infer<typeof blockSchema>;
export type BlockType = Block['type'];
export type BlockOf<T extends BlockType> = Extract<Block, { type: T }>;

/** Every block type, in the order the editor's insert menu and the tests list them. */
export const blockTypes = [
  'paragraph', 'heading', 'list', 'quote', 'pullQuote', 'picture', 'video', 'embed', 'factBox', 'table', 'divider', 'articleCard',
] as const satisfies readonly BlockType[];
// Every member of the union is listed above, and nothing else.
type _AllListed = Exclude<BlockType, (typeof blockTypes)[number]> extends never ? true : never;
export const allBlockTypesListed: _AllListed = true;

/** Every run of text in a block, in reading order: for the text limit, search and word counts. */
export function* blockTexts(block: Block): Generator<string> {
  const runs = function* (content: readonly Inline[]) {
    for (const inline of content) if (inline.type === 'text') yield inline.text;
  };
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      yield* runs(block.content);
      break;
    case 'list':
      for (const item of block.items) {
        yield* runs(item.content);
        for (const sub of item.list?.items ?? []) yield* runs(sub.content);
      }
      break;
    case 'quote':
      for (const paragraph of block.paragraphs) yield* runs(paragraph);
      if (block.attribution) yield block.attribution;
      break;
    case 'pullQuote':
      yield block.text;
      if (block.attribution) yield block.attribution;
      break;
    case 'picture':
    case 'video':
      if (block.caption) yield block.caption;
      break;
    case 'embed':
      if (block.caption) yield block.caption;
      break;
    case 'factBox':
      if (block.title) yield block.title;
      for (const paragraph of block.paragraphs) yield* runs(paragraph);
      break;
    case 'table':
      if (block.caption) yield block.caption;
      yield* block.header;
      for (const row of block.rows) yield* row;
      break;
    case 'divider':
    case 'articleCard':
      break;
  }
}

export const bodyDocumentSchema = z
  .strictObject({
    version: z.literal(bodyFormatVersion),
    blocks: z.array(blockSchema).max(maxBlocks, `A body has at most ${maxBlocks.toLocaleString('en')} blocks.`),
  })
  .superRefine((document, context) => {
    let length = 0;
    for (const block of document.blocks) for (const run of blockTexts(block)) length += run.length;
    if (length > maxBodyTextLength) {
      context.addIssue({ code: 'custom', path: ['blocks'], message: `The body is too long (${maxBodyTextLength.toLocaleString('en')} characters of text at most).` });
    }
  });
export type BodyDocument = z.infer<typeof bodyDocumentSchema>;

export const emptyBody = (): BodyDocument => ({ version: bodyFormatVersion, blocks: [] });
