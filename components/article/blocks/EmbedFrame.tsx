'use client';
// The one client island of a body: the embed's placeholder, and the button that turns it into its
// sandboxed frame. The button appears only once this runs (a reader without JavaScript keeps the
// plain link), and nothing is requested from the provider before the click. Its props are only the
// stored provider and URL (and the caption, for the frame's title): the provider's name, the frame's
// address, sandbox and allow list are derived here from zod-free tables, so the page's RSC payload
// does not carry them next to the HTML that already does (docs/decisions/0023-render-path.md). It
// renders the whole <figure> with its caption too, so the payload holds the caption once (as a prop)
// and no element tree around the island; texts are single strings, so the streamed HTML has no
// `<!-- -->` between their parts.
import { useEffect, useState } from 'react';
import { embedProviderName, parseProviderUrl, type EmbedProvider } from '@/lib/articles/body/embeds';
import { embedFramePolicy } from '@/components/article/blocks/embed-policy';

type Props = {
  provider: EmbedProvider;
  /** The post's reader-facing URL as stored (EmbedBlock renders nothing unless it is the provider's). */
  url: string;
  caption: string;
};

export function EmbedFrame({ provider, url, caption }: Props) {
  const [interactive, setInteractive] = useState(false);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => setInteractive(true), []);
  const parsed = parseProviderUrl(provider, url);
  if (!parsed) return null;
  const name = embedProviderName(provider);
  return (
    <figure data-embed={provider}>
      {loaded ? <Frame provider={provider} frameSrc={parsed.frameSrc} title={caption ? `${name}: ${caption}` : `${name} content`} /> : (
        <div className="not-prose flex flex-col items-start gap-2 border border-rule p-4" data-testid="embed-placeholder">
          <p className="font-bold">{`${name} content`}</p>
          <p className="text-sm text-muted">{`Loading it connects you to ${name}.`}</p>
          <a href={parsed.url} rel="noopener noreferrer">
            {`View on ${name}`}
          </a>
          {interactive ? (
            <button type="button" onClick={() => setLoaded(true)} className="rounded bg-ink px-3 py-1 text-paper">
              {`Load ${name} content`}
            </button>
          ) : null}
        </div>
      )}
      {caption ? <figcaption dir="auto">{caption}</figcaption> : null}
    </figure>
  );
}

/** The sandboxed frame, once the reader asked for it. */
function Frame({ provider, frameSrc, title }: { provider: EmbedProvider; frameSrc: string; title: string }) {
  const { sandbox, allow, height } = embedFramePolicy(provider);
  return (
    <iframe
      src={frameSrc}
      title={title}
      sandbox={sandbox}
      allow={allow || undefined}
      referrerPolicy="strict-origin-when-cross-origin"
      loading="eager"
      className={height === null ? 'aspect-video h-auto w-full border-0' : 'w-full border-0'}
      style={height === null ? undefined : { height }}
    />
  );
}
