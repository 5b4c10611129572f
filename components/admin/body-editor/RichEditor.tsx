'use client';
// The body editor itself (loaded lazily by components/admin/BodyEditor.tsx): Tiptap with one node per
// block type, a toolbar to format and insert, the selected block's controls (drag handle, Move up,
// Move down) and a live region that says what happened. It reports the body as a BodyDocument.
import { EditorContent, ReactNodeViewRenderer, useEditor, useEditorState, type Editor, type JSONContent } from '@tiptap/react';
import { NodeSelection } from '@tiptap/pm/state';
import { useCallback, useId, useLayoutEffect, useRef, useState, type DragEvent } from 'react';
import { blocksToEditorDoc, coerceBody, editorDocToBlocks, editorNodes, type EditorNode } from '@/lib/articles/body/editor-doc';
import { InsertDialog, type DialogKind, type Insertion } from '@/components/admin/body-editor/InsertDialogs';
import { ArticleCardView, EmbedView, PictureView, VideoView } from '@/components/admin/body-editor/NodeViews';
import { cleanPastedHtml } from '@/components/admin/body-editor/paste';
import '@/components/admin/body-editor/body-editor.css';
import { canTakeTableStep, runTableStep, tableStepKeys, tableStepMeta, type TableStep } from '@/components/admin/body-editor/table-commands';
import { atom, atomAttributes, blockMovedMeta, blockStart, bodyExtensions, currentBlockIndex, insertBlock, moveBlock } from '@/components/admin/body-editor/schema-extensions';

const atoms = [
  atom('picture', atomAttributes.picture).extend({ addNodeView: () => ReactNodeViewRenderer(PictureView) }),
  atom('video', atomAttributes.video).extend({ addNodeView: () => ReactNodeViewRenderer(VideoView) }),
  atom('embed', atomAttributes.embed).extend({ addNodeView: () => ReactNodeViewRenderer(EmbedView) }),
  atom('articleCard', atomAttributes.articleCard).extend({ addNodeView: () => ReactNodeViewRenderer(ArticleCardView) }),
];

/** The form's value as the editor's starting document: a BodyDocument's JSON, or (older bodies) HTML. */
export function initialContent(value: string): JSONContent | string {
  const text = value.trim();
  if (text.startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      // A refused post comes back as it was sent: open what can be opened, keeping its text.
      if (parsed && typeof parsed === 'object' && 'blocks' in parsed) return blocksToEditorDoc(coerceBody(parsed)) as JSONContent;
    } catch {
      // Not JSON: read as HTML below.
    }
  }
  return text ? cleanPastedHtml(text) : (blocksToEditorDoc({ version: 1, blocks: [] }) as JSONContent);
}

/**
 * The body as the form posts it. The editor keeps an empty paragraph after a last block that is not a
 * paragraph (StarterKit's trailing node: somewhere to type after a picture); that line is the editor's,
 * not the story's, and is not sent.
 */
export function serialise(editor: Editor): string {
  const body = editorDocToBlocks(editor.getJSON());
  const [before, last] = body.blocks.slice(-2);
  if (before && before.type !== 'paragraph' && last?.type === 'paragraph' && last.content.length === 0) body.blocks.pop();
  return JSON.stringify(body);
}

const blockNames: Record<string, string> = {
  paragraph: 'Paragraph', heading: 'Heading', bulletList: 'Bulleted list', orderedList: 'Numbered list', [editorNodes.quote]: 'Quote',
  [editorNodes.pullQuote]: 'Pull quote', [editorNodes.picture]: 'Picture', [editorNodes.video]: 'Video', [editorNodes.embed]: 'Embed',
  [editorNodes.factBox]: 'Fact box', [editorNodes.table]: 'Table', [editorNodes.divider]: 'Divider', [editorNodes.articleCard]: 'Article card',
};

function Tool({ label, active, onClick, disabled, keys }: { label: string; active?: boolean; onClick: () => void; disabled?: boolean; keys?: string }) {
  return (
    <button
      type="button"
      aria-keyshortcuts={keys}
      title={keys ? `${label} (${keys.replaceAll('+', ' + ')})` : undefined}
      // A click keeps the focus (and the selection) in the body, so typing goes on at once where it
      // was; a keyboard user who tabbed here gets it back through the command's focus().
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      disabled={disabled}
      aria-pressed={active === undefined ? undefined : active}
      className={`rounded border px-2 py-1 text-sm ${active ? 'border-ink bg-ink text-white' : 'border-gray-500 bg-white text-ink'} disabled:opacity-50`}
    >
      {label}
    </button>
  );
}

/** The table's steps, in the toolbar's order, with their buttons' names. */
const tableSteps: [TableStep, string][] = [
  ['rowAbove', 'Add row above'], ['rowBelow', 'Add row below'], ['deleteRow', 'Delete row'],
  ['columnBefore', 'Add column before'], ['columnAfter', 'Add column after'], ['deleteColumn', 'Delete column'],
];

function Toolbar({ editor, onDialog, say }: { editor: Editor; onDialog: (kind: DialogKind) => void; say: (message: string) => void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      sub: e.isActive('subscript'),
      sup: e.isActive('superscript'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      link: e.isActive('link'),
      inTable: e.isActive(editorNodes.table),
      table: Object.fromEntries(tableSteps.map(([step]) => [step, canTakeTableStep(e.state, step)])) as Record<TableStep, boolean>,
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const setLink = () => {
    const previous = (editor.getAttributes('link').href as string | undefined) ?? 'https://';
    const url = window.prompt('Link address (https://, http:// or mailto:)', previous);
    if (url === null) return;
    if (url.trim() === '') chain().extendMarkRange('link').unsetLink().run();
    else if (!chain().extendMarkRange('link').setLink({ href: url.trim() }).run()) say('That address cannot be linked: use https://, http:// or mailto:.');
  };
  const insert = (node: EditorNode, message: string) => {
    insertBlock(editor, node as JSONContent);
    say(message);
  };
  const tableTool = (step: TableStep) => runTableStep(editor.view, step) && editor.commands.focus();
  return (
    <div role="toolbar" aria-label="Body formatting and blocks" className="flex flex-wrap gap-1 border-b border-gray-400 bg-gray-50 p-1">
      <Tool label="Bold" active={state.bold} onClick={() => chain().toggleBold().run()} />
      <Tool label="Italic" active={state.italic} onClick={() => chain().toggleItalic().run()} />
      <Tool label="Subscript" active={state.sub} onClick={() => chain().toggleMark('subscript').run()} />
      <Tool label="Superscript" active={state.sup} onClick={() => chain().toggleMark('superscript').run()} />
      <Tool label="Link" active={state.link} onClick={setLink} />
      <Tool label="Heading" active={state.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()} />
      <Tool label="Subheading" active={state.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()} />
      <Tool label="Bulleted list" active={state.bullet} onClick={() => chain().toggleBulletList().run()} />
      <Tool label="Numbered list" active={state.ordered} onClick={() => chain().toggleOrderedList().run()} />
      <span className="mx-1 border-l border-gray-400" aria-hidden="true" />
      <Tool label="Quote" onClick={() => insert({ type: editorNodes.quote, content: [{ type: 'paragraph' }, { type: editorNodes.quoteAttribution }] }, 'Quote inserted.')} />
      <Tool label="Pull quote" onClick={() => insert({ type: editorNodes.pullQuote, content: [{ type: editorNodes.pullQuoteText }, { type: editorNodes.pullQuoteAttribution }] }, 'Pull quote inserted.')} />
      <Tool label="Picture…" onClick={() => onDialog('picture')} />
      <Tool label="Video…" onClick={() => onDialog('video')} />
      <Tool label="Embed…" onClick={() => onDialog('embed')} />
      <Tool label="Fact box" onClick={() => insert({ type: editorNodes.factBox, content: [{ type: editorNodes.factBoxTitle }, { type: 'paragraph' }] }, 'Fact box inserted.')} />
      <Tool label="Table…" onClick={() => onDialog('table')} />
      {state.inTable ? (
        <span role="group" aria-label="Table rows and columns" className="flex flex-wrap gap-1">
          {tableSteps.map(([step, label]) => (
            <Tool key={step} label={label} onClick={() => tableTool(step)} disabled={!state.table[step]} keys={tableStepKeys[step].aria} />
          ))}
        </span>
      ) : null}
      <Tool label="Divider" onClick={() => insert({ type: editorNodes.divider }, 'Divider inserted.')} />
      <Tool label="Article card…" onClick={() => onDialog('articleCard')} />
      <span className="mx-1 border-l border-gray-400" aria-hidden="true" />
      <Tool label="Undo" onClick={() => chain().undo().run()} disabled={!state.canUndo} />
      <Tool label="Redo" onClick={() => chain().redo().run()} disabled={!state.canRedo} />
    </div>
  );
}

/** The selected block's controls, beside it: a drag handle, and Move up / Move down for the keyboard. */
function BlockControls({ editor, container, say }: { editor: Editor; container: HTMLElement | null; say: (message: string) => void }) {
  const { index, count, name } = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const at = currentBlockIndex(e);
      return { index: at, count: e.state.doc.childCount, name: blockNames[e.state.doc.child(at)?.type.name ?? ''] ?? 'Block', doc: e.state.doc };
    },
    // A new document (typing changes heights) re-places the controls; compared by identity, not deeply.
    equalityFn: (a, b) => a.index === b?.index && a.count === b.count && a.name === b.name && a.doc === b.doc,
  });
  const [top, setTop] = useState<number | null>(null);
  useLayoutEffect(() => {
    const dom = editor.view.nodeDOM(blockStart(editor.state.doc, index));
    if (!(dom instanceof HTMLElement) || !container) return setTop(null);
    setTop(dom.getBoundingClientRect().top - container.getBoundingClientRect().top);
  });
  const move = (direction: -1 | 1) => {
    if (moveBlock(editor, direction, index)) say(`${name} moved ${direction < 0 ? 'up' : 'down'}: now block ${index + direction + 1} of ${count}.`);
  };
  const startDrag = (event: DragEvent<HTMLButtonElement>) => {
    const { view } = editor;
    const pos = blockStart(view.state.doc, index);
    const selection = NodeSelection.create(view.state.doc, pos);
    view.dispatch(view.state.tr.setSelection(selection));
    const slice = selection.content();
    const { dom, text } = view.serializeForClipboard(slice);
    event.dataTransfer.clearData();
    event.dataTransfer.setData('text/html', dom.innerHTML);
    event.dataTransfer.setData('text/plain', text);
    event.dataTransfer.effectAllowed = 'move';
    const block = view.nodeDOM(pos);
    if (block instanceof HTMLElement) event.dataTransfer.setDragImage(block, 0, 0);
    // ProseMirror's own drop handler moves the slice and deletes the node it came from (named here:
    // by the drop, the selection may no longer be that node).
    view.dragging = { slice, move: true, node: selection } as typeof view.dragging;
  };
  if (top === null) return null;
  const label = `${name}, block ${index + 1} of ${count}`;
  return (
    <div className="absolute left-1 flex flex-col gap-1" style={{ top }} role="group" aria-label={`Move the selected block (${label})`} data-testid="block-controls">
      <button type="button" draggable onDragStart={startDrag} className="cursor-grab rounded border border-gray-500 bg-white px-1 text-sm leading-5" aria-label={`Drag to move: ${label}`} title="Drag to move this block">
        <span aria-hidden="true">⠿</span>
      </button>
      <button type="button" onClick={() => move(-1)} disabled={index === 0} className="rounded border border-gray-500 bg-white px-1 text-xs disabled:opacity-40" aria-label={`Move up: ${label}`}>
        <span aria-hidden="true">▲</span>
      </button>
      <button type="button" onClick={() => move(1)} disabled={index >= count - 1} className="rounded border border-gray-500 bg-white px-1 text-xs disabled:opacity-40" aria-label={`Move down: ${label}`}>
        <span aria-hidden="true">▼</span>
      </button>
    </div>
  );
}

export type RichEditorProps = {
  initialValue: string;
  onChange: (value: string) => void;
  labelId: string;
  describedBy?: string;
  articleId: number | null;
};

export default function RichEditor({ initialValue, onChange, labelId, describedBy, articleId }: RichEditorProps) {
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [status, setStatus] = useState('');
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const hintId = useId();
  const report = useRef(onChange);
  report.current = onChange;
  const say = useCallback((message: string) => setStatus(message), []);

  const editor = useEditor({
    extensions: [...bodyExtensions(), ...atoms],
    content: initialContent(initialValue),
    immediatelyRender: false,
    // Every block's direction follows its own text (dir="auto"): a Persian paragraph lays out right to
    // left beside an English one. The attribute lives in the editor only; blocks store no direction.
    textDirection: 'auto',
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        'aria-describedby': [hintId, describedBy].filter(Boolean).join(' '),
        'data-testid': 'body-editor',
        class: 'lede-body-editor prose max-w-none min-h-64 py-3 pl-12 pr-3 focus:outline-none',
      },
      // Word, Google Docs, LibreOffice and web pages: structure kept, the rest dropped (paste.ts).
      transformPastedHTML: (html) => cleanPastedHtml(html),
    },
    // The hidden field holds the body as the server will parse it, from the first moment.
    onCreate: ({ editor: current }) => report.current(serialise(current)),
    onUpdate: ({ editor: current }) => report.current(serialise(current)),
    onTransaction: ({ transaction }) => {
      const moved = transaction.getMeta(blockMovedMeta) as { index: number; count: number } | undefined;
      if (moved) setStatus(`Block moved: now block ${moved.index + 1} of ${moved.count}.`);
      const tableChange = transaction.getMeta(tableStepMeta) as string | undefined;
      if (tableChange) setStatus(tableChange);
    },
  });

  const insert = ({ node, message }: Insertion) => {
    setDialog(null);
    if (editor) insertBlock(editor, node as JSONContent);
    setStatus(message);
  };

  return (
    <div className="rounded border border-gray-500 focus-within:ring-2 focus-within:ring-blue-700">
      {editor ? <Toolbar editor={editor} onDialog={setDialog} say={say} /> : <p className="p-2 text-sm text-gray-700">Loading the editor…</p>}
      <p id={hintId} className="border-b border-gray-200 px-3 py-1 text-xs text-gray-700">
        Alt+Up and Alt+Down move the block with the cursor; so do the arrows beside it, and its handle drags it.
      </p>
      <div ref={setContainer} className="relative">
        <EditorContent editor={editor} />
        {editor ? <BlockControls editor={editor} container={container} say={say} /> : null}
      </div>
      {/* aria-live without role="status": the form keeps its one status (the save notice) for others to find. */}
      <div aria-live="polite" className="sr-only" data-testid="body-editor-status">{status}</div>
      {dialog && editor ? <InsertDialog kind={dialog} articleId={articleId} onInsert={insert} onClose={() => { setDialog(null); editor.commands.focus(); }} /> : null}
    </div>
  );
}
