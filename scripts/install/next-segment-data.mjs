// @ts-check
// When Next renders a page for its cache (an ISR miss: every article the first time it is asked
// for), it then reads the page's whole RSC payload back and writes it out again cut into one small
// payload per route segment (`collectSegmentData`), for the client router's segment prefetches: a
// Link that prefetches asks for the segments it lacks. Lede's public links never prefetch
// (components/site/PageLink.tsx, decision 0025: most readers never follow them), so those segment
// payloads are never asked for, and making them cost about a tenth of every uncached render
// (docs/decisions/0036-no-segment-prefetch-data.md). This edit drops that step from the legacy
// prerender path, the one Lede's pages take (no cacheComponents). A segment prefetch that still
// comes finds no segment data, and Next answers it as any RSC request for the page: with the page's
// full payload.
//
// Found by its shape in each minified production runtime, idempotent; see next-cache-size.mjs for
// why this is not patch-package.

/** `r.flightData=f,await s1(f,o,y,h,t.pagePath,r)`: store the payload, then cut it into segments. */
const MINIFIED = /(\w+)\.flightData=(\w+),await \w+\(\2,\w+,\w+,\w+,\w+\.pagePath,\1\)/g;
/** What a patched runtime holds instead. */
export const SEGMENT_PATCHED_MARK = /\/\*lede:no-segment-data\*\//;

/**
 * Returns the text without the segment-data step after a legacy prerender, and how many it dropped.
 * @param {string} text
 * @returns {{ text: string, changed: number }}
 */
export function patchSegmentData(text) {
  let changed = 0;
  const next = text.replace(MINIFIED, (/** @type {string} */ _all, /** @type {string} */ metadata, /** @type {string} */ payload) => {
    changed += 1;
    return `${metadata}.flightData=${payload}/*lede:no-segment-data*/`;
  });
  return { text: next, changed };
}
