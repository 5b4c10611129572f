// The body editor's document (Tiptap/ProseMirror JSON) and the stored BodyDocument, both ways. Pure
// functions with no React and no DOM, so that the mapping is tested on its own
// (editor-doc.test.ts: blocks → editor → blocks is the identity for every valid document).
//
// editorDocToBlocks is also the editor's last allowlist before the server's: whatever the editor holds
// (a paste, an extension's node, a mark the schema does not name) comes out as blocks and marks the
// BodyDocument names, and text is never dropped: an unknown node gives its text, an unknown mark or a
// link to a javascript: address leaves its text unmarked. The server still parses the result with
// bodyDocumentSchema; nothing here is trusted. docs/decisions/0005-body-editor.md.
import type { Block, BlockOf, BodyDocument, Inline, ListItem, Mark } from '@/lib/articles/body/schema';
import { bodyFormatVersion } from '@/lib/articles/body/version';
import type { EmbedProvider } from '@/lib/articles/body/embeds';

/** A node of Tiptap's JSON (JSONContent), read loosely: it comes from the browser. */
export type EditorNode = {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: EditorNode[];
  text?: string;
  marks?: { type?: string; attrs?: Record<string, unknown> }[];
};

/** The editor's node names, one place for the converter and the Tiptap extensions. */
export const editorNodes = {
  quote: 'quote',
  quoteAttribution: 'quoteAttribution',
  pullQuote: 'pullQuote',
  pullQuoteText: 'pullQuoteText',
  pullQuoteAttribution: 'pullQuoteAttribution',
  picture: 'picture',
  video: 'video',
  embed: 'embed',
  factBox: 'factBox',
  factBoxTitle: 'factBoxTitle',
  table: 'dataTable',
  tableCaption: 'dataTableCaption',
  tableHead: 'dataTableHead',
  tableRow: 'dataTableRow',
  tableHeaderCell: 'dataTableHeaderCell',
  tableCell: 'dataTableCell',
  divider: 'horizontalRule',
  articleCard: 'articleCard',
} as const;
const n = editorNodes;

// ---------------------------------------------------------------------------------------------------
// Blocks → editor

const markToEditor = (mark: Mark) => (mark.type === 'link' ? { type: 'link', attrs: { href: mark.href } } : { type: mark.type });

function inlinesToEditor(content: readonly Inline[]): EditorNode[] {
  return content.map((inline) =>
    inline.type === 'break'
      ? { type: 'hardBreak' }
      : { type: 'text', text: inline.text, ...(inline.marks?.length ? { marks: inline.marks.map(markToEditor) } : {}) },
  );
}

/** A node holding plain text; ProseMirror allows no empty text node, so empty text is no content. */
const plain = (type: string, text: string): EditorNode => (text ? { type, content: [{ type: 'text', text }] } : { type });
const textblock = (type: string, content: readonly Inline[], attrs?: Record<string, unknown>): EditorNode => {
  const inner = inlinesToEditor(content);
  return { type, ...(attrs ? { attrs } : {}), ...(inner.length ? { content: inner } : {}) };
};
const paragraph = (content: readonly Inline[]) => textblock('paragraph', content);

function listToEditor(ordered: boolean, items: readonly ListItem[]): EditorNode {
  return {
    type: ordered ? 'orderedList' : 'bulletList',
    content: items.map((item) => ({
      type: 'listItem',
      content: [paragraph(item.content), ...(item.list ? [listToEditor(item.list.ordered, item.list.items)] : [])],
    })),
  };
}

export function blockToEditor(block: Block): EditorNode {
  switch (block.type) {
    case 'paragraph':
      return paragraph(block.content);
    case 'heading':
      return textblock('heading', block.content, { level: block.level });
    case 'list':
      return listToEditor(block.ordered, block.items);
    case 'quote':
      return { type: n.quote, content: [...block.paragraphs.map(paragraph), plain(n.quoteAttribution, block.attribution)] };
    case 'pullQuote':
      return { type: n.pullQuote, content: [plain(n.pullQuoteText, block.text), plain(n.pullQuoteAttribution, block.attribution)] };
    case 'picture':
      return { type: n.picture, attrs: { mediaId: block.mediaId, alt: block.alt, caption: block.caption, credit: block.credit } };
    case 'video':
      return { type: n.video, attrs: { mediaId: block.mediaId, caption: block.caption, credit: block.credit } };
    case 'embed':
      return { type: n.embed, attrs: { provider: block.provider, url: block.url, caption: block.caption } };
    case 'factBox':
      return { type: n.factBox, content: [plain(n.factBoxTitle, block.title), ...block.paragraphs.map(paragraph)] };
    case 'table':
      return {
        type: n.table,
        content: [
          plain(n.tableCaption, block.caption),
          { type: n.tableHead, content: block.header.map((cell) => plain(n.tableHeaderCell, cell)) },
          ...block.rows.map((row) => ({ type: n.tableRow, content: row.map((cell) => plain(n.tableCell, cell)) })),
        ],
      };
    case 'divider':
      return { type: n.divider };
    case 'articleCard':
      return { type: n.articleCard, attrs: { articleId: block.articleId } };
  }
}

// ---------------------------------------------------------------------------------------------------
// Anything → a body the editor can open

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function coerceInlines(value: unknown): Inline[] {
  const out: Inline[] = [];
  for (const item of array(value)) {
    const inline = record(item);
    if (inline.type === 'break') out.push({ type: 'break' });
    else if (inline.type === 'text' && text(inline.text)) {
      const marks = marksFromEditor(array(inline.marks).map((mark) => {
        const { type, href } = record(mark);
        return { type: text(type), attrs: { href } };
      }));
      out.push(marks.length ? { type: 'text', text: text(inline.text), marks } : { type: 'text', text: text(inline.text) });
    }
  }
  return out;
}

/** Every string inside a value, in order: the text of a block of a type the body does not have. */
function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) if (key !== 'type') stringsIn(item, into);
  return into;
}

function coerceBlock(value: unknown): Block | null {
  const block = record(value);
  const paragraphs = (list: unknown) => {
    const out = array(list).map(coerceInlines);
    return out.length ? out : [[]];
  };
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', content: coerceInlines(block.content) };
    case 'heading':
      return { type: 'heading', level: block.level === 3 ? 3 : 2, content: coerceInlines(block.content) };
    case 'list': {
      const items = array(block.items).map((raw): ListItem => {
        const item = record(raw);
        const sub = record(item.list);
        const leaves = array(sub.items).map((leaf) => ({ content: coerceInlines(record(leaf).content) }));
        return leaves.length ? { content: coerceInlines(item.content), list: { ordered: sub.ordered === true, items: leaves } } : { content: coerceInlines(item.content) };
      });
      return items.length ? { type: 'list', ordered: block.ordered === true, items } : null;
    }
    case 'quote':
      return { type: 'quote', paragraphs: paragraphs(block.paragraphs), attribution: text(block.attribution) };
    case 'pullQuote':
      return { type: 'pullQuote', text: text(block.text), attribution: text(block.attribution) };
    case 'picture':
      return { type: 'picture', mediaId: int(block.mediaId), alt: text(block.alt), caption: text(block.caption), credit: text(block.credit) };
    case 'video':
      return { type: 'video', mediaId: int(block.mediaId), caption: text(block.caption), credit: text(block.credit) };
    case 'embed':
      return { type: 'embed', provider: text(block.provider) as EmbedProvider, url: text(block.url), caption: text(block.caption) };
    case 'factBox':
      return { type: 'factBox', title: text(block.title), paragraphs: paragraphs(block.paragraphs) };
    case 'table': {
      const header = array(block.header).map(text);
      const rows = array(block.rows).map((row) => array(row).map(text));
      const width = Math.max(1, header.length, ...rows.map((row) => row.length));
      const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill('')];
      return { type: 'table', caption: text(block.caption), header: pad(header), rows: rows.map(pad) };
    }
    case 'divider':
      return { type: 'divider' };
    case 'articleCard':
      return { type: 'articleCard', articleId: int(block.articleId) };
    default: {
      const words = stringsIn(block).join(' ').trim();
      return words ? { type: 'paragraph', content: [{ type: 'text', text: words }] } : null;
    }
  }
}

/**
 * Whatever the form holds as a body (a refused post comes back as it was sent) in a shape the editor
 * can open without losing text: each block's fields read with defaults, unknown blocks as their text,
 * links to addresses the body does not allow as plain text. A valid body comes back unchanged.
 */
export function coerceBody(value: unknown): BodyDocument {
  const blocks: Block[] = [];
  for (const raw of array(record(value).blocks)) {
    const block = coerceBlock(raw);
    if (block) blocks.push(block);
  }
  return { version: bodyFormatVersion, blocks };
}

/** A stored body as the editor's document. An empty body is one empty paragraph to type in. */
export function blocksToEditorDoc(doc: BodyDocument): EditorNode & { type: 'doc'; content: EditorNode[] } {
  const content = doc.blocks.map(blockToEditor);
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

// ---------------------------------------------------------------------------------------------------
// Editor → blocks

const children = (node: EditorNode | undefined): EditorNode[] => (Array.isArray(node?.content) ? node.content.filter((child) => child && typeof child === 'object') : []);
const str = (value: unknown): string => (typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value));
const int = (value: unknown): number => {
  const number = typeof value === 'number' ? value : Number(str(value));
  return Number.isFinite(number) ? Math.trunc(number) : 0;
};

/** Links go to http(s) and mailto addresses only: anything else loses its link and keeps its text. */
export function isAllowedHref(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

const simpleMarks = new Set(['bold', 'italic', 'subscript', 'superscript']);

function marksFromEditor(marks: EditorNode['marks']): Mark[] {
  const out: Mark[] = [];
  const seen = new Set<string>();
  for (const mark of Array.isArray(marks) ? marks : []) {
    const type = mark?.type;
    if (!type || seen.has(type)) continue;
    if (simpleMarks.has(type)) out.push({ type } as Mark);
    else if (type === 'link') {
      const href = str(mark.attrs?.href).trim();
      if (!isAllowedHref(href)) continue;
      out.push({ type: 'link', href });
    } else continue;
    seen.add(type);
  }
  return out;
}

/** The running text inside a node: text runs, breaks, and the text of any inline node it does not know. */
function inlinesFromEditor(node: EditorNode | undefined, into: Inline[] = []): Inline[] {
  for (const child of children(node)) {
    if (child.type === 'text') {
      const text = str(child.text);
      if (!text) continue;
      const marks = marksFromEditor(child.marks);
      into.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
    } else if (child.type === 'hardBreak') into.push({ type: 'break' });
    else {
      // A block inside running text (a paragraph in a list item, a pasted div): its text, on a new line.
      if (into.length && isBlockish(child)) into.push({ type: 'break' });
      inlinesFromEditor(child, into);
    }
  }
  return into;
}

const isBlockish = (node: EditorNode) => node.type !== 'text' && node.type !== 'hardBreak' && children(node).length > 0;

/** The plain text of a node: for attributions, titles, table cells. Breaks become newlines. */
export function plainTextOf(node: EditorNode | undefined): string {
  let out = '';
  for (const child of children(node)) {
    if (child.type === 'text') out += str(child.text);
    else if (child.type === 'hardBreak') out += '\n';
    else out += plainTextOf(child);
  }
  return out;
}

const isList = (node: EditorNode) => node.type === 'bulletList' || node.type === 'orderedList';

/** The items of a list nested below the second level, flattened into it: their text is kept. */
function leafItems(list: EditorNode): { content: Inline[] }[] {
  const out: { content: Inline[] }[] = [];
  for (const item of children(list)) {
    const text: Inline[] = [];
    const deeper: EditorNode[] = [];
    for (const part of children(item)) {
      if (isList(part)) deeper.push(part);
      else {
        if (text.length) text.push({ type: 'break' });
        inlinesFromEditor(part.type === 'text' || part.type === 'hardBreak' ? { content: [part] } : part, text);
      }
    }
    out.push({ content: text });
    for (const list of deeper) out.push(...leafItems(list));
  }
  return out;
}

function listFromEditor(list: EditorNode): BlockOf<'list'> | null {
  const items: ListItem[] = [];
  for (const item of children(list)) {
    const content: Inline[] = [];
    let sub: NonNullable<ListItem['list']> | undefined;
    for (const part of children(item)) {
      if (isList(part)) {
        const leaves = leafItems(part);
        if (!leaves.length) continue;
        if (sub) sub.items.push(...leaves);
        else sub = { ordered: part.type === 'orderedList', items: leaves };
      } else {
        if (content.length) content.push({ type: 'break' });
        inlinesFromEditor(part.type === 'text' || part.type === 'hardBreak' ? { content: [part] } : part, content);
      }
    }
    items.push(sub ? { content, list: sub } : { content });
  }
  return items.length ? { type: 'list', ordered: list.type === 'orderedList', items } : null;
}

function paragraphsOf(nodes: EditorNode[]): Inline[][] {
  const paragraphs = nodes.map((node) => inlinesFromEditor(node));
  return paragraphs.length ? paragraphs : [[]];
}

function tableFromEditor(node: EditorNode): BlockOf<'table'> {
  const parts = children(node);
  const caption = plainTextOf(parts.find((part) => part.type === n.tableCaption));
  const head = parts.find((part) => part.type === n.tableHead);
  const header = children(head).map(plainTextOf);
  const rows = parts.filter((part) => part.type === n.tableRow).map((row) => children(row).map(plainTextOf));
  // Every row as wide as the widest: cells are padded, never cut.
  const width = Math.max(1, header.length, ...rows.map((row) => row.length));
  const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill('')];
  return { type: 'table', caption, header: pad(header), rows: rows.map(pad) };
}

function blocksFromEditor(node: EditorNode, into: Block[]): void {
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'paragraph':
      into.push({ type: 'paragraph', content: inlinesFromEditor(node) });
      return;
    case 'heading':
      into.push({ type: 'heading', level: int(attrs.level) <= 2 ? 2 : 3, content: inlinesFromEditor(node) });
      return;
    case 'bulletList':
    case 'orderedList': {
      const list = listFromEditor(node);
      if (list) into.push(list);
      return;
    }
    case n.quote: {
      const parts = children(node);
      into.push({
        type: 'quote',
        paragraphs: paragraphsOf(parts.filter((part) => part.type !== n.quoteAttribution)),
        attribution: plainTextOf(parts.find((part) => part.type === n.quoteAttribution)),
      });
      return;
    }
    case n.pullQuote: {
      const parts = children(node);
      into.push({
        type: 'pullQuote',
        text: plainTextOf({ content: parts.filter((part) => part.type !== n.pullQuoteAttribution) }),
        attribution: plainTextOf(parts.find((part) => part.type === n.pullQuoteAttribution)),
      });
      return;
    }
    case n.picture:
      into.push({ type: 'picture', mediaId: int(attrs.mediaId), alt: str(attrs.alt), caption: str(attrs.caption), credit: str(attrs.credit) });
      return;
    case n.video:
      into.push({ type: 'video', mediaId: int(attrs.mediaId), caption: str(attrs.caption), credit: str(attrs.credit) });
      return;
    case n.embed: {
      const provider = str(attrs.provider);
      // An unknown provider is sent as it is: the server refuses it with its message.
      into.push({ type: 'embed', provider: provider as EmbedProvider, url: str(attrs.url), caption: str(attrs.caption) });
      return;
    }
    case n.factBox: {
      const parts = children(node);
      into.push({
        type: 'factBox',
        title: plainTextOf(parts.find((part) => part.type === n.factBoxTitle)),
        paragraphs: paragraphsOf(parts.filter((part) => part.type !== n.factBoxTitle)),
      });
      return;
    }
    case n.table:
      into.push(tableFromEditor(node));
      return;
    case n.divider:
      into.push({ type: 'divider' });
      return;
    case n.articleCard:
      into.push({ type: 'articleCard', articleId: int(attrs.articleId) });
      return;
    default: {
      // A node the body does not name: its blocks if it holds blocks, else its text as a paragraph.
      const parts = children(node);
      if (parts.some((part) => part.type !== 'text' && part.type !== 'hardBreak')) for (const part of parts) blocksFromEditor(part, into);
      else {
        const content = inlinesFromEditor(node);
        if (content.length) into.push({ type: 'paragraph', content });
      }
    }
  }
}

/**
 * The editor's document as a stored body: every block as the editor shows it, empty paragraphs
 * included. The one exception: a document of one empty paragraph (what ProseMirror shows for nothing,
 * since a document holds at least one block) is the empty body, so that an empty body survives the
 * round trip. A stored body of one empty paragraph therefore reads back empty: they say the same.
 */
export function editorDocToBlocks(json: unknown): BodyDocument {
  const root = (json && typeof json === 'object' ? json : {}) as EditorNode;
  const blocks: Block[] = [];
  for (const node of children(root)) blocksFromEditor(node, blocks);
  const nothing = blocks.length === 1 && blocks[0]!.type === 'paragraph' && blocks[0]!.content.length === 0;
  return { version: bodyFormatVersion, blocks: nothing ? [] : blocks };
}
