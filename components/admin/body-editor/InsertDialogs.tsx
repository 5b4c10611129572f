'use client';
// The body editor's insert dialogs: a picture (from the library, or uploaded in place with its alt
// text), a video (from the library, or uploaded in place with its poster), an embed by its address, a
// table of n columns, an article card.
// Native <dialog> (modal, Escape closes, focus returns to the editor). Each gives back the node to
// insert; the editor inserts it where the cursor was.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { blockToEditor, isAllowedHref, type EditorNode } from '@/lib/articles/body/editor-doc';
import { parseEmbedUrl } from '@/lib/articles/body/embeds';
import { maxTableColumns, maxTableRows } from '@/lib/articles/body/limits';

export type DialogKind = 'picture' | 'video' | 'embed' | 'table' | 'articleCard';
/** What a dialog inserts: a block, or (an address no provider embeds) a link in the text. */
export type Insertion = { node: EditorNode; message: string };

/**
 * Uploads a picture or a video (with its poster) in place, through the media library's streamed
 * upload, whose server rules apply: the new media's id, or the message to show.
 */
async function uploadMedia(fields: { file: File; poster?: File; alt: string; caption: string; credit: string }): Promise<{ id: number } | { error: string }> {
  try {
    const form = new FormData();
    form.set('file', fields.file);
    if (fields.poster) form.set('poster', fields.poster);
    form.set('alt', fields.alt.trim());
    form.set('caption', fields.caption.trim());
    form.set('credit', fields.credit.trim());
    const response = await fetch('/api/admin/media', { method: 'POST', body: form, headers: { Accept: 'application/json' } });
    const body = (await response.json().catch(() => ({}))) as { id?: number; error?: string };
    if (!response.ok || !body.id) return { error: body.error ?? `The upload failed (${response.status}).` };
    return { id: body.id };
  } catch {
    return { error: 'The upload failed: the connection dropped. Try again.' };
  }
}

const button = 'rounded border border-gray-700 bg-white px-3 py-1 text-sm';
const primary = 'rounded bg-accent px-3 py-1 text-sm font-semibold text-white disabled:opacity-60';
const input = 'mt-0.5 block w-full rounded border border-gray-500 px-2 py-1';

function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  // In a portal: the dialog's forms must not sit inside the article form (forms do not nest).
  return createPortal(
    <dialog ref={ref} aria-labelledby={id} onClose={onClose} onCancel={onClose} className="m-auto w-[min(44rem,95vw)] rounded border border-gray-500 p-0 backdrop:bg-black/40">
      <div className="flex items-center justify-between border-b border-gray-300 p-3">
        <h2 id={id} className="font-serif text-lg font-bold">{title}</h2>
        <button type="button" className={button} onClick={onClose}>Close</button>
      </div>
      <div className="max-h-[75vh] overflow-y-auto p-3">{children}</div>
    </dialog>,
    document.body,
  );
}

function Field({ label, hint, error, children }: { label: string; hint?: string; error?: string; children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="text-sm">
      <label htmlFor={id} className="block font-semibold">{label}</label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint ? <p id={`${id}-hint`} className="text-xs text-gray-700">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="font-semibold text-red-800">{error}</p> : null}
    </div>
  );
}

type LibraryItem = { id: number; kind: 'image' | 'video'; alt: string; caption: string; credit: string; thumbUrl: string | null };

function useLibrary(kind: 'image' | 'video') {
  const [page, setPage] = useState(1);
  const [state, setState] = useState<{ items: LibraryItem[]; pageCount: number; error: string } | null>(null);
  useEffect(() => {
    let live = true;
    fetch(`/api/admin/media?kind=${kind}&page=${page}`, { headers: { Accept: 'application/json' } })
      .then(async (response) => {
        const body = (await response.json()) as { items?: LibraryItem[]; pageCount?: number; error?: string };
        if (live) setState(response.ok ? { items: body.items ?? [], pageCount: body.pageCount ?? 1, error: '' } : { items: [], pageCount: 1, error: body.error ?? 'The library did not answer.' });
      })
      .catch(() => live && setState({ items: [], pageCount: 1, error: 'The library did not answer. Try again.' }));
    return () => {
      live = false;
    };
  }, [kind, page]);
  return { page, setPage, state };
}

function LibraryGrid({ kind, chosen, onChoose }: { kind: 'image' | 'video'; chosen: number | null; onChoose: (item: LibraryItem) => void }) {
  const { page, setPage, state } = useLibrary(kind);
  const noun = kind === 'image' ? 'picture' : 'video';
  if (!state) return <p role="status" className="text-sm">Loading the library…</p>;
  if (state.error) return <p role="alert" className="text-sm text-red-800">{state.error}</p>;
  if (!state.items.length) return <p className="text-sm">The library has no {noun}s yet.</p>;
  return (
    <div>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-label={`${noun}s in the library`}>
        {state.items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              onClick={() => onChoose(item)}
              aria-pressed={chosen === item.id}
              className={`w-full rounded border-2 p-1 text-left text-xs ${chosen === item.id ? 'border-blue-700 bg-blue-50' : 'border-gray-300'}`}
            >
              {item.thumbUrl ? (
                // eslint-disable-next-line @next/next/no-img-element
                <img src={item.thumbUrl} alt="" className="h-20 w-full rounded object-cover" />
              ) : null}
              <span className="mt-1 block truncate">#{item.id} {item.alt || item.caption || `(no ${kind === 'image' ? 'alt text' : 'caption'})`}</span>
            </button>
          </li>
        ))}
      </ul>
      {state.pageCount > 1 ? (
        <div className="mt-2 flex gap-2 text-sm">
          <button type="button" className={button} disabled={page <= 1} onClick={() => setPage(page - 1)}>Newer</button>
          <span>Page {page} of {state.pageCount}</span>
          <button type="button" className={button} disabled={page >= state.pageCount} onClick={() => setPage(page + 1)}>Older</button>
        </div>
      ) : null}
    </div>
  );
}

const altRequired = 'Alt text is required: describe the picture for readers who cannot see it.';

function PictureDialog({ onInsert, onClose }: { onInsert: (insertion: Insertion) => void; onClose: () => void }) {
  const [chosen, setChosen] = useState<LibraryItem | null>(null);
  const [words, setWords] = useState({ alt: '', caption: '', credit: '' });
  const [error, setError] = useState('');
  const [uploading, setUploading] = useState(false);
  const choose = (item: LibraryItem) => {
    setChosen(item);
    setWords({ alt: item.alt, caption: item.caption, credit: item.credit });
    setError('');
  };
  const insert = (mediaId: number) =>
    onInsert({ node: blockToEditor({ type: 'picture', mediaId, alt: words.alt.trim(), caption: words.caption.trim(), credit: words.credit.trim() }), message: `Picture #${mediaId} inserted.` });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    if (!words.alt.trim()) return setError(altRequired);
    const file = (event.currentTarget.elements.namedItem('picture-file') as HTMLInputElement | null)?.files?.[0];
    if (!file && !chosen) return setError('Choose a picture from the library, or a file to upload.');
    if (!file && chosen) return insert(chosen.id);
    setUploading(true);
    setError('');
    const uploaded = await uploadMedia({ file: file!, ...words });
    setUploading(false);
    if ('error' in uploaded) return setError(uploaded.error);
    insert(uploaded.id);
  };

  return (
    <Modal title="Insert a picture" onClose={onClose}>
      {/* A form of its own inside the dialog: it must not submit the article form around the editor. */}
      <form onSubmit={submit} className="space-y-3" noValidate>
        <h3 className="font-semibold">From the library</h3>
        <LibraryGrid kind="image" chosen={chosen?.id ?? null} onChoose={choose} />
        <h3 className="font-semibold">Or upload a new one</h3>
        <Field label="Picture file" hint="JPEG, PNG, WebP or AVIF. It joins the library.">
          {(props) => <input {...props} name="picture-file" type="file" accept="image/jpeg,image/png,image/webp,image/avif" className="block text-sm" onChange={() => setChosen(null)} />}
        </Field>
        <Field label="Alt text (required)" hint="What the picture shows, for readers who cannot see it." error={error === altRequired ? error : undefined}>
          {(props) => <input {...props} value={words.alt} onChange={(event) => setWords({ ...words, alt: event.target.value })} maxLength={500} required className={input} />}
        </Field>
        <Field label="Caption">{(props) => <input {...props} value={words.caption} onChange={(event) => setWords({ ...words, caption: event.target.value })} maxLength={1000} className={input} />}</Field>
        <Field label="Credit">{(props) => <input {...props} value={words.credit} onChange={(event) => setWords({ ...words, credit: event.target.value })} maxLength={200} className={input} />}</Field>
        {error && error !== altRequired ? <p role="alert" className="text-sm font-semibold text-red-800">{error}</p> : null}
        {error === altRequired ? <p role="alert" className="sr-only">{error}</p> : null}
        <button type="submit" className={primary} disabled={uploading}>{uploading ? 'Uploading…' : 'Insert picture'}</button>
      </form>
    </Modal>
  );
}

const posterRequired = 'A video needs a poster picture (shown before it plays): choose one.';
const videoAltRequired = 'Describe the video for readers who cannot see it (alt text): its poster gets it too.';

// Like the picture's: from the library, or uploaded in place through the same streamed upload as the
// media library's (POST /api/admin/media: the video and its poster in one request, decision 0011),
// which checks the same rules on the server (a poster image, a description).
function VideoDialog({ onInsert, onClose }: { onInsert: (insertion: Insertion) => void; onClose: () => void }) {
  const [chosen, setChosen] = useState<LibraryItem | null>(null);
  const [words, setWords] = useState({ alt: '', caption: '', credit: '' });
  const [error, setError] = useState('');
  const [uploading, setUploading] = useState(false);
  const insert = (mediaId: number) =>
    onInsert({ node: blockToEditor({ type: 'video', mediaId, caption: words.caption.trim(), credit: words.credit.trim() }), message: `Video #${mediaId} inserted.` });
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const elements = event.currentTarget.elements;
    const file = (elements.namedItem('video-file') as HTMLInputElement | null)?.files?.[0];
    const poster = (elements.namedItem('video-poster') as HTMLInputElement | null)?.files?.[0];
    if (!file && !chosen) return setError('Choose a video from the library, or a file to upload.');
    if (!file && chosen) return insert(chosen.id);
    if (!poster) return setError(posterRequired);
    if (!words.alt.trim()) return setError(videoAltRequired);
    setUploading(true);
    setError('');
    const uploaded = await uploadMedia({ file: file!, poster, ...words });
    setUploading(false);
    if ('error' in uploaded) return setError(uploaded.error);
    insert(uploaded.id);
  };
  return (
    <Modal title="Insert a video" onClose={onClose}>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <h3 className="font-semibold">From the library</h3>
        <LibraryGrid kind="video" chosen={chosen?.id ?? null} onChoose={(item) => { setChosen(item); setWords({ alt: item.alt, caption: item.caption, credit: item.credit }); setError(''); }} />
        <h3 className="font-semibold">Or upload a new one</h3>
        <Field label="Video file" hint="MP4 or WebM. It joins the library with its poster.">
          {(props) => <input {...props} name="video-file" type="file" accept="video/mp4,video/webm" className="block text-sm" onChange={() => setChosen(null)} />}
        </Field>
        <Field label="Poster picture (required for an upload)" hint="JPEG, PNG, WebP or AVIF, shown before the video plays." error={error === posterRequired ? error : undefined}>
          {(props) => <input {...props} name="video-poster" type="file" accept="image/jpeg,image/png,image/webp,image/avif" className="block text-sm" />}
        </Field>
        <Field label="Alt text (required for an upload)" hint="What the video shows, for readers who cannot see it." error={error === videoAltRequired ? error : undefined}>
          {(props) => <input {...props} value={words.alt} onChange={(event) => setWords({ ...words, alt: event.target.value })} maxLength={500} className={input} />}
        </Field>
        <Field label="Caption">{(props) => <input {...props} value={words.caption} onChange={(event) => setWords({ ...words, caption: event.target.value })} maxLength={1000} className={input} />}</Field>
        <Field label="Credit">{(props) => <input {...props} value={words.credit} onChange={(event) => setWords({ ...words, credit: event.target.value })} maxLength={200} className={input} />}</Field>
        {error && error !== posterRequired && error !== videoAltRequired ? <p role="alert" className="text-sm font-semibold text-red-800">{error}</p> : null}
        {error === posterRequired || error === videoAltRequired ? <p role="alert" className="sr-only">{error}</p> : null}
        <button type="submit" className={primary} disabled={uploading}>{uploading ? 'Uploading…' : 'Insert video'}</button>
      </form>
    </Modal>
  );
}

/** An address pasted into the embed dialog: a provider's becomes an embed, any other web address a link. */
export function embedOrLink(address: string): Insertion | { error: string } {
  const url = address.trim();
  const parsed = parseEmbedUrl(url);
  if (parsed) return { node: blockToEditor({ type: 'embed', provider: parsed.provider, url: parsed.url, caption: '' }), message: `Embed inserted (${parsed.provider}).` };
  if (/^https?:\/\//i.test(url) && isAllowedHref(url)) {
    return { node: { type: 'paragraph', content: [{ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] }] }, message: 'No embed provider knows that address: it was inserted as a link.' };
  }
  return { error: 'Paste a web address that starts with https://.' };
}

function EmbedDialog({ onInsert, onClose }: { onInsert: (insertion: Insertion) => void; onClose: () => void }) {
  const [address, setAddress] = useState('');
  const [error, setError] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const result = embedOrLink(address);
    if ('error' in result) setError(result.error);
    else onInsert(result);
  };
  return (
    <Modal title="Embed from another site" onClose={onClose}>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <Field label="Address of the post, video or chart" hint="YouTube, Vimeo, X, Instagram, TikTok, SoundCloud, Spotify, Datawrapper or Flourish. Any other address becomes a link." error={error || undefined}>
          {(props) => <input {...props} type="url" value={address} onChange={(event) => setAddress(event.target.value)} placeholder="https://" className={input} />}
        </Field>
        <button type="submit" className={primary}>Insert embed</button>
      </form>
    </Modal>
  );
}

function TableDialog({ onInsert, onClose }: { onInsert: (insertion: Insertion) => void; onClose: () => void }) {
  const [columns, setColumns] = useState('3');
  const [rows, setRows] = useState('2');
  const [error, setError] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const width = Number(columns);
    const height = Number(rows);
    if (!Number.isInteger(width) || width < 1 || width > maxTableColumns) return setError(`A table has 1 to ${maxTableColumns} columns.`);
    if (!Number.isInteger(height) || height < 0 || height > maxTableRows) return setError(`A table has 0 to ${maxTableRows} rows below its header.`);
    const blank = () => Array<string>(width).fill('');
    onInsert({ node: blockToEditor({ type: 'table', caption: '', header: blank(), rows: Array.from({ length: height }, blank) }), message: `Table of ${width} columns inserted.` });
  };
  return (
    <Modal title="Insert a table" onClose={onClose}>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <Field label="Columns">{(props) => <input {...props} type="number" min={1} max={maxTableColumns} value={columns} onChange={(event) => setColumns(event.target.value)} className={input} />}</Field>
        <Field label="Rows below the header">{(props) => <input {...props} type="number" min={0} max={maxTableRows} value={rows} onChange={(event) => setRows(event.target.value)} className={input} />}</Field>
        {error ? <p role="alert" className="text-sm font-semibold text-red-800">{error}</p> : null}
        <button type="submit" className={primary}>Insert table</button>
      </form>
    </Modal>
  );
}

type Found = { id: number; headline: string; status: string; section: string };

function ArticleCardDialog({ articleId, onInsert, onClose }: { articleId: number | null; onInsert: (insertion: Insertion) => void; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Found[] | null>(null);
  const [error, setError] = useState('');
  const search = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    setError('');
    const params = new URLSearchParams({ q: query, exclude: String(articleId ?? 0) });
    try {
      const response = await fetch(`/api/admin/articles/find?${params}`, { headers: { Accept: 'application/json' } });
      const body = (await response.json()) as { results?: Found[]; error?: string };
      if (!response.ok) return setError(body.error ?? 'The search did not answer.');
      setResults(body.results ?? []);
    } catch {
      setError('The search did not answer. Try again.');
    }
  };
  return (
    <Modal title="Insert a card for another article" onClose={onClose}>
      <form onSubmit={search} role="search" className="flex items-end gap-2" noValidate>
        <div className="grow">
          <Field label="Words of the headline, or an id" error={error || undefined}>
            {(props) => <input {...props} type="search" value={query} onChange={(event) => setQuery(event.target.value)} className={input} />}
          </Field>
        </div>
        <button type="submit" className={button}>Find</button>
      </form>
      {results === null ? null : results.length ? (
        <ul className="mt-3 space-y-1 text-sm" aria-label="Articles found">
          {results.map((result) => (
            <li key={result.id} className="flex items-center justify-between gap-2">
              <span>{result.headline} <span className="text-gray-700">({result.section}, {result.status})</span></span>
              <button
                type="button"
                className={button}
                aria-label={`Insert card: ${result.headline}`}
                onClick={() => onInsert({ node: { type: 'articleCard', attrs: { articleId: result.id, headline: result.headline } }, message: `Card for “${result.headline}” inserted.` })}
              >
                Insert
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p role="status" className="mt-3 text-sm">No article matches.</p>
      )}
    </Modal>
  );
}

export function InsertDialog({ kind, articleId, onInsert, onClose }: { kind: DialogKind; articleId: number | null; onInsert: (insertion: Insertion) => void; onClose: () => void }) {
  switch (kind) {
    case 'picture':
      return <PictureDialog onInsert={onInsert} onClose={onClose} />;
    case 'video':
      return <VideoDialog onInsert={onInsert} onClose={onClose} />;
    case 'embed':
      return <EmbedDialog onInsert={onInsert} onClose={onClose} />;
    case 'table':
      return <TableDialog onInsert={onInsert} onClose={onClose} />;
    case 'articleCard':
      return <ArticleCardDialog articleId={articleId} onInsert={onInsert} onClose={onClose} />;
  }
}
