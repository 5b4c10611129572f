// The files an import reads: each path named is read as it is; folders are walked recursively (sorted,
// one folder at a time, so a huge archive never sits in memory) and give their *.txt files, skipping
// hidden entries.
import fs from 'node:fs';
import path from 'node:path';

export async function* legacyFiles(paths: readonly string[]): AsyncGenerator<string> {
  for (const given of paths) {
    const stat = await fs.promises.stat(given);
    if (stat.isDirectory()) yield* walk(given);
    else yield given;
  }
}

async function* walk(folder: string): AsyncGenerator<string> {
  const entries = (await fs.promises.readdir(folder, { withFileTypes: true }))
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile() && /\.txt$/i.test(entry.name)) yield full;
  }
}

/** Counts the files an import would read (for the progress bar's total), without keeping them. */
export async function countLegacyFiles(paths: readonly string[]): Promise<number> {
  let count = 0;
  for await (const _file of legacyFiles(paths)) count += 1;
  return count;
}
