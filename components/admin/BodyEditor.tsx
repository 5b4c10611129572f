'use client';
// The body editor's place in the article form: a hidden `body` field holding the body as a
// BodyDocument's JSON (what the server parses with bodyDocumentSchema), and the editor itself, loaded
// only when the form is shown (its ~400 KB of ProseMirror stay out of every other page's script).
// Without script the hidden field sends the stored body back unchanged. docs/decisions/0005-body-editor.md.
import dynamic from 'next/dynamic';
import { useState } from 'react';

const RichEditor = dynamic(() => import('@/components/admin/body-editor/RichEditor'), {
  ssr: false,
  loading: () => <p className="rounded border border-gray-500 p-3 text-sm text-gray-700">Loading the editor…</p>,
});

type Props = {
  name: string;
  /** The form's value: a BodyDocument's JSON (or, for a body saved before blocks, its HTML). */
  initialValue: string;
  labelId: string;
  describedBy?: string;
  articleId: number | null;
};

export function BodyEditor({ name, initialValue, labelId, describedBy, articleId }: Props) {
  const [value, setValue] = useState(initialValue);
  return (
    <div>
      <RichEditor initialValue={initialValue} onChange={setValue} labelId={labelId} describedBy={describedBy} articleId={articleId} />
      <input type="hidden" name={name} value={value} />
    </div>
  );
}
