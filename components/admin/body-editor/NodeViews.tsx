'use client';
// How the body editor shows its atoms (a picture, a video, an embed, an article card): what they hold,
// and fields for their words (alt text, caption, credit) edited in place. The words are the block's;
// the media's own alt and caption are only where the dialog starts from.
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { embedProviderName, type EmbedProvider } from '@/lib/articles/body/embeds';

type MediaPreview = { id: number; kind: 'image' | 'video'; alt: string; thumbUrl: string | null };

// One request per media item for the life of the page: a body may show the same picture twice.
const mediaCache = new Map<number, Promise<MediaPreview | null>>();
function fetchMedia(id: number): Promise<MediaPreview | null> {
  let pending = mediaCache.get(id);
  if (!pending) {
    pending = fetch(`/api/admin/media/${id}`, { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<MediaPreview>) : null))
      .catch(() => null);
    mediaCache.set(id, pending);
  }
  return pending;
}

export function useMediaPreview(id: unknown): MediaPreview | null | undefined {
  const [media, setMedia] = useState<MediaPreview | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    if (typeof id === 'number' && id > 0) void fetchMedia(id).then((found) => live && setMedia(found));
    return () => {
      live = false;
    };
  }, [id]);
  return media;
}

const field = 'mt-0.5 block w-full rounded border border-gray-500 px-2 py-1 text-sm font-normal';

function TextField({ label, value, onChange, required, invalidMessage }: { label: string; value: string; onChange: (value: string) => void; required?: boolean; invalidMessage?: string }) {
  const id = useId();
  const invalid = required && !value.trim();
  return (
    <div className="text-xs font-semibold">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className={field}
      />
      {invalid ? <p id={`${id}-error`} className="mt-0.5 text-red-800">{invalidMessage}</p> : null}
    </div>
  );
}

function Frame({ label, testId, selected, children }: { label: string; testId: string; selected: boolean; children: ReactNode }) {
  return (
    <NodeViewWrapper
      as="figure"
      data-testid={testId}
      contentEditable={false}
      className={`my-3 rounded border-2 bg-gray-50 p-2 not-prose ${selected ? 'border-blue-700' : 'border-gray-300'}`}
    >
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-gray-800">{label}</p>
      {children}
    </NodeViewWrapper>
  );
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

export function PictureView({ node, updateAttributes, selected }: ReactNodeViewProps) {
  const media = useMediaPreview(node.attrs.mediaId);
  return (
    <Frame label={`Picture #${node.attrs.mediaId ?? '?'}`} testId="block-picture" selected={selected}>
      <div className="grid gap-2 sm:grid-cols-[10rem_1fr]">
        {media?.thumbUrl ? (
          // The alt text is the field beside it; the preview itself says nothing more.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={media.thumbUrl} alt="" className="max-h-32 w-40 rounded object-cover" />
        ) : (
          <p className="text-xs text-gray-700">{media === null ? 'This picture is no longer in the library.' : 'Loading the picture…'}</p>
        )}
        <div className="space-y-1">
          <TextField label="Alt text (required)" value={str(node.attrs.alt)} onChange={(alt) => updateAttributes({ alt })} required invalidMessage="Describe the picture for readers who cannot see it." />
          <TextField label="Caption" value={str(node.attrs.caption)} onChange={(caption) => updateAttributes({ caption })} />
          <TextField label="Credit" value={str(node.attrs.credit)} onChange={(credit) => updateAttributes({ credit })} />
        </div>
      </div>
    </Frame>
  );
}

export function VideoView({ node, updateAttributes, selected }: ReactNodeViewProps) {
  const media = useMediaPreview(node.attrs.mediaId);
  return (
    <Frame label={`Video #${node.attrs.mediaId ?? '?'}`} testId="block-video" selected={selected}>
      <div className="grid gap-2 sm:grid-cols-[10rem_1fr]">
        {media?.thumbUrl ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={media.thumbUrl} alt="" className="max-h-32 w-40 rounded object-cover" />
        ) : (
          <p className="text-xs text-gray-700">{media === null ? 'This video is no longer in the library.' : 'Loading the poster…'}</p>
        )}
        <div className="space-y-1">
          <TextField label="Caption" value={str(node.attrs.caption)} onChange={(caption) => updateAttributes({ caption })} />
          <TextField label="Credit" value={str(node.attrs.credit)} onChange={(credit) => updateAttributes({ credit })} />
        </div>
      </div>
    </Frame>
  );
}

export function EmbedView({ node, updateAttributes, selected }: ReactNodeViewProps) {
  const provider = str(node.attrs.provider);
  let name = provider;
  try {
    name = embedProviderName(provider as EmbedProvider) ?? provider;
  } catch {
    // An unknown provider shows as it is; the server refuses it.
  }
  return (
    <Frame label={`${name} embed`} testId="block-embed" selected={selected}>
      <p className="mb-1 break-all text-sm">
        <a href={str(node.attrs.url)} target="_blank" rel="noopener noreferrer" className="text-blue-800 underline">{str(node.attrs.url)}</a>
      </p>
      <TextField label="Caption" value={str(node.attrs.caption)} onChange={(caption) => updateAttributes({ caption })} />
    </Frame>
  );
}

export function ArticleCardView({ node, selected }: ReactNodeViewProps) {
  const id = node.attrs.articleId as number | null;
  // The dialog gives the headline it found; a card loaded from the stored body asks for it (not stored:
  // the article's headline may change, and the card shows the current one).
  const given = str(node.attrs.headline);
  const [fetched, setFetched] = useState('');
  useEffect(() => {
    if (given || !id) return;
    let live = true;
    void fetch(`/api/admin/articles/${id}`, { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<{ headline?: string }>) : null))
      .then((article) => live && setFetched(article?.headline ?? `Article #${id} (not found, or not yours to see)`))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id, given]);
  return (
    <Frame label={`Article card #${id ?? '?'}`} testId="block-articleCard" selected={selected}>
      <p className="font-serif text-lg font-bold">{given || fetched || 'Loading the headline…'}</p>
    </Frame>
  );
}
