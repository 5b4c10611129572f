import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyNestingLimit } from '@/lib/articles/body/from-html';
import { bodyDocumentSchema } from '@/lib/articles/body/schema';
import { bodyPlainText } from '@/lib/articles/body/text';
import { storedBody } from '@/lib/articles/stored-fields';
import { toTransferBody } from '@/lib/transfer/body';
import { db } from '@/lib/db/client';
import { seedDemoContent } from '@/lib/seed/demo';
import { xssVectors } from '@/testing/xss-vectors';
import { exportContent } from '@/lib/transfer/export';
import { recordTypes, transferCollections, versionOneConversion, type TransferCollection } from '@/lib/transfer/format';
import { importTransferFile } from '@/lib/transfer/import';
import { maxLineLength } from '@/lib/transfer/lines';
import { convertStoredBylines } from '@/lib/contributors/convert-bylines';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-transfer-'));
const first = path.join(dir, 'first.ndjson');
const second = path.join(dir, 'second.ndjson');
const exportedAt = new Date('2026-01-02T03:04:05.000Z');
const hasJq = spawnSync('jq', ['--version']).status === 0;

/** Everything in the database, by natural keys, with every field: what a move must keep. */
async function contentOfDatabase() {
  const articles = await db.article.findMany({
    orderBy: { slug: 'asc' },
    include: {
      section: { select: { slug: true } },
      leadMedia: { select: { path: true } },
      author: { select: { email: true } },
      tags: { orderBy: { position: 'asc' }, select: { position: true, tag: { select: { slug: true, name: true } } } },
      contributors: { orderBy: { position: 'asc' }, select: { position: true, contributor: { select: { slug: true } } } },
      oldSlugs: { orderBy: { slug: 'asc' }, select: { slug: true, createdAt: true } },
      relatedLinks: { orderBy: { position: 'asc' }, include: { targetArticle: { select: { slug: true } }, media: { select: { path: true } } } },
      corrections: { orderBy: { createdAt: 'asc' }, include: { author: { select: { email: true } } } },
    },
  });
  const media = await db.media.findMany({ orderBy: { path: 'asc' }, include: { poster: { select: { path: true } } } });
  // Bodies name media and articles by id: compared by their paths and slugs, as the file names them.
  const keys = {
    mediaPath: new Map(media.map((m) => [m.id, m.path])),
    articleSlug: new Map(articles.map((a) => [a.id, a.slug])),
  };
  const withoutIds = <T extends object>(row: T) =>
    Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'id' && !/Id$/.test(key) && key !== 'articleId')) as Partial<T>;
  return {
    sections: (await db.section.findMany({ orderBy: { slug: 'asc' } })).map(({ id: _id, updatedAt: _updatedAt, ...rest }) => rest),
    tags: (await db.tag.findMany({ orderBy: { slug: 'asc' } })).map(({ id: _id, ...rest }) => rest),
    contributors: (await db.contributor.findMany({ orderBy: { slug: 'asc' }, include: { photo: { select: { path: true } }, user: { select: { email: true } }, oldSlugs: { select: { slug: true } } } })).map(
      ({ id: _id, photoId: _photoId, userId: _userId, updatedAt: _updatedAt, ...rest }) => rest,
    ),
    media: media.map((m) => ({ ...withoutIds(m), legacyPath: m.legacyPath })),
    articles: articles.map((a) => ({
      ...withoutIds(a),
      body: toTransferBody(storedBody(a.body), keys),
      legacyId: a.legacyId,
      relatedLinks: a.relatedLinks.map((l) => ({ ...withoutIds(l), targetLegacyId: l.targetLegacyId })),
      corrections: a.corrections.map((c) => withoutIds(c)),
    })),
  };
}

async function emptyContent() {
  await db.articleContributor.deleteMany();
  await db.contributorSlug.deleteMany();
  await db.contributor.deleteMany();
  await db.relatedLink.deleteMany();
  await db.correction.deleteMany();
  await db.revision.deleteMany();
  await db.articleTag.deleteMany();
  await db.articleSlug.deleteMany();
  await db.article.deleteMany();
  await db.media.deleteMany();
  await db.tag.deleteMany();
  await db.section.deleteMany();
}

describe('export and import', () => {
  let before: Awaited<ReturnType<typeof contentOfDatabase>>;

  beforeAll(async () => {
    await seedDemoContent({ generatedArticles: 40 });
    // What the demo lacks: an author, a correction, an old slug, an external link, a draft, breaking
    // news, renditions, and text nobody here wrote. (No NUL: PostgreSQL cannot store it, so Lede's
    // input schemas refuse it at the edge.)
    const author = await db.user.create({ data: { email: 'desk@example.org', name: 'Desk', passwordHash: 'x' } });
    const lavrov = await db.article.findUniqueOrThrow({ where: { slug: 'russia-seeks-honest-cooperation-in-syria-lavrov' } });
    await db.article.update({ where: { id: lavrov.id }, data: { authorId: author.id, breakingUntil: new Date('2030-01-01T00:00:00.000Z'), version: 3 } });
    await db.correction.create({ data: { articleId: lavrov.id, note: 'An earlier version misspelt the minister’s name.', authorId: author.id } });
    await db.articleSlug.create({ data: { slug: 'russia-seeks-cooperation', articleId: lavrov.id } });
    await db.relatedLink.create({ data: { articleId: lavrov.id, position: 6, url: 'https://example.org/report?a=1&b="2"', title: '<script>alert(1)</script> \u202e', kicker: 'EXTERNAL' } });
    const section = await db.section.findFirstOrThrow();
    await db.article.create({ data: { slug: 'draft-with-unicode', headline: 'Ünïcödé 𝕳𝖊𝖆𝖉𝖑𝖎𝖓𝖊 \u0007 "quotes"\nnew line', sectionId: section.id, status: 'draft' } });
    // A contributor with an account, profile links, an old slug, and one retired.
    const amina = await db.contributor.findFirstOrThrow({ where: { name: 'Amina Rahimi' } });
    await db.contributor.update({ where: { id: amina.id }, data: { userId: author.id, x: 'https://x.com/amina', oldSlugs: { create: [{ slug: 'amina-r' }] } } });
    await db.contributor.updateMany({ where: { name: 'Yusuf Kaya' }, data: { retiredAt: new Date('2026-01-01T00:00:00.000Z') } });
    await db.media.update({ where: { path: 'generated/picture-01.jpg' }, data: { renditions: { widths: [320, 640], crops: { square: 'generated/picture-01-1x1.jpg' } } } });
    before = await contentOfDatabase();
    expect(before.articles.length).toBe(49);
  });

  it('writes a file with one JSON record a line, a header first and an end line last', async () => {
    const counts = await exportContent(first, exportedAt);
    expect(counts).toEqual({ sections: 6, tags: 22, media: before.media.length, contributors: 13, articles: 49, relatedLinks: await db.relatedLink.count(), corrections: 1 });
    const text = fs.readFileSync(first, 'utf8');
    expect(text).not.toContain('"id":');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string; [field: string]: unknown });
    expect(lines[0]).toEqual({ type: 'header', format: 'lede-export', version: 4, exportedAt: exportedAt.toISOString() });
    expect(lines.at(-1)).toEqual({ type: 'end' });
    const types = lines.map((line) => line.type);
    const runs = types.filter((type, index) => type !== types[index - 1]);
    expect(runs).toEqual(['header', 'section', 'tag', 'media', 'contributor', 'article', 'relatedLink', 'correction', 'end']);
    expect(types.filter((type) => type === 'article')).toHaveLength(49);
    expect(lines.length).toBe(1 + 6 + 22 + before.media.length + 13 + 49 + counts.relatedLinks + 1 + 1);
    // Each article's related links one after another, in their order: the importer saves a list whole.
    const links = lines.filter((line) => line.type === 'relatedLink').map((line) => [line.article, line.position] as const);
    const owners = links.map(([article]) => article);
    expect(owners.filter((article, index) => article !== owners[index - 1])).toEqual([...new Set(owners)]);
    expect(links).toEqual(links.toSorted(([a, x], [b, y]) => (a === b ? Number(x) - Number(y) : 0)));
  });

  it('restores everything field by field into an empty database', async () => {
    await emptyContent();
    expect(await db.article.count()).toBe(0);
    const { counts, refused } = await importTransferFile(first);
    expect(refused).toEqual([]);
    expect(counts.articles).toBe(49);
    expect(await contentOfDatabase()).toEqual(before);
    // And exporting again gives the same file, byte for byte.
    await exportContent(second, exportedAt);
    expect(fs.readFileSync(second, 'utf8')).toBe(fs.readFileSync(first, 'utf8'));
  });

  it('changes nothing when the same file is imported again', async () => {
    await importTransferFile(first);
    expect(await contentOfDatabase()).toEqual(before);
  });

  it('refuses a file that is not an export, or is broken, naming the line', async () => {
    const broken = path.join(dir, 'broken.ndjson');
    fs.writeFileSync(broken, '{"type":"header","format":"something-else","version":2,"exportedAt":"2026-01-02T03:04:05.000Z"}\n{"type":"end"}\n');
    await expect(importTransferFile(broken)).rejects.toThrow(`${broken}:1: not a Lede export (format is "something-else")`);
    fs.writeFileSync(broken, '{"type":"header","format":"lede-export","version":5,"exportedAt":"2026-01-02T03:04:05.000Z"}\n{"type":"end"}\n');
    await expect(importTransferFile(broken)).rejects.toThrow(`${broken}:1: export version 5 is not supported (this Lede reads versions 2, 3 and 4)`);
    fs.writeFileSync(broken, 'Dear editor,\n');
    await expect(importTransferFile(broken)).rejects.toThrow(`${broken}:1: not a Lede export: the first line must be its header, {"type":"header","format":"lede-export","version":4,...}`);
    fs.writeFileSync(broken, '');
    await expect(importTransferFile(broken)).rejects.toThrow(`${broken}:0: not a Lede export: the file is empty`);
    const lines = fs.readFileSync(first, 'utf8').split('\n');
    lines[3] = '{"type":"section","slug":';
    fs.writeFileSync(broken, lines.join('\n'));
    // A broken record is refused with its line; the file goes on.
    const report = await importTransferFile(broken);
    expect(report.refused.map((record) => record.message)).toEqual([`${broken}:4: not JSON: Unexpected end of JSON input`]);
    expect(report.counts.sections).toBe(5);
    fs.writeFileSync(broken, fs.readFileSync(first, 'utf8').split('\n').slice(0, 10).join('\n'));
    await expect(importTransferFile(broken)).rejects.toThrow(`${broken}:10: the export ends early: its last line is not {"type":"end"}, so the file was cut short.`);
  });
});

// What a file written by hand, cut by a full disk or passed through another system may hold. The
// contract: a bad line is refused by its number and the rest imports; each record is written whole
// or not at all; a file that is not an export, or is cut short, stops with its line.
describe('import of odd NDJSON', () => {
  const when = '2026-01-02T03:04:05.000Z';
  const header = JSON.stringify({ type: 'header', format: 'lede-export', version: 2, exportedAt: when });
  const section = JSON.stringify({ type: 'section', slug: 'odd', name: 'Odd', description: '', position: 7, createdAt: when });
  const tag = (slug: string) => JSON.stringify({ type: 'tag', slug, name: slug, createdAt: when });
  const article = (slug: string) =>
    JSON.stringify({
      type: 'article', slug, legacyId: null, kicker: '', headline: `Headline of ${slug}`, standfirst: '', body: '<p>Text</p>', byline: '',
      sourceCredit: '', status: 'published', contentType: 'text', section: 'odd', leadMedia: null, authorEmail: null, publishedAt: when,
      modifiedAt: when, breakingUntil: null, version: 1, createdAt: when, updatedAt: when, tags: [], oldSlugs: [],
    });
  const link = (article: string, position: number) =>
    JSON.stringify({ type: 'relatedLink', article, position, target: null, targetLegacyId: null, url: `https://example.org/${position}`, kicker: '', title: `Link ${position}`, contentType: 'text', media: null, createdAt: when });
  const end = JSON.stringify({ type: 'end' });
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const linksOf = async (slug: string) => db.relatedLink.count({ where: { article: { slug } } });

  it('refuses a line that is not JSON, not an object or of an unknown type, by its number, and imports the rest', async () => {
    const file = write('odd.ndjson', [header, section, 'not json at all', '[1,2]', '42', '{"type":"story","slug":"x"}', '{"slug":"no-type"}', tag('odd-tag'), end, ''].join('\n'));
    const report = await importTransferFile(file);
    const known = 'a line after the header is one of "section", "tag", "media", "contributor", "article", "relatedLink", "correction" or "end"';
    expect(report.refused.map((record) => [record.collection, record.message])).toEqual([
      [null, `${file}:3: not JSON: Unexpected token 'o', "not json at all" is not valid JSON`],
      [null, `${file}:4: not a record: a line holds one JSON object with its "type" (${known})`],
      [null, `${file}:5: not a record: a line holds one JSON object with its "type" (${known})`],
      [null, `${file}:6: not a record: unknown type "story" (${known})`],
      [null, `${file}:7: not a record: a line holds one JSON object with its "type" (${known})`],
    ]);
    expect(report.counts).toEqual({ sections: 1, tags: 1, media: 0, contributors: 0, articles: 0, relatedLinks: 0, corrections: 0 });
    expect(await db.tag.count({ where: { slug: 'odd-tag' } })).toBe(1);
  });

  it('skips blank lines, counting them in line numbers, and reads CRLF line endings as LF', async () => {
    const lines = [header, '', section, '   ', article('crlf-one'), link('crlf-one', 0), link('crlf-one', 1), '{"type":"tag","slug":"Bad Slug","name":"x","createdAt":"' + when + '"}', end];
    const file = write('crlf.ndjson', `${lines.join('\r\n')}\r\n`);
    const report = await importTransferFile(file);
    expect(report.refused.map((record) => record.message)).toEqual([`${file}:8: tags record refused: slug Lower-case letters, digits and single hyphens only (such as "budget-vote-delayed").`]);
    expect(report.counts).toEqual({ sections: 1, tags: 0, media: 0, contributors: 0, articles: 1, relatedLinks: 2, corrections: 0 });
    const stored = await db.article.findUniqueOrThrow({ where: { slug: 'crlf-one' }, include: { relatedLinks: { orderBy: { position: 'asc' } } } });
    expect(stored.headline).toBe('Headline of crlf-one');
    expect(stored.relatedLinks.map((l) => l.title)).toEqual(['Link 0', 'Link 1']);
  });

  it('an article imported again with another date refreshes the month it left as well as the one it is in', async () => {
    const march = '2025-03-10T12:00:00.000Z';
    write('redated-1.ndjson', [header, section, article('redated'), end, ''].join('\n'));
    expect((await importTransferFile(path.join(dir, 'redated-1.ndjson'))).counts.articles).toBe(1);
    const file = write('redated-2.ndjson', [header, section, article('redated').replace(`"publishedAt":"${when}"`, `"publishedAt":"${march}"`), end, ''].join('\n'));
    const since = (await db.pageRefresh.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0;
    expect((await importTransferFile(file)).counts.articles).toBe(1);
    const recorded = await db.pageRefresh.findMany({ where: { id: { gt: since } }, select: { tags: true } });
    const months = new Set(recorded.flatMap(({ tags }) => (JSON.parse(tags) as string[]).filter((tag) => tag.startsWith('sitemap-month:'))));
    expect([...months].sort()).toEqual(['sitemap-month:2025-03', 'sitemap-month:2026-01']);
  });

  it('stores a published article dated ahead as scheduled, for the due work to publish at its time', async () => {
    const ahead = new Date(Date.now() + 86_400_000).toISOString();
    const file = write('ahead.ndjson', [header, section, article('dated-ahead').replace(`"publishedAt":"${when}"`, `"publishedAt":"${ahead}"`), end, ''].join('\n'));
    expect((await importTransferFile(file)).counts.articles).toBe(1);
    expect(await db.article.findUniqueOrThrow({ where: { slug: 'dated-ahead' }, select: { status: true, publishedAt: true } })).toEqual({ status: 'scheduled', publishedAt: new Date(ahead) });
  });

  it('stops at a cut last line, naming it, and leaves the article whose links it cut without any of them', async () => {
    const whole = [header, section, article('cut-one'), article('cut-two'), link('cut-one', 0), link('cut-two', 0), link('cut-two', 1)];
    const file = write('cut.ndjson', `${whole.join('\n')}\n${link('cut-two', 2).slice(0, 60)}`);
    await expect(importTransferFile(file)).rejects.toThrow(`${file}:8: the export ends early: its last line is not {"type":"end"}, so the file was cut short. What came before imported, each record whole; import the whole file again to finish (the same file twice changes nothing).`);
    expect(await db.article.count({ where: { slug: { in: ['cut-one', 'cut-two'] } } })).toBe(2);
    expect([await linksOf('cut-one'), await linksOf('cut-two')]).toEqual([1, 0]);
    // The whole file completes it.
    const report = await importTransferFile(write('whole.ndjson', `${[...whole, link('cut-two', 2), end].join('\n')}\n`));
    expect(report.refused).toEqual([]);
    expect([await linksOf('cut-one'), await linksOf('cut-two')]).toEqual([1, 3]);
  });

  it('stops at an enormous line without holding it whole, having imported what came before', async () => {
    const file = path.join(dir, 'enormous.ndjson');
    const out = fs.openSync(file, 'w');
    fs.writeSync(out, `${header}\n${section}\n${tag('before-the-big-one')}\n{"type":"tag","slug":"`);
    const block = 'x'.repeat(1_000_000);
    for (let written = 0; written <= maxLineLength; written += block.length) fs.writeSync(out, block);
    fs.writeSync(out, `"}\n${tag('after-the-big-one')}\n${end}\n`);
    fs.closeSync(out);
    await expect(importTransferFile(file)).rejects.toThrow(`${file}:4: line 4 is longer than 16,000,000 characters: not a Lede export record, and not read further`);
    expect(await db.tag.count({ where: { slug: { in: ['before-the-big-one', 'after-the-big-one'] } } })).toBe(1);
  });

  /** An export as Lede wrote it before NDJSON (format version 1), with one section. */
  const versionOne = () =>
    write('old.json', `{"format":"lede-export","version":1,"exportedAt":"${when}"\n,"sections":[\n${section.replace('"type":"section",', '')}\n]\n,"tags":[\n]\n,"media":[\n]\n,"articles":[\n]\n,"relatedLinks":[\n]\n,"corrections":[\n]\n}\n`);

  it('names a version-1 export (one JSON document) and the command that converts it', async () => {
    const old = versionOne();
    await expect(importTransferFile(old)).rejects.toThrow(`${old}:1: a version-1 Lede export (one JSON document): this Lede reads version 4 (NDJSON, a record a line, *.ndjson). Convert it with ${versionOneConversion}`);
  });

  it.skipIf(!hasJq)('converts a version-1 export with the command it names (jq)', async () => {
    const old = versionOne();
    const converted = path.join(dir, 'converted.ndjson');
    execFileSync('sh', ['-c', versionOneConversion.replace('OLD.json', JSON.stringify(old)).replace('NEW.ndjson', JSON.stringify(converted))]);
    const report = await importTransferFile(converted);
    expect(report).toEqual({ counts: { sections: 1, tags: 0, media: 0, contributors: 0, articles: 0, relatedLinks: 0, corrections: 0 }, refused: [] });
  });
});

// An export file is input like any other: written by hand, by another tool, or by an attacker.
describe('import of a hostile export', () => {
  const when = '2026-01-02T03:04:05.000Z';
  const section = (slug: string) => ({ slug, name: 'Imports', description: '', position: 9, createdAt: when });
  const media = (path: string) => ({
    kind: 'image', path, legacyPath: null, mimeType: 'image/jpeg', width: 10, height: 10, durationSeconds: null, bytes: 10,
    alt: 'x', caption: '', credit: '', renditions: null, poster: null, createdAt: when,
  });
  const article = (slug: string, body: unknown, extra: Record<string, unknown> = {}) => ({
    slug, legacyId: null, kicker: '', headline: `Headline of ${slug}`, standfirst: '', body, bodyText: 'whatever the file says', byline: '',
    sourceCredit: '', status: 'published', contentType: 'text', section: 'imports', leadMedia: null, authorEmail: null,
    publishedAt: when, modifiedAt: when, breakingUntil: null, version: 1, createdAt: when, updatedAt: when, tags: ['imported'], oldSlugs: [], ...extra,
  });
  const link = (url: string) => ({ article: 'after-the-bad-ones', position: 0, target: null, targetLegacyId: null, url, kicker: '', title: 'A link', contentType: 'text', media: null, createdAt: when });

  /** An export file, a record a line; returns its path and the line each record sits on. */
  function writeExport(name: string, collections: Partial<Record<TransferCollection, unknown[]>>, version = 2): { file: string; lineOf: Map<unknown, number> } {
    const lines = [JSON.stringify({ type: 'header', format: 'lede-export', version, exportedAt: when })];
    const lineOf = new Map<unknown, number>();
    for (const collection of transferCollections) {
      for (const record of collections[collection] ?? []) {
        lines.push(JSON.stringify({ type: recordTypes[collection], ...(record as object) }));
        lineOf.set(record, lines.length);
      }
    }
    lines.push('{"type":"end"}');
    const file = path.join(dir, name);
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return { file, lineOf };
  }

  it('reads every version-2 (HTML) body into blocks, for every XSS vector: markup never stored, text kept', async () => {
    const articles = xssVectors.map((vector, index) => article(`xss-vector-${index + 1}`, `<p>before</p>${vector}<p>after</p>`));
    const { file } = writeExport('xss.ndjson', {
      sections: [section('imports')],
      tags: [{ slug: 'imported', name: 'Imported', createdAt: when }],
      media: [], articles, relatedLinks: [], corrections: [],
    });
    const report = await importTransferFile(file);
    for (const [index, vector] of xssVectors.entries()) {
      const stored = await db.article.findUniqueOrThrow({ where: { slug: `xss-vector-${index + 1}` }, select: { body: true, bodyText: true } });
      const body = bodyDocumentSchema.parse(stored.body);
      expect(stored.bodyText, vector).toBe(bodyPlainText(body));
      expect(stored.bodyText.startsWith('before'), vector).toBe(true);
      // ("after" may be gone: a vector that leaves an <iframe> or <script> open makes the rest its raw content, which no browser shows either.)
      // No link but to http(s) or mailto survives (the schema's rule, checked again here).
      const hrefs = JSON.stringify(body).match(/"href":"[^"]*"/g) ?? [];
      expect(hrefs.filter((href) => !/^"href":"(https?:|mailto:)/i.test(href)), vector).toEqual([]);
    }
    expect(report.refused).toEqual([]);
    expect(report.counts.articles).toBe(xssVectors.length);
  });

  it('refuses a bad slug, a media path outside MEDIA_ROOT and a javascript: link, naming their lines, and imports the rest', async () => {
    const goodSection = section('imports');
    const badSection = section('Bad Section/..');
    const goodTag = { slug: 'imported', name: 'Imported', createdAt: when };
    const badTag = { slug: 'Not A "Slug"', name: 'Bad', createdAt: when };
    const goodMedia = media('imports/picture.jpg');
    const traversal = media('../../../../etc/passwd');
    const absolute = media('/etc/passwd');
    const weirdSlug = article('A Weird/Slug"<x>', '<p>weird</p>');
    const leadOutside = article('lead-outside', '<p>lead</p>', { leadMedia: '../../../../etc/passwd' });
    const tooDeep = article('too-deep', '<b>'.repeat(bodyNestingLimit + 1));
    const good = article('after-the-bad-ones', '<p>kept</p><img src="x" onerror="alert(1)">', { leadMedia: 'imports/picture.jpg' });
    const scriptLink = link('javascript:alert(1)');
    const goodLink = { ...link('https://example.org/'), position: 1 };
    const { file, lineOf } = writeExport('hostile.ndjson', {
      sections: [goodSection, badSection],
      tags: [goodTag, badTag],
      media: [goodMedia, traversal, absolute],
      articles: [weirdSlug, leadOutside, tooDeep, good],
      relatedLinks: [scriptLink, goodLink],
      corrections: [],
    });
    const report = await importTransferFile(file);
    // Nothing of the refused records is stored; the good ones are, sanitised.
    expect(await db.article.count({ where: { slug: { in: ['A Weird/Slug"<x>', 'a weird/slug"<x>', 'lead-outside', 'too-deep'] } } })).toBe(0);
    expect(await db.media.count({ where: { path: { in: ['../../../../etc/passwd', '/etc/passwd'] } } })).toBe(0);
    expect(await db.section.count({ where: { slug: 'Bad Section/..' } })).toBe(0);
    const kept = await db.article.findUniqueOrThrow({ where: { slug: 'after-the-bad-ones' }, include: { leadMedia: true, relatedLinks: true } });
    expect(kept.body).toEqual({ version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'kept' }] }] });
    expect(kept.leadMedia?.path).toBe('imports/picture.jpg');
    expect(kept.relatedLinks.map((l) => l.url)).toEqual(['https://example.org/']);
    expect(report.refused.map((record) => [record.line, record.collection])).toEqual([
      [lineOf.get(badSection), 'sections'],
      [lineOf.get(badTag), 'tags'],
      [lineOf.get(traversal), 'media'],
      [lineOf.get(absolute), 'media'],
      [lineOf.get(weirdSlug), 'articles'],
      [lineOf.get(leadOutside), 'articles'],
      [lineOf.get(tooDeep), 'articles'],
      [lineOf.get(scriptLink), 'relatedLinks'],
    ]);
    const reasons = new Map(report.refused.map((record) => [record.line, record.message]));
    expect(reasons.get(lineOf.get(traversal)!)).toBe(`${file}:${lineOf.get(traversal)}: media record refused: path not a media path: "../../../../etc/passwd" has an empty, "." or ".." folder (it must stay inside MEDIA_ROOT)`);
    expect(reasons.get(lineOf.get(absolute)!)).toMatch(/media record refused: path not a media path: "\/etc\/passwd" is absolute/);
    expect(reasons.get(lineOf.get(weirdSlug)!)).toBe(`${file}:${lineOf.get(weirdSlug)}: articles record refused: slug Lower-case letters (of any script), digits and single hyphens only (such as "budget-vote-delayed" or "گزارش-ویژه").`);
    expect(reasons.get(lineOf.get(leadOutside)!)).toMatch(/articles record refused: leadMedia not a media path/);
    expect(reasons.get(lineOf.get(tooDeep)!)).toMatch(new RegExp(`articles record refused: body The body nests tags more than ${bodyNestingLimit} deep`));
    expect(reasons.get(lineOf.get(scriptLink)!)).toMatch(/relatedLinks record refused: url Enter a web address starting with https:\/\/ or http:\/\//);
    expect(report.counts).toEqual({ sections: 1, tags: 1, media: 1, contributors: 0, articles: 1, relatedLinks: 1, corrections: 0 });
  });

  // Version 3: bodies are blocks that name media by path and articles by slug.
  const text = (words: string) => ({ type: 'paragraph', content: [{ type: 'text', text: words }] });
  const v3 = (...blocks: unknown[]) => ({ version: 1, blocks });

  it('reads version-3 bodies: media by path, article cards by slug, even to an article later in the file', async () => {
    const picture = media('imports/v3-picture.jpg');
    const first = article('v3-first', v3(text('First.'), { type: 'picture', media: 'imports/v3-picture.jpg', alt: 'A picture', caption: 'Caption', credit: '' }, { type: 'articleCard', article: 'v3-second' }, text('After the card.')));
    const second = article('v3-second', v3({ type: 'articleCard', article: 'v3-first' }, text('Second.')));
    const orphan = article('v3-orphan', v3(text('Before.'), { type: 'articleCard', article: 'no-such-article' }, text('After.')));
    const { file, lineOf } = writeExport('v3.ndjson', { sections: [section('imports')], tags: [{ slug: 'imported', name: 'Imported', createdAt: when }], media: [picture], articles: [first, second, orphan], relatedLinks: [], corrections: [] }, 3);
    const report = await importTransferFile(file);
    expect(report.counts.articles).toBe(3);
    // A card to an article that is nowhere is left out and said, the rest of the article kept.
    expect(report.refused.map((record) => record.message)).toEqual([`${file}:${lineOf.get(orphan)}: articles record saved without its card to article "no-such-article", which is neither in the file nor in the database`]);
    const rows = new Map((await db.article.findMany({ where: { slug: { startsWith: 'v3-' } }, select: { id: true, slug: true, body: true, bodyText: true, wordCount: true } })).map((row) => [row.slug, row]));
    const mediaId = (await db.media.findUniqueOrThrow({ where: { path: 'imports/v3-picture.jpg' } })).id;
    expect(rows.get('v3-first')!.body).toEqual(v3(text('First.'), { type: 'picture', mediaId, alt: 'A picture', caption: 'Caption', credit: '' }, { type: 'articleCard', articleId: rows.get('v3-second')!.id }, text('After the card.')));
    expect(rows.get('v3-second')!.body).toEqual(v3({ type: 'articleCard', articleId: rows.get('v3-first')!.id }, text('Second.')));
    expect(rows.get('v3-orphan')!.body).toEqual(v3(text('Before.'), text('After.')));
    // The plain text and word count are the blocks', never the file's.
    expect(rows.get('v3-first')!.bodyText).toBe('First.\n\nCaption\n\nAfter the card.');
    expect(rows.get('v3-first')!.wordCount).toBe(5);
  });

  it('refuses hostile version-3 bodies, naming the record and the problem', async () => {
    const scriptLink = article('v3-script-link', v3({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', href: 'javascript:alert(1)' }] }] }));
    const html = article('v3-html', v3({ type: 'html', html: '<script>alert(1)</script>' }));
    const mediaId = article('v3-media-id', v3({ type: 'picture', mediaId: 1, alt: 'x' }));
    const unknownMedia = article('v3-unknown-media', v3({ type: 'picture', media: 'imports/nowhere.jpg', alt: 'x' }));
    const traversal = article('v3-traversal', v3({ type: 'video', media: '../../etc/passwd' }));
    const htmlBody = article('v3-html-string', '<p>HTML in a version-3 file</p>');
    const good = article('v3-good', v3(text('Kept: <script>alert(1)</script> is text.')));
    const { file, lineOf } = writeExport('v3-hostile.ndjson', { sections: [section('imports')], tags: [{ slug: 'imported', name: 'Imported', createdAt: when }], media: [], articles: [scriptLink, html, mediaId, unknownMedia, traversal, htmlBody, good], relatedLinks: [], corrections: [] }, 3);
    const report = await importTransferFile(file);
    const reasons = new Map(report.refused.map((record) => [record.line, record.message.replace(`${file}:${record.line}: `, '')]));
    expect(reasons.get(lineOf.get(scriptLink)!)).toBe('articles record not saved: body blocks.0.content.0.marks.0.href A link goes to an https://, http:// or mailto: address.');
    expect(reasons.get(lineOf.get(html)!)).toMatch(/^articles record not saved: body blocks\.0/);
    expect(reasons.get(lineOf.get(mediaId)!)).toBe('articles record not saved: body block 1 (picture) names no media path');
    expect(reasons.get(lineOf.get(unknownMedia)!)).toBe('articles record not saved: body block 1 (picture) refers to media "imports/nowhere.jpg", which is neither in the file before it nor in the database');
    expect(reasons.get(lineOf.get(traversal)!)).toBe('articles record not saved: body block 1 (video) names no media path');
    expect(reasons.get(lineOf.get(htmlBody)!)).toMatch(/^articles record refused: body/);
    expect(report.counts.articles).toBe(1);
    expect(await db.article.count({ where: { slug: { in: ['v3-script-link', 'v3-html', 'v3-media-id', 'v3-unknown-media', 'v3-traversal', 'v3-html-string'] } } })).toBe(0);
    expect((await db.article.findUniqueOrThrow({ where: { slug: 'v3-good' } })).bodyText).toBe('Kept: <script>alert(1)</script> is text.');
  });
});

describe('bylines in exports of every version', () => {
  const when = '2026-01-02T03:04:05.000Z';
  const header = (version: number) => JSON.stringify({ type: 'header', format: 'lede-export', version, exportedAt: when });
  const section = JSON.stringify({ type: 'section', slug: 'bylines', name: 'Bylines', description: '', position: 3, createdAt: when });
  const contributor = (slug: string, name: string, extra: object = {}) =>
    JSON.stringify({ type: 'contributor', slug, name, jobTitle: '', bio: '', website: '', x: '', mastodon: '', bluesky: '', photo: null, accountEmail: null, retiredAt: null, createdAt: when, oldSlugs: [], ...extra });
  const article = (slug: string, extra: object) =>
    JSON.stringify({
      type: 'article', slug, legacyId: null, kicker: '', headline: `Headline of ${slug}`, standfirst: '', body: { version: 1, blocks: [] },
      sourceCredit: '', status: 'published', contentType: 'text', section: 'bylines', leadMedia: null, authorEmail: null, publishedAt: when,
      modifiedAt: when, breakingUntil: null, version: 1, createdAt: when, updatedAt: when, tags: [], oldSlugs: [], ...extra,
    });
  const write = (name: string, lines: string[]) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lede-bylines-')), name);
    fs.writeFileSync(file, `${[...lines, '{"type":"end"}'].join('\n')}\n`);
    return file;
  };
  const bylineOf = async (slug: string) =>
    (await db.article.findUniqueOrThrow({ where: { slug }, select: { contributors: { orderBy: { position: 'asc' }, select: { contributor: { select: { name: true } } } } } })).contributors.map((link) => link.contributor.name);

  it('version 4: contributors by slug, the byline in its order; an unknown contributor refuses the article, naming its line', async () => {
    const file = write('v4.ndjson', [
      header(4), section,
      contributor('zadie-one', 'Zadie One', { x: '@zadie', mastodon: '@zadie@example.social' }),
      contributor('yann-two', 'Yann Two'),
      article('two-bylines', { contributors: ['yann-two', 'zadie-one'] }),
      article('unknown-byline', { contributors: ['nobody-here'] }),
    ]);
    const report = await importTransferFile(file);
    expect(report.refused.map((record) => record.message)).toEqual([`${file}:6: articles record not saved: refers to contributor "nobody-here", which is neither in the file before it nor in the database`]);
    expect(await bylineOf('two-bylines')).toEqual(['Yann Two', 'Zadie One']);
    // Links are read through the contributor schema: a handle becomes its profile's address.
    expect(await db.contributor.findUniqueOrThrow({ where: { slug: 'zadie-one' }, select: { x: true, mastodon: true } })).toEqual({ x: 'https://x.com/zadie', mastodon: 'https://example.social/@zadie' });
  });

  it('version 3: a free-text byline waits for the converter, which makes the contributors in order', async () => {
    const file = write('v3.ndjson', [header(3), section, article('old-byline', { byline: 'By Quinn Three and Zadie One' })]);
    const report = await importTransferFile(file);
    expect(report.refused).toEqual([]);
    expect(await db.articleBylineText.findMany({ where: { article: { slug: 'old-byline' } }, select: { byline: true } })).toEqual([{ byline: 'By Quinn Three and Zadie One' }]);
    await convertStoredBylines();
    expect(await bylineOf('old-byline')).toEqual(['Quinn Three', 'Zadie One']);
    // Zadie One existed (version 4 above): reused by name, not made twice.
    expect(await db.contributor.count({ where: { name: 'Zadie One' } })).toBe(1);
    expect(await db.articleBylineText.count()).toBe(0);
  });
});
