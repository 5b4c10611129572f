// @ts-check
// Next's IncrementalCache.set measures every entry with `JSON.stringify(data).length` before it hands
// the entry to the cache handler, for a 2 MB limit that applies to fetch-cache entries only (and not
// at all with a custom handler, which Lede has). A page entry holds its HTML and its RSC payload as a
// Buffer, which JSON.stringify writes out as an array of numbers: about 1.2 ms of CPU and a 100 KB
// temporary string per uncached render of an article page, for a number nobody reads
// (docs/decisions/0034-next-cache-size-patch.md). This edit makes the measurement conditional on
// the limit applying; it changes nothing else.
//
// Not patch-package: Next ships its runtimes minified on one line of about 700 KB, so a line patch
// carries the whole line twice and breaks on any upstream byte. The edit below finds the statement by
// its shape in each file, is idempotent, and says which files it changed and which it could not.

/** The statement in the minified runtimes: `let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152`. */
const MINIFIED = /let (\w+)=JSON\.stringify\((\w+)\)\.length;if\((\w+)\.fetchCache&&\1>2097152/g;
/** The same in Next's unminified server files. */
const SOURCE = /const itemSize = JSON\.stringify\(data\)\.length;(\s*if \(ctx\.fetchCache && itemSize > 2 \* 1024 \* 1024)/g;
/** What a patched file contains instead (either form). */
export const PATCHED_MARK = /\.fetchCache\?JSON\.stringify\(\w+\)\.length:0|ctx\.fetchCache \? JSON\.stringify\(data\)\.length : 0/;

/**
 * Returns the text with the size measurement made conditional, and how many statements changed.
 * @param {string} text
 * @returns {{ text: string, changed: number }}
 */
export function patchCacheSize(text) {
  let changed = 0;
  const next = text
    .replace(MINIFIED, (/** @type {string} */ _all, /** @type {string} */ size, /** @type {string} */ data, /** @type {string} */ ctx) => {
      changed += 1;
      return `let ${size}=${ctx}.fetchCache?JSON.stringify(${data}).length:0;if(${ctx}.fetchCache&&${size}>2097152`;
    })
    .replace(SOURCE, (/** @type {string} */ _all, /** @type {string} */ rest) => {
      changed += 1;
      return `const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;${rest}`;
    });
  return { text: next, changed };
}
