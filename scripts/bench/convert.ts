// The start-up converter of bodies stored as HTML (lib/articles/body/convert-stored.ts) at scale:
//   npx tsx scripts/bench/convert.ts --rows 50000 [--database sqlite|postgres]
// Makes a fresh database (data/bench/convert-N.db, or lede_bench_convert on 127.0.0.1), writes N
// articles the way the migration leaves an old Lede's (HTML waiting in "ArticleBodyHtml", by raw SQL, as
// lib/articles/body/migration.test.ts does: the demo stories' escaped paragraphs, one in ten with the
// old editor's headings, lists, quotes and links), then times, in this one process: the HTML → blocks
// work alone on a sample (the CPU floor), and the whole conversion (rows/s). Figures in
// docs/benchmarks.md ("Converting bodies stored as HTML").
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { z } from 'zod';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '50000' }, database: { type: 'string', default: 'sqlite' } } });
const rows = z.coerce.number().int().min(1).max(10_000_000).parse(values.rows);
const database = z.enum(['sqlite', 'postgres']).parse(values.database);
const projectRoot = path.resolve(import.meta.dirname, '..', '..');

if (database === 'postgres') {
  const server = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query('DROP DATABASE IF EXISTS lede_bench_convert');
  await client.query('CREATE DATABASE lede_bench_convert');
  await client.end();
  const url = new URL(server);
  url.pathname = '/lede_bench_convert';
  process.env.DATABASE_URL = url.toString();
} else {
  const file = path.join(projectRoot, 'data', 'bench', `convert-${rows}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  process.env.DATABASE_URL = `file:${file}`;
}

const { applyMigrations } = await import('@/lib/db/migrate');
const { db } = await import('@/lib/db/client');
const { parameters } = await import('@/lib/db/dialect');
const { sqliteDateTime } = await import('@/lib/articles/bulk');
const { bodyToText } = await import('@/lib/articles/body/html-text');
const { storedHtmlToDocument, convertStoredBodies } = await import('@/lib/articles/body/convert-stored');
const { bodyColumns } = await import('@/lib/articles/body/columns');
const { generateStory } = await import('@/lib/seed/prose');
const { seededRandom } = await import('@/lib/seed/random');

const say = (line: string) => console.log(`[convert-bench] ${line}`);
const load = () => os.loadavg().map((value) => value.toFixed(1)).join(' ');

await applyMigrations();
const sectionId = (await db.section.create({ data: { slug: 'convert-bench', name: 'Bench' } })).id;

// The old write path (lib/legacy/body.ts before blocks) and, one row in ten, the old body editor's HTML.
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);
function oldHtml(id: number): { headline: string; html: string } {
  const random = seededRandom(id);
  const story = generateStory('world', random, false);
  const paragraphs = story.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`);
  if (id % 10 === 0) {
    paragraphs.splice(1, 0, '<h2>Background</h2>', '<ul><li>Roads <strong>closed</strong></li><li>Schools shut</li></ul>');
    paragraphs.push('<blockquote><p>It was the worst in years, <a href="https://example.org/report">the report</a> said.</p></blockquote>');
  }
  return { headline: story.headline, html: paragraphs.join('\n') };
}

const stamp = sqliteDateTime(new Date('2020-05-01T10:00:00.000Z'));
const perInsert = 500;
let started = Date.now();
let htmlBytes = 0;
for (let done = 0; done < rows; done += perInsert) {
  const size = Math.min(perInsert, rows - done);
  const values: unknown[] = [];
  const tuples: string[] = [];
  const waitingValues: unknown[] = [];
  const waitingTuples: string[] = [];
  for (let n = 0; n < size; n += 1) {
    const id = done + n + 1;
    const { headline, html } = oldHtml(id);
    htmlBytes += html.length;
    tuples.push(`(${parameters(9, values.length + 1)})`);
    values.push(id, `old-${id}`, headline, bodyToText(html), 'published', sectionId, stamp, stamp, stamp);
    waitingTuples.push(`(${parameters(2, waitingValues.length + 1)})`);
    waitingValues.push(id, html);
  }
  await db.$executeRawUnsafe(
    `INSERT INTO "Article" ("id", "slug", "headline", "bodyText", "status", "sectionId", "publishedAt", "createdAt", "updatedAt") VALUES ${tuples.join(', ')}`,
    ...values,
  );
  await db.$executeRawUnsafe(`INSERT INTO "ArticleBodyHtml" ("articleId", "html") VALUES ${waitingTuples.join(', ')}`, ...waitingValues);
}
say(`${database}: wrote ${rows} HTML bodies (${Math.round(htmlBytes / rows)} characters on average) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// The CPU floor: HTML → blocks → text and words, no database, on a sample.
const sample = Math.min(rows, 5_000);
const htmlSample = Array.from({ length: sample }, (_, index) => oldHtml(index + 1).html);
for (const html of htmlSample.slice(0, 500)) bodyColumns(storedHtmlToDocument(html).document); // JIT warm-up
started = performance.now();
for (const html of htmlSample) bodyColumns(storedHtmlToDocument(html).document);
const cpuMs = performance.now() - started;
const cpuRate = Math.round(sample / (cpuMs / 1000));
say(`HTML → blocks alone: ${cpuRate} rows/s on ${sample} rows (load average ${load()})`);

started = performance.now();
const result = await convertStoredBodies({ log: say });
const seconds = (performance.now() - started) / 1000;
const rate = Math.round(result.articles / seconds);
say(`convertStoredBodies: ${result.articles} rows in ${seconds.toFixed(1)} s = ${rate} rows/s (${(rate / cpuRate).toFixed(2)} of the CPU floor; 1,000,000 rows: ${(1_000_000 / rate / 60).toFixed(1)} min) (load average ${load()})`);
const left = await db.articleBodyHtml.count();
if (left !== 0 || result.articles !== rows) throw new Error(`${left} rows left in HTML, ${result.articles} converted of ${rows}`);
await db.$disconnect();
