// HTML at the edges → blocks. HTML is never stored (lib/articles/body/schema.ts): what arrives as HTML
// (a body stored before blocks, an import of HTML, a paste) is read here into the block types, and
// what has no block keeps its text as paragraphs. Nothing is dropped silently: the only things left
// out are pictures from a remote address (a picture block names a Media item, which a URL is not),
// and those are counted for the caller to report. A property test (from-html.test.ts) holds that
// the words of the HTML's text are the words of the blocks' text.
import { Parser } from 'htmlparser2';
import { DomHandler, isTag, isText, type ChildNode, type Element } from 'domhandler';
import { blockSchema, maxBlocks, type Block, type Inline, type ListItem, type Mark } from '@/lib/articles/body/schema';
import { parseEmbedUrl } from '@/lib/articles/body/embeds';
import { blockPlainText } from '@/lib/articles/body/text';

/**
 * How deep tags may nest. htmlparser2 keeps its open elements in an array it searches on every close
 * tag, so each tag costs time in proportion to the depth: '<b>'.repeat(160000) took 7 s. Refusing
 * deeper input keeps that cost at most this constant a tag, so reading HTML is linear in its size
 * (and the tree walk below recurses at most this deep). Real articles nest under 10; 100 leaves room
 * for pasted HTML. (Moved here from lib/articles/sanitize.ts with the sanitiser's other duties.)
 */
export const bodyNestingLimit = 100;

/** HTML whose tags nest deeper than bodyNestingLimit: refused, never read. */
export class BodyNestingError extends Error {
  constructor() {
    super(`The body nests tags more than ${bodyNestingLimit} deep; flatten it (at most ${bodyNestingLimit} tags inside one another).`);
    this.name = 'BodyNestingError';
  }
}

/** What reading HTML left out, for the caller to report: pictures given by address (src) only. */
export type HtmlConversion = { blocks: Block[]; droppedPictures: { src: string; alt: string }[] };

// Elements whose content is code or markup, never text a reader saw.
const nonText = new Set([
  'script', 'style', 'textarea', 'option', 'noscript', 'object', 'embed', 'template', 'svg', 'math', 'title', 'xmp',
  'noembed', 'noframes', 'plaintext', 'head', 'select', 'button', 'input',
]);
// Elements that start a new block of text (everything else is read as running text).
const blockLevel = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr', 'table', 'thead', 'tbody', 'tfoot',
  'tr', 'td', 'th', 'caption', 'figure', 'figcaption', 'pre', 'section', 'article', 'aside', 'header', 'footer', 'main', 'nav',
  'address', 'dl', 'dt', 'dd', 'details', 'summary', 'fieldset', 'legend', 'form', 'center', 'body', 'html', 'img', 'iframe',
  'video', 'audio', 'picture', 'hgroup', 'dialog', 'menu',
]);

const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const maxRunLength = 20_000;
const maxRunsPerBlock = 1_000;

type Run = { text: string; marks: Mark[] };
type Inlines = (Run | 'break')[];

function safeHref(href: string | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim());
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) && href.trim().length <= 2000 ? href.trim() : null;
  } catch {
    return null;
  }
}

function markOf(element: Element): Mark | null {
  switch (element.name) {
    case 'b':
    case 'strong':
      return { type: 'bold' };
    case 'i':
    case 'em':
      return { type: 'italic' };
    case 'sub':
      return { type: 'subscript' };
    case 'sup':
      return { type: 'superscript' };
    case 'a': {
      const href = safeHref(element.attribs.href);
      return href ? { type: 'link', href } : null;
    }
    default:
      return null;
  }
}

const sameMarks = (a: readonly Mark[], b: readonly Mark[]) => JSON.stringify(a) === JSON.stringify(b);

/** Runs as HTML shows them: white space collapsed, none at the edges of a line, like marks merged. */
function tidy(raw: Inlines, preformatted = false): Inline[] {
  const out: Inlines = [];
  for (const item of raw) {
    if (item === 'break') {
      const last = out.at(-1);
      if (last && last !== 'break') last.text = preformatted ? last.text : last.text.replace(/ $/, '');
      out.push('break');
      continue;
    }
    let text = item.text.replace(controls, '');
    if (!preformatted) {
      text = text.replace(/[ \t\n\r\f]+/g, ' ');
      const previous = out.at(-1);
      if (previous === undefined || previous === 'break' || previous.text.endsWith(' ')) text = text.replace(/^ /, '');
    }
    if (!text) continue;
    const previous = out.at(-1);
    if (previous && previous !== 'break' && sameMarks(previous.marks, item.marks)) previous.text += text;
    else out.push({ text, marks: item.marks });
  }
  // No line break or space at the very start or end of a block.
  while (out[0] === 'break') out.shift();
  while (out.at(-1) === 'break') out.pop();
  const last = out.at(-1);
  if (last && last !== 'break' && !preformatted) last.text = last.text.replace(/ $/, '');
  const inlines: Inline[] = [];
  for (const item of out) {
    if (item === 'break') {
      inlines.push({ type: 'break' });
      continue;
    }
    if (!item.text) continue;
    // A run holds at most maxRunLength characters: a longer one is cut into runs (same text, same marks).
    for (let start = 0; start < item.text.length; start += maxRunLength) {
      const text = item.text.slice(start, start + maxRunLength);
      inlines.push(item.marks.length ? { type: 'text', text, marks: item.marks } : { type: 'text', text });
    }
  }
  return inlines;
}

const hasText = (content: readonly Inline[]) => content.some((inline) => inline.type === 'text' && inline.text.trim() !== '');

/** Text a subtree holds, for places that take plain text (table cells, captions). */
function plainText(nodes: readonly ChildNode[]): string {
  let out = '';
  const walk = (list: readonly ChildNode[]) => {
    for (const node of list) {
      if (isText(node)) out += node.data;
      else if (isTag(node) && !nonText.has(node.name)) {
        if (node.name === 'br' || blockLevel.has(node.name)) out += ' ';
        walk(node.children);
        if (blockLevel.has(node.name)) out += ' ';
      }
    }
  };
  walk(nodes);
  return out.replace(controls, '').replace(/\s+/g, ' ').trim();
}

class Reader {
  blocks: Block[] = [];
  droppedPictures: HtmlConversion['droppedPictures'] = [];
  /** Running text met between blocks: it becomes a paragraph when the next block starts. */
  private pending: Inlines = [];

  private push(block: Block) {
    this.flush();
    this.blocks.push(block);
  }

  private flush() {
    const content = tidy(this.pending);
    this.pending = [];
    if (hasText(content)) this.blocks.push({ type: 'paragraph', content });
  }

  finish(): Block[] {
    this.flush();
    return this.blocks;
  }

  private dropPicture(element: Element) {
    const src = element.attribs.src ?? '';
    if (src) this.droppedPictures.push({ src, alt: (element.attribs.alt ?? '').trim() });
  }

  /** Running text into `into`, with the marks of the elements around it. Block elements inside are read as line breaks. */
  inline(nodes: readonly ChildNode[], marks: Mark[], into: Inlines) {
    for (const node of nodes) {
      if (isText(node)) {
        into.push({ text: node.data, marks });
        continue;
      }
      if (!isTag(node) || nonText.has(node.name)) continue;
      if (node.name === 'br') into.push('break');
      else if (node.name === 'img') this.dropPicture(node);
      else if (node.name === 'iframe') continue;
      else if (blockLevel.has(node.name)) {
        // A paragraph inside a list item or a quote: its own line.
        if (into.length) into.push('break');
        this.inline(node.children, marks, into);
        into.push('break');
      } else {
        const mark = markOf(node);
        this.inline(node.children, mark && !marks.some((m) => m.type === mark.type) ? [...marks, mark] : marks, into);
      }
    }
  }

  private inlineBlock(nodes: readonly ChildNode[], preformatted = false): Inline[] {
    const raw: Inlines = [];
    this.inline(nodes, [], raw);
    return tidy(raw, preformatted);
  }

  /** Nodes at block level: blocks for block elements, running text gathered into paragraphs. */
  blocksOf(nodes: readonly ChildNode[]) {
    for (const node of nodes) {
      if (isText(node)) {
        this.pending.push({ text: node.data, marks: [] });
        continue;
      }
      if (!isTag(node) || nonText.has(node.name)) continue;
      if (!blockLevel.has(node.name)) {
        if (node.name === 'br') this.pending.push('break');
        else if (containsBlock(node)) this.blocksOf(node.children);
        else {
          const mark = markOf(node);
          this.inline(node.children, mark ? [mark] : [], this.pending);
        }
        continue;
      }
      this.element(node);
    }
  }

  private element(element: Element) {
    switch (element.name) {
      case 'p':
      case 'dt':
      case 'dd':
      case 'summary':
      case 'legend':
      case 'address':
      case 'figcaption':
      case 'caption':
        if (containsBlock(element, true)) return this.blocksOf(element.children);
        return this.paragraph(this.inlineBlock(element.children));
      case 'pre':
        return this.paragraph(this.inlineBlock(element.children, true));
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        const content = this.inlineBlock(element.children);
        if (!hasText(content)) return;
        return this.push({ type: 'heading', level: element.name === 'h1' || element.name === 'h2' ? 2 : 3, content });
      }
      case 'ul':
      case 'ol':
        return this.list(element);
      case 'li':
        // A list item out of a list: a list of one.
        return this.list({ ...element, name: 'ul', children: [element] } as unknown as Element);
      case 'blockquote':
        return this.quote(element);
      case 'hr':
        return this.push({ type: 'divider' });
      case 'table':
        return this.table(element);
      case 'img':
        this.flush();
        return this.dropPicture(element);
      case 'iframe': {
        // A pasted embed: an allowlisted player becomes an embed block, anything else is left out
        // (an iframe holds no text).
        const parsed = parseEmbedUrl(element.attribs.src ?? '');
        if (parsed) this.push({ type: 'embed', provider: parsed.provider, url: parsed.url, caption: '' });
        return;
      }
      default:
        // Containers (div, section, figure, td out of a table…): their content, block by block.
        this.flush();
        this.blocksOf(element.children);
        this.flush();
    }
  }

  private paragraph(content: Inline[]) {
    if (hasText(content)) this.push({ type: 'paragraph', content });
    else this.flush();
  }

  private list(element: Element) {
    const ordered = element.name === 'ol';
    const items: ListItem[] = [];
    // Items of the second level, and of any level below it (flattened into the second).
    const subItems = (nodes: readonly ChildNode[], into: { content: Inline[] }[]) => {
      for (const node of nodes) {
        if (!isTag(node) || nonText.has(node.name)) {
          if (isText(node) && node.data.trim()) into.push({ content: tidy([{ text: node.data, marks: [] }]) });
          continue;
        }
        if (node.name === 'li') {
          const { content, lists } = this.listItem(node);
          if (hasText(content) || !lists.length) into.push({ content });
          for (const list of lists) subItems(list.children, into);
        } else if (node.name === 'ul' || node.name === 'ol') subItems(node.children, into);
        else into.push({ content: this.inlineBlock([node]) });
      }
    };
    for (const node of element.children) {
      if (!isTag(node) || nonText.has(node.name)) {
        if (isText(node) && node.data.trim()) items.push({ content: tidy([{ text: node.data, marks: [] }]) });
        continue;
      }
      if (node.name === 'ul' || node.name === 'ol') {
        // A list straight inside a list: the second level of the item before it.
        const sub: { content: Inline[] }[] = [];
        subItems(node.children, sub);
        const previous = items.at(-1);
        if (previous && sub.length) previous.list = { ordered: previous.list?.ordered ?? node.name === 'ol', items: [...(previous.list?.items ?? []), ...sub] };
        else items.push(...sub);
        continue;
      }
      if (node.name !== 'li') {
        items.push({ content: this.inlineBlock([node]) });
        continue;
      }
      const { content, lists } = this.listItem(node);
      const sub: { content: Inline[] }[] = [];
      for (const list of lists) subItems(list.children, sub);
      items.push(sub.length ? { content, list: { ordered: lists[0]!.name === 'ol', items: sub } } : { content });
    }
    if (!items.length) return;
    this.push({ type: 'list', ordered, items });
  }

  /** A list item's own running text and the lists nested in it. */
  private listItem(element: Element): { content: Inline[]; lists: Element[] } {
    const lists: Element[] = [];
    const rest: ChildNode[] = [];
    const gather = (nodes: readonly ChildNode[]) => {
      for (const node of nodes) {
        if (isTag(node) && (node.name === 'ul' || node.name === 'ol')) lists.push(node);
        else if (isTag(node) && (node.name === 'div' || node.name === 'p') && containsList(node)) gather(node.children);
        else rest.push(node);
      }
    };
    gather(element.children);
    return { content: this.inlineBlock(rest), lists };
  }

  private quote(element: Element) {
    // Every block inside a quote is a paragraph of it: its text, line by line.
    const inner = new Reader();
    inner.blocksOf(element.children);
    this.droppedPictures.push(...inner.droppedPictures);
    const paragraphs: Inline[][] = [];
    for (const block of inner.finish()) {
      if (block.type === 'paragraph' || block.type === 'heading') paragraphs.push(block.content);
      else if (block.type === 'quote') paragraphs.push(...block.paragraphs);
      else if (block.type === 'embed' || block.type === 'divider') continue;
      else {
        const text = blockPlainText(block).trim();
        if (text) paragraphs.push(textInlines(text));
      }
    }
    if (!paragraphs.length) return this.flush();
    // A quote holds at most 50 paragraphs: a longer one continues in the next quote.
    for (let start = 0; start < paragraphs.length; start += 50) this.push({ type: 'quote', paragraphs: paragraphs.slice(start, start + 50), attribution: '' });
  }

  private table(element: Element) {
    const rows: string[][] = [];
    let caption = '';
    const walk = (nodes: readonly ChildNode[]) => {
      for (const node of nodes) {
        if (!isTag(node) || nonText.has(node.name)) continue;
        if (node.name === 'caption') caption = [caption, plainText(node.children)].filter(Boolean).join(' ');
        else if (node.name === 'tr') {
          rows.push(node.children.filter((cell): cell is Element => isTag(cell) && (cell.name === 'td' || cell.name === 'th')).map((cell) => plainText(cell.children)));
        } else if (node.name === 'table') continue; // a table in a table: read below, as paragraphs
        else walk(node.children);
      }
    };
    walk(element.children);
    const nested = findAll(element, 'table');
    const [header, ...body] = rows.filter((row) => row.length);
    if (!header) {
      if (caption) this.push({ type: 'paragraph', content: textInlines(caption) });
    } else {
      const width = Math.min(12, Math.max(header.length, ...body.map((row) => row.length)));
      // At most 12 columns: the cells beyond the twelfth join the twelfth. Short rows are padded.
      const fit = (row: string[]) => {
        const cells = row.slice(0, width);
        if (row.length > width) cells[width - 1] = row.slice(width - 1).join(' ');
        while (cells.length < width) cells.push('');
        return cells;
      };
      const fitted = body.map(fit);
      // At most 200 rows: a longer table continues as another table under the same header.
      for (let start = 0; start === 0 || start < fitted.length; start += 200) {
        this.push({ type: 'table', caption: start === 0 ? caption : '', header: fit(header), rows: fitted.slice(start, start + 200) });
      }
    }
    for (const table of nested) this.blocksOf(table.children);
  }
}

function findAll(element: Element, name: string): Element[] {
  const out: Element[] = [];
  const walk = (nodes: readonly ChildNode[]) => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      if (node.name === name) out.push(node);
      else walk(node.children);
    }
  };
  walk(element.children);
  return out;
}

function containsBlock(element: Element, ignoreInlineLike = false): boolean {
  return element.children.some(
    (child) => isTag(child) && !nonText.has(child.name) && ((blockLevel.has(child.name) && !(ignoreInlineLike && (child.name === 'img' || child.name === 'iframe'))) || containsBlock(child, ignoreInlineLike)),
  );
}

function containsList(element: Element): boolean {
  return element.children.some((child) => isTag(child) && (child.name === 'ul' || child.name === 'ol' || containsList(child)));
}

/** Plain text as running text: each newline a line break. */
export function textInlines(text: string): Inline[] {
  const raw: Inlines = [];
  text.split('\n').forEach((line, index) => {
    if (index) raw.push('break');
    raw.push({ text: line, marks: [] });
  });
  return tidy(raw, true);
}

/** The text of a block that the schema refuses, as paragraphs (a safety net: no text is ever lost). */
function asParagraphs(block: Block): Block[] {
  const text = blockPlainText(block);
  return text
    .split(/\n{2,}/)
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => {
      const content = textInlines(part.replace(controls, ''));
      const out: Block[] = [];
      for (let start = 0; start < content.length; start += maxRunsPerBlock) out.push({ type: 'paragraph', content: content.slice(start, start + maxRunsPerBlock) });
      return out;
    });
}

/** Each block as the schema stores it; one it refuses (a limit passed) becomes paragraphs of its text. */
function valid(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if ((block.type === 'paragraph' || block.type === 'heading') && block.content.length > maxRunsPerBlock) {
      for (let start = 0; start < block.content.length; start += maxRunsPerBlock) {
        out.push(...valid([{ ...block, content: block.content.slice(start, start + maxRunsPerBlock) }]));
      }
      continue;
    }
    const parsed = blockSchema.safeParse(block);
    out.push(...(parsed.success ? [parsed.data] : asParagraphs(block).map((paragraph) => blockSchema.parse(paragraph))));
  }
  // A document holds at most maxBlocks blocks: the text of the blocks beyond the last one allowed
  // becomes one last paragraph, its parts apart by blank lines inside the text (a run may hold
  // newlines; a line break per part could pass the limit on runs).
  if (out.length > maxBlocks) {
    const tail = out.splice(maxBlocks - 1);
    const text = tail
      .map((block) => blockPlainText(block).trim())
      .filter(Boolean)
      .join('\n\n');
    const content: Inline[] = [];
    for (let start = 0; start < text.length; start += maxRunLength) content.push({ type: 'text', text: text.slice(start, start + maxRunLength) });
    if (content.length) out.push({ type: 'paragraph', content });
  }
  return out;
}

function parse(html: string) {
  const handler = new DomHandler();
  let depth = 0;
  // The parser reports every element it opens and every one it closes (implied closes included), so
  // opens minus closes is the depth of its own stack. Stopping at the limit stops the parse at once.
  const parser = new Parser(
    {
      onparserinit: (p) => handler.onparserinit(p),
      onreset: () => handler.onreset(),
      onend: () => handler.onend(),
      onerror: (error) => handler.onerror(error),
      onopentag: (name, attribs) => {
        depth += 1;
        if (depth > bodyNestingLimit) throw new BodyNestingError();
        handler.onopentag(name, attribs);
      },
      onclosetag: () => {
        depth -= 1;
        handler.onclosetag();
      },
      ontext: (text) => handler.ontext(text),
      oncomment: (data) => handler.oncomment(data),
      oncommentend: () => handler.oncommentend(),
      oncdatastart: () => handler.oncdatastart(),
      oncdataend: () => handler.oncdataend(),
      onprocessinginstruction: (name, data) => handler.onprocessinginstruction(name, data),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return handler.root;
}

/** HTML → blocks and what was left out. Throws BodyNestingError for HTML nested deeper than bodyNestingLimit. */
export function convertHtml(html: string): HtmlConversion {
  const reader = new Reader();
  reader.blocksOf(parse(html).children);
  return { blocks: valid(reader.finish()), droppedPictures: reader.droppedPictures };
}

/** HTML (a paste, an import, a body stored before blocks) → blocks that never lose its text. */
export function htmlToBlocks(html: string): Block[] {
  return convertHtml(html).blocks;
}

/** Paragraphs of plain text (the legacy archive's bodies) → paragraph blocks; a newline inside one is a line break. */
export function paragraphsToBlocks(paragraphs: readonly string[]): Block[] {
  return valid(
    paragraphs
      .map((paragraph) => textInlines(paragraph.replace(controls, '').trim()))
      .filter(hasText)
      .map((content): Block => ({ type: 'paragraph', content })),
  );
}
