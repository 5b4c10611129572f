// Between benchmark runs the build is reused, but pages rendered by an earlier run stay cached in it
// (Next writes ISR pages and data-cache entries into the build folder). The miss figure needs
// articles never rendered before, so after a build we record which files it made, and before each
// run remove every file added since: the build is back to what `next build` left.
import fs from 'node:fs';
import path from 'node:path';

const listFile = (distPath: string) => path.join(distPath, 'lede-build-files.json');

function filesUnder(root: string): string[] {
  const files: string[] = [];
  const visit = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) visit(child);
      else files.push(child);
    }
  };
  visit('');
  return files;
}

export function recordBuildFiles(distPath: string): void {
  fs.writeFileSync(listFile(distPath), JSON.stringify(filesUnder(distPath)));
}

/** Removes files the running server added to the build folder; returns how many. */
export function forgetRenderedPages(distPath: string): number {
  let built: Set<string>;
  try {
    built = new Set(JSON.parse(fs.readFileSync(listFile(distPath), 'utf8')) as string[]);
  } catch {
    return 0;
  }
  built.add(path.basename(listFile(distPath)));
  let removed = 0;
  for (const file of filesUnder(distPath)) {
    if (!built.has(file)) {
      fs.rmSync(path.join(distPath, file), { force: true });
      removed++;
    }
  }
  return removed;
}
