// @ts-check
// Run by `npm install` (postinstall): the one edit Lede makes to an installed Next, why in
// scripts/install/next-cache-size.mjs. It never fails the install: a Next whose files changed shape
// is reported, and Lede runs on it unpatched (slower by a measurement per cache write).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PATCHED_MARK, patchCacheSize } from './install/next-cache-size.mjs';

const nextDist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'next', 'dist');
// The runtime a production page render uses (Turbopack builds), whose edit must land.
const required = path.join('compiled', 'next-server', 'app-page-turbo.runtime.prod.js');

function candidates() {
  const runtimes = path.join(nextDist, 'compiled', 'next-server');
  return [
    ...fs.readdirSync(runtimes).filter((name) => name.endsWith('.js')).map((name) => path.join('compiled', 'next-server', name)),
    path.join('server', 'lib', 'incremental-cache', 'index.js'),
    path.join('esm', 'server', 'lib', 'incremental-cache', 'index.js'),
  ];
}

function patchInstalledNext() {
  let changedFiles = 0;
  let requiredDone = false;
  for (const file of candidates()) {
    const full = path.join(nextDist, file);
    if (!fs.existsSync(full)) continue;
    const before = fs.readFileSync(full, 'utf8');
    const { text, changed } = patchCacheSize(before);
    if (changed > 0) {
      fs.writeFileSync(full, text);
      changedFiles += 1;
    }
    if (file === required && PATCHED_MARK.test(text)) requiredDone = true;
  }
  if (requiredDone) {
    console.log(`[patch-next] the cache-size measurement is conditional (${changedFiles} file(s) changed now)`);
  } else {
    console.warn(`[patch-next] WARNING: ${required} does not have the expected shape; Next runs unpatched (docs/decisions/0034-next-cache-size-patch.md)`);
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
