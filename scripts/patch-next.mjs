// @ts-check
// Run by `npm install` (postinstall): the two edits Lede makes to an installed Next, why in
// scripts/install/next-cache-size.mjs and scripts/install/next-segment-data.mjs. It never fails the
// install: a Next whose files changed shape is reported, and Lede runs on it unpatched (slower).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PATCHED_MARK, patchCacheSize } from './install/next-cache-size.mjs';
import { SEGMENT_PATCHED_MARK, patchSegmentData } from './install/next-segment-data.mjs';

const nextDist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'next', 'dist');
// The runtime a production page render uses (Turbopack builds), whose edits must land.
const required = path.join('compiled', 'next-server', 'app-page-turbo.runtime.prod.js');

/** Each edit: which files it looks at, how it rewrites one, how to tell it landed, what it does. */
const edits = [
  {
    files: () => [
      ...runtimes(),
      path.join('server', 'lib', 'incremental-cache', 'index.js'),
      path.join('esm', 'server', 'lib', 'incremental-cache', 'index.js'),
    ],
    patch: patchCacheSize,
    mark: PATCHED_MARK,
    done: 'the cache-size measurement is conditional',
    decision: '0034-next-cache-size-patch.md',
  },
  {
    // Only the production runtimes: `next dev` keeps Next as it came.
    files: () => runtimes().filter((file) => file.endsWith('.runtime.prod.js')),
    patch: patchSegmentData,
    mark: SEGMENT_PATCHED_MARK,
    done: 'no segment prefetch data after a page render',
    decision: '0036-no-segment-prefetch-data.md',
  },
];

function runtimes() {
  const folder = path.join(nextDist, 'compiled', 'next-server');
  return fs.readdirSync(folder).filter((name) => name.endsWith('.js')).map((name) => path.join('compiled', 'next-server', name));
}

function patchInstalledNext() {
  for (const edit of edits) {
    let changedFiles = 0;
    let requiredDone = false;
    for (const file of edit.files()) {
      const full = path.join(nextDist, file);
      if (!fs.existsSync(full)) continue;
      const before = fs.readFileSync(full, 'utf8');
      const { text, changed } = edit.patch(before);
      if (changed > 0) {
        fs.writeFileSync(full, text);
        changedFiles += 1;
      }
      if (file === required && edit.mark.test(text)) requiredDone = true;
    }
    if (requiredDone) {
      console.log(`[patch-next] ${edit.done} (${changedFiles} file(s) changed now)`);
    } else {
      console.warn(`[patch-next] WARNING: ${required} does not have the expected shape; Next runs without this edit (docs/decisions/${edit.decision})`);
    }
  }
}

if (!fs.existsSync(nextDist)) {
  console.log('[patch-next] next is not installed: nothing to do');
} else {
  try {
    patchInstalledNext();
  } catch (error) {
    // A Next laid out otherwise (a folder gone, a file unreadable): reported, and the install goes on.
    console.warn(`[patch-next] WARNING: not applied (${error instanceof Error ? error.message : String(error)}); Next runs unpatched`);
  }
}
