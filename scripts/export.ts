// npm run export -- --out FILE.ndjson: all content (sections, tags, media records, articles with their
// tags and old slugs, related links, corrections) as NDJSON, a record a line, written as it is read,
// that `npm run import` reads back (docs/legacy-format.md). Media files are not inside: copy MEDIA_ROOT
// alongside.
import path from 'node:path';
import { z } from 'zod';

function readOut(argv: string[]): unknown {
  const raw: Record<string, string> = {};
  for (let index = 0; index < argv.length; index += 1) {
    const match = /^--out(?:=(.*))?$/.exec(argv[index]!);
    if (!match) return null;
    raw.out = match[1] ?? argv[(index += 1)] ?? '';
  }
  return raw;
}

// The import takes a file for an export by its name: it must end in .ndjson.
const args = z.object({ out: z.string().regex(/\.ndjson$/i) }).safeParse(readOut(process.argv.slice(2)));
if (!args.success) {
  console.error('usage: npm run export -- --out FILE.ndjson');
  process.exit(2);
}

const { db } = await import('@/lib/db/client');
const { exportContent } = await import('@/lib/transfer/export');
const file = path.resolve(args.data.out);
const started = Date.now();
const counts = await exportContent(file);
console.log(`Wrote ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.entries(counts).map(([name, count]) => `${count} ${name}`).join(', ')}.`);
await db.$disconnect();
