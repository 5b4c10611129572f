// The body editor's schema: one Tiptap node per block type of lib/articles/body/schema.ts, and the
// five marks it allows (bold, italic, link, subscript, superscript). Nothing else exists in the editor,
// so nothing else survives a paste: ProseMirror parses pasted HTML against these rules only. The node
// names are the converter's (lib/articles/body/editor-doc.ts `editorNodes`).
import { Extension, Mark, Node, mergeAttributes, type Editor, type JSONContent } from '@tiptap/core';
import { ListItem } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';
import { Placeholder } from '@tiptap/extensions';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import { editorNodes as n, isAllowedHref } from '@/lib/articles/body/editor-doc';
import { runTableStep, tableStepKeys, type TableStep } from '@/components/admin/body-editor/table-commands';

// ---- Marks: sub- and superscript (Tiptap's own packages are not published at 3.34.0) ----

const markFrom = (name: 'subscript' | 'superscript', tag: 'sub' | 'sup', align: 'sub' | 'super') =>
  Mark.create({
    name,
    excludes: name === 'subscript' ? 'superscript' : 'subscript',
    parseHTML: () => [{ tag }, { style: 'vertical-align', getAttrs: (value) => (value === align ? null : false) }],
    renderHTML: () => [tag, 0],
  });
export const Subscript = markFrom('subscript', 'sub', 'sub');
export const Superscript = markFrom('superscript', 'sup', 'super');

// ---- Text nodes holding plain text (attributions, titles, captions, cells) ----

const line = (name: string, tag: string, marker: string, options: { parse?: string[] } = {}) =>
  Node.create({
    name,
    content: 'text*',
    marks: '',
    defining: true,
    // Higher than the paragraph's rule, so that Lede's own HTML (a copy inside the editor) comes back.
    parseHTML: () => [{ tag: `${tag}[${marker}]`, priority: 60 }, ...(options.parse ?? []).map((selector) => ({ tag: selector, priority: 55 }))],
    renderHTML: ({ HTMLAttributes }) => [tag, mergeAttributes(HTMLAttributes, { [marker]: '' }), 0],
  });

const QuoteAttribution = line(n.quoteAttribution, 'cite', 'data-quote-attribution', { parse: ['blockquote > cite', 'blockquote > footer'] });
const PullQuoteText = line(n.pullQuoteText, 'p', 'data-pull-quote-text');
const PullQuoteAttribution = line(n.pullQuoteAttribution, 'cite', 'data-pull-quote-attribution');
const FactBoxTitle = line(n.factBoxTitle, 'p', 'data-fact-box-title');
const TableCaption = line(n.tableCaption, 'caption', 'data-table-caption', { parse: ['caption'] });
const TableHeaderCell = line(n.tableHeaderCell, 'th', 'data-cell', { parse: ['th'] });
const TableCell = line(n.tableCell, 'td', 'data-cell', { parse: ['td'] });

// ---- Containers ----

const Quote = Node.create({
  name: n.quote,
  group: 'block',
  content: 'paragraph+ quoteAttribution',
  defining: true,
  parseHTML: () => [{ tag: 'blockquote' }],
  renderHTML: ({ HTMLAttributes }) => ['blockquote', mergeAttributes(HTMLAttributes, { 'data-block': 'quote' }), 0],
});

const PullQuote = Node.create({
  name: n.pullQuote,
  group: 'block',
  content: 'pullQuoteText pullQuoteAttribution',
  defining: true,
  parseHTML: () => [{ tag: 'aside[data-block="pullQuote"]' }],
  renderHTML: ({ HTMLAttributes }) => ['aside', mergeAttributes(HTMLAttributes, { 'data-block': 'pullQuote', 'aria-label': 'Pull quote' }), 0],
});

const FactBox = Node.create({
  name: n.factBox,
  group: 'block',
  content: 'factBoxTitle paragraph+',
  defining: true,
  parseHTML: () => [{ tag: 'aside[data-block="factBox"]' }],
  renderHTML: ({ HTMLAttributes }) => ['aside', mergeAttributes(HTMLAttributes, { 'data-block': 'factBox', 'aria-label': 'Fact box' }), 0],
});

const DataTable = Node.create({
  name: n.table,
  group: 'block',
  content: 'dataTableCaption dataTableHead dataTableRow*',
  defining: true,
  isolating: true,
  parseHTML: () => [{ tag: 'table' }],
  renderHTML: ({ HTMLAttributes }) => ['table', mergeAttributes(HTMLAttributes, { 'data-block': 'table' }), 0],
  // Rows and columns by keyboard (components/admin/body-editor/table-commands.ts), as the toolbar's buttons.
  addKeyboardShortcuts() {
    return Object.fromEntries(
      (Object.entries(tableStepKeys) as [TableStep, { prosemirror: string }][]).map(([step, keys]) => [keys.prosemirror, () => runTableStep(this.editor.view, step)]),
    );
  },
});
// A row of header cells (th only) is the head; any other row is a body row.
const headRow = (element: HTMLElement) => element.querySelector('th') !== null && element.querySelector('td') === null;
const DataTableHead = Node.create({
  name: n.tableHead,
  content: 'dataTableHeaderCell+',
  parseHTML: () => [{ tag: 'tr', priority: 60, getAttrs: (element) => (headRow(element) ? null : false) }],
  renderHTML: ({ HTMLAttributes }) => ['tr', mergeAttributes(HTMLAttributes, { 'data-head': '' }), 0],
});
const DataTableRow = Node.create({
  name: n.tableRow,
  content: 'dataTableCell+',
  parseHTML: () => [{ tag: 'tr' }],
  renderHTML: ({ HTMLAttributes }) => ['tr', HTMLAttributes, 0],
});

// ---- Atoms: a picture, a video, an embed, an article card (edited in their node views) ----

type AttrSpec = Record<string, { default: string | number | null; number?: boolean }>;

/** Attributes kept as data-* on Lede's own HTML (what a copy inside the editor carries). */
function dataAttributes(spec: AttrSpec) {
  return Object.fromEntries(
    Object.entries(spec).map(([name, { default: fallback, number }]) => {
      const attribute = `data-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
      return [
        name,
        {
          default: fallback,
          parseHTML: (element: HTMLElement) => {
            const value = element.getAttribute(attribute);
            if (value === null) return fallback;
            return number ? Number(value) || null : value;
          },
          renderHTML: (attributes: Record<string, unknown>) => (attributes[name] === null || attributes[name] === '' ? {} : { [attribute]: String(attributes[name]) }),
        },
      ];
    }),
  );
}

export const atomNames = [n.picture, n.video, n.embed, n.articleCard] as const;
export type AtomName = (typeof atomNames)[number];

export const atom = (name: AtomName, spec: AttrSpec) =>
  Node.create({
    name,
    group: 'block',
    atom: true,
    selectable: true,
    draggable: true,
    addAttributes: () => dataAttributes(spec),
    parseHTML: () => [{ tag: `figure[data-block="${name}"]` }],
    renderHTML: ({ HTMLAttributes }) => ['figure', mergeAttributes(HTMLAttributes, { 'data-block': name })],
  });

export const atomAttributes = {
  picture: { mediaId: { default: null, number: true }, alt: { default: '' }, caption: { default: '' }, credit: { default: '' } },
  video: { mediaId: { default: null, number: true }, caption: { default: '' }, credit: { default: '' } },
  embed: { provider: { default: '' }, url: { default: '' }, caption: { default: '' } },
  // The headline is for the editor's card only: it is not stored (the article may change it).
  articleCard: { articleId: { default: null, number: true }, headline: { default: '' } },
} satisfies Record<AtomName, AttrSpec>;

// ---- Moving blocks: Alt+ArrowUp / Alt+ArrowDown, and the buttons and the drag handle ----

/** The position before the top-level block at `index`. */
export function blockStart(doc: Editor['state']['doc'], index: number): number {
  let pos = 0;
  for (let i = 0; i < index && i < doc.childCount; i += 1) pos += doc.child(i).nodeSize;
  return pos;
}

/** The index of the top-level block holding the selection. */
export const currentBlockIndex = (editor: Editor): number => Math.min(editor.state.selection.$from.index(0), editor.state.doc.childCount - 1);

export const blockMovedMeta = 'ledeBlockMoved';

/**
 * Inserts a block where the cursor is and puts the cursor in the paragraph after it (made if none
 * follows). Tiptap leaves an inserted leaf (a divider, a picture) selected, and the next key typed
 * would replace it.
 */
export function insertBlock(editor: Editor, node: JSONContent): boolean {
  return editor
    .chain()
    .focus()
    .insertContent(node)
    .command(({ tr, state }) => {
      const { selection } = tr;
      if (!(selection instanceof NodeSelection)) return true;
      const after = selection.to;
      if (!tr.doc.resolve(after).nodeAfter?.isTextblock) tr.insert(after, state.schema.nodes.paragraph!.create());
      tr.setSelection(TextSelection.create(tr.doc, after + 1));
      return true;
    })
    .scrollIntoView()
    .run();
}

/** Moves the top-level block at `index` one place up (-1) or down (+1), keeping the selection in it. */
export function moveBlock(editor: Editor, direction: -1 | 1, index = currentBlockIndex(editor)): boolean {
  const { state, view } = editor;
  const target = index + direction;
  if (index < 0 || target < 0 || target >= state.doc.childCount) return false;
  const node = state.doc.child(index);
  const from = blockStart(state.doc, index);
  const tr = state.tr.delete(from, from + node.nodeSize);
  const insertAt = blockStart(tr.doc, target);
  tr.insert(insertAt, node);
  const { selection } = state;
  const inside = selection.from >= from && selection.to <= from + node.nodeSize;
  if (selection instanceof NodeSelection && inside) tr.setSelection(NodeSelection.create(tr.doc, selection.from - from + insertAt));
  else if (inside) tr.setSelection(TextSelection.create(tr.doc, selection.anchor - from + insertAt, selection.head - from + insertAt));
  else tr.setSelection(NodeSelection.create(tr.doc, insertAt));
  tr.setMeta(blockMovedMeta, { index: target, count: tr.doc.childCount });
  view.dispatch(tr.scrollIntoView());
  return true;
}

const BlockMover = Extension.create({
  name: 'blockMover',
  addKeyboardShortcuts() {
    return {
      'Alt-ArrowUp': () => moveBlock(this.editor, -1),
      'Alt-ArrowDown': () => moveBlock(this.editor, 1),
    };
  },
});

// A list item holds its line of text and at most one list below it: no picture or table inside a
// list (a BodyDocument's list item is running text), and the body's lists nest two levels deep.
const BodyListItem = ListItem.extend({ content: 'paragraph (bulletList | orderedList)?' });

/** How many list items hold the selection: 2 means it is in a nested list already. */
const listDepth = (editor: Editor) => {
  const { $from } = editor.state.selection;
  let depth = 0;
  for (let d = $from.depth; d > 0; d -= 1) if ($from.node(d).type.name === 'listItem') depth += 1;
  return depth;
};

// One-line nodes: Enter there would split them into a shape the block has no room for.
const oneLine = new Set<string>([n.quoteAttribution, n.pullQuoteText, n.pullQuoteAttribution, n.factBoxTitle, n.tableCaption, n.tableHeaderCell, n.tableCell]);
const LineKeys = Extension.create({
  name: 'lineKeys',
  // Before the list item's own Tab (sink) and the paragraph's Enter.
  priority: 1000,
  addKeyboardShortcuts() {
    return {
      Enter: () => oneLine.has(this.editor.state.selection.$from.parent.type.name),
      // A third level would be flattened into the second on save: do not make one.
      Tab: () => listDepth(this.editor) >= 2,
    };
  },
});

const placeholders: Record<string, string> = {
  [n.quoteAttribution]: 'Who said it (optional)',
  [n.pullQuoteText]: 'The words to pull out',
  [n.pullQuoteAttribution]: 'Who said it (optional)',
  [n.factBoxTitle]: 'Fact box title (optional)',
  [n.tableCaption]: 'Table caption (optional)',
};

/** Every extension of the body editor but the atoms, which the caller adds with their (React) node views. */
export function bodyExtensions() {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      blockquote: false,
      listItem: false,
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ['http', 'https', 'mailto'],
        defaultProtocol: 'https',
        isAllowedUri: (url) => isAllowedHref(url),
      },
    }),
    BodyListItem,
    Subscript,
    Superscript,
    Quote,
    QuoteAttribution,
    PullQuote,
    PullQuoteText,
    PullQuoteAttribution,
    FactBox,
    FactBoxTitle,
    DataTable,
    TableCaption,
    DataTableHead,
    DataTableRow,
    TableHeaderCell,
    TableCell,
    BlockMover,
    LineKeys,
    Placeholder.configure({ includeChildren: true, showOnlyCurrent: false, placeholder: ({ node }) => placeholders[node.type.name] ?? '' }),
  ];
}
