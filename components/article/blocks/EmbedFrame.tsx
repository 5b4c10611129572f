'use client';
// The one client island of a body: a button that turns the embed's placeholder into its sandboxed
// frame. The button appears only once this runs (a reader without JavaScript keeps the plain link),
// and nothing is requested from the provider before the click.
import { useEffect, useState, type ReactNode } from 'react';

type Props = {
  providerName: string;
  frameSrc: string;
  title: string;
  sandbox: string;
  allow: string;
  /** Pixels, or null for a 16:9 frame. */
  height: number | null;
  /** The placeholder (name, notice, plain link), rendered on the server. */
  children: ReactNode;
};

export function EmbedFrame({ providerName, frameSrc, title, sandbox, allow, height, children }: Props) {
  const [interactive, setInteractive] = useState(false);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => setInteractive(true), []);
  if (loaded) {
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
  return (
    <div className="not-prose flex flex-col items-start gap-2 border border-rule p-4" data-testid="embed-placeholder">
      {children}
      {interactive ? (
        <button type="button" onClick={() => setLoaded(true)} className="rounded bg-ink px-3 py-1 text-paper">
          Load {providerName} content
        </button>
      ) : null}
    </div>
  );
}
