'use client';
// Counts one view of the article, first-party (docs/decisions/0022-audience-counts.md): one POST to
// the beacon path with the article's id and nothing else. No cookie, no storage, no third party; the
// page itself stays cached (the beacon is answered by scripts/serve.mjs, uncached). Renders nothing.
import { useEffect } from 'react';

export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    const url = `/api/views?article=${articleId}`;
    // sendBeacon survives the reader leaving the page; fetch keepalive where it is missing or refused.
    if (typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url)) return;
    void fetch(url, { method: 'POST', keepalive: true, credentials: 'omit' }).catch(() => {});
  }, [articleId]);
  return null;
}
