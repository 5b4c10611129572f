'use client';
// The body editor: Tiptap (ProseMirror). TEMPORARY (issue 12, storage step): it still edits HTML and
// posts the BodyDocument made from it (lib/articles/body/from-html.ts) as JSON in the hidden input,
// until the block editor replaces it. The server checks the document with the same schema.
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useState } from 'react';
import { htmlToBlocks } from '@/lib/articles/body/from-html';
import { blockPlainText } from '@/lib/articles/body/text';
import { bodyFormatVersion, type BodyDocument, type Inline } from '@/lib/articles/body/schema';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
function runsHtml(content: readonly Inline[]): string {
  return content
    .map((inline) => {
      if (inline.type === 'break') return '<br>';
      let html = escape(inline.text);
      for (const mark of inline.marks ?? []) {
        if (mark.type === 'bold') html = `<strong>${html}</strong>`;
        else if (mark.type === 'italic') html = `<em>${html}</em>`;
        else if (mark.type === 'link') html = `<a href="${escape(mark.href)}">${html}</a>`;
      }
      return html;
    })
    .join('');
}
/** The blocks the stub editor can show, as HTML for Tiptap; the others as paragraphs of their text. */
function documentHtml(body: BodyDocument): string {
  return body.blocks
    .map((block) => {
      if (block.type === 'paragraph') return `<p>${runsHtml(block.content)}</p>`;
      if (block.type === 'heading') return `<h${block.level}>${runsHtml(block.content)}</h${block.level}>`;
      if (block.type === 'list') {
        const tag = block.ordered ? 'ol' : 'ul';
        return `<${tag}>${block.items.map((item) => `<li>${runsHtml(item.content)}</li>`).join('')}</${tag}>`;
      }
      if (block.type === 'quote') return `<blockquote>${block.paragraphs.map((p) => `<p>${runsHtml(p)}</p>`).join('')}</blockquote>`;
      const text = blockPlainText(block).trim();
      return text ? `<p>${escape(text).replace(/\n/g, '<br>')}</p>` : '';
    })
    .join('');
}
const documentJson = (html: string) => JSON.stringify({ version: bodyFormatVersion, blocks: htmlToBlocks(html) });

function Tool({ label, active, onClick, disabled }: { label: string; active?: boolean; onClick: () => void; disabled?: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-pressed={active === undefined ? undefined : active}
      className={`rounded border px-2 py-1 text-sm ${active ? 'border-ink bg-ink text-white' : 'border-gray-500 bg-white text-ink'} disabled:opacity-50`}
    >
      {label}
    </button>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const setLink = () => {
    const previous = (editor.getAttributes('link').href as string | undefined) ?? 'https://';
    const url = window.prompt('Link address (https://…)', previous);
    if (url === null) return;
    if (url.trim() === '') chain().extendMarkRange('link').unsetLink().run();
    else chain().extendMarkRange('link').setLink({ href: url.trim() }).run();
  };
  return (
    <div role="toolbar" aria-label="Body formatting" className="flex flex-wrap gap-1 border-b border-gray-400 bg-gray-50 p-1">
      <Tool label="Bold" active={state.bold} onClick={() => chain().toggleBold().run()} />
      <Tool label="Italic" active={state.italic} onClick={() => chain().toggleItalic().run()} />
      <Tool label="Heading" active={state.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()} />
      <Tool label="Subheading" active={state.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()} />
      <Tool label="Bulleted list" active={state.bullet} onClick={() => chain().toggleBulletList().run()} />
      <Tool label="Numbered list" active={state.ordered} onClick={() => chain().toggleOrderedList().run()} />
      <Tool label="Quote" active={state.quote} onClick={() => chain().toggleBlockquote().run()} />
      <Tool label="Link" active={state.link} onClick={setLink} />
      <Tool label="Undo" onClick={() => chain().undo().run()} disabled={!state.canUndo} />
      <Tool label="Redo" onClick={() => chain().redo().run()} disabled={!state.canRedo} />
    </div>
  );
}

export function BodyEditor({ name, initialBody, labelId, describedBy }: { name: string; initialBody: BodyDocument; labelId: string; describedBy?: string }) {
  const [initialHtml] = useState(() => documentHtml(initialBody));
  const [json, setJson] = useState(() => JSON.stringify(initialBody));
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'], defaultProtocol: 'https' },
      }),
    ],
    content: initialHtml,
    // Rendered on the server without the editor; it mounts in the browser.
    immediatelyRender: false,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        'data-testid': 'body-editor',
        class: 'prose max-w-none min-h-64 p-3 focus:outline-none',
      },
    },
    onUpdate: ({ editor: current }) => setJson(documentJson(current.getHTML())),
  });
  return (
    <div className="rounded border border-gray-500 focus-within:ring-2 focus-within:ring-blue-700">
      {editor ? <Toolbar editor={editor} /> : <p className="p-2 text-sm text-gray-700">Loading the editor…</p>}
      <EditorContent editor={editor} />
      {/* Without script the body is sent back unchanged. */}
      <input type="hidden" name={name} value={json} />
    </div>
  );
}
