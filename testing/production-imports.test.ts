// The wall between the app and its tests: nothing the app runs (app/, components/, lib/ and the root
// files Next loads) imports a test helper (testing/) or the e2e harness (e2e/). Tests beside the
// code (*.test.ts) may. A helper in a production folder would be built, shipped and imported by
// mistake; one in testing/ cannot be, and this test says so when someone tries.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const productionFolders = ['app', 'components', 'lib'];
const productionFiles = ['proxy.ts', 'instrumentation.ts', 'next.config.js'];
const testOnly = ['testing', 'e2e'].map((folder) => path.join(root, folder) + path.sep);

const isTest = (file: string) => /\.test\.(ts|tsx|mts|mjs|js)$/.test(file);
const isSource = (file: string) => /\.(ts|tsx|mts|mjs|js|cjs)$/.test(file);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' || entry.name === 'node_modules' ? [] : sourceFiles(full);
    return isSource(entry.name) && !isTest(entry.name) ? [full] : [];
  });
}

/** Every module specifier a file names: static and dynamic imports, re-exports, require. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm)) found.push(match[2]!);
  return found;
}

/** The test-only folder a specifier of `file` points into, or null. */
function testOnlyTarget(file: string, specifier: string): string | null {
  const resolved = specifier.startsWith('@/')
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith('.')
      ? path.resolve(path.dirname(file), specifier)
      : null;
  if (!resolved) return null;
  return testOnly.find((folder) => (resolved + path.sep).startsWith(folder)) ?? null;
}

function offences(): string[] {
  const files = [...productionFolders.flatMap((folder) => sourceFiles(path.join(root, folder))), ...productionFiles.map((file) => path.join(root, file))];
  return files.flatMap((file) =>
    specifiers(fs.readFileSync(file, 'utf8'))
      .filter((specifier) => testOnlyTarget(file, specifier))
      .map((specifier) => `${path.relative(root, file)} imports ${specifier}`),
  );
}

describe('production code and test helpers', () => {
  it('no file of app/, components/, lib/ (tests aside) or the root imports testing/ or e2e/', () => {
    expect(offences()).toEqual([]);
  });

  it('the check sees every way of naming a helper', () => {
    const file = path.join(root, 'lib', 'articles', 'queries.ts');
    const source = [
      "import { makeArticle } from '@/testing/rows';",
      "export { sampleArticle } from '../../testing/seo-fixtures';",
      "const xsd = await import('@/testing/sitemap-xsd');",
      "import '@/e2e/support/environment';",
      "import { db } from '@/lib/db/client';",
      "import { z } from 'zod';",
    ].join('\n');
    const hits = specifiers(source).filter((specifier) => testOnlyTarget(file, specifier));
    expect(hits).toEqual(['@/testing/rows', '../../testing/seo-fixtures', '@/testing/sitemap-xsd', '@/e2e/support/environment']);
  });
});
