import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPostgres } from '@/lib/config';
import { db } from '@/lib/db/client';
import { importLegacyPaths, type ImportSummary } from '@/lib/legacy/importer';
import { runDueWork } from '@/lib/articles/scheduling/due-work';
import { legacyFileText, legacyPic, type LegacyFileInput } from '@/lib/legacy/synthetic';
import { mediaFile } from '@/lib/media/store';
import { bodyDocumentSchema } from '@/lib/articles/body/schema';
import { bodyPlainText } from '@/lib/articles/body/text';
import { xssVectors } from '@/testing/xss-vectors';

const fixture = fs.readFileSync(path.join(process.cwd(), 'prisma/legacy/lavrov-syria-2016-11-02.txt'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-import-'));
const archive = path.join(dir, 'archive');
const later = path.join(dir, 'later');

const picA = legacyPic(new Date('2017-03-04T05:06:07.000Z'), 'jpg');
const picB = legacyPic(new Date('2017-03-05T05:06:07.000Z'), 'mp4');
const picC = legacyPic(new Date('2017-03-06T05:06:07.000Z'), 'jpg');

function article(title: string, paragraphs: string[], related: LegacyFileInput['related']): string {
  return legacyFileText({ title, dateline: { year: 2017, month: 3, day: 8, hour: 10, minute: 0, second: 0 }, paragraphs, related });
}

const fileA = () =>
  article('SYRIA VIDEO: Aid Convoy Reaches Besieged Town', ['The first convoy in months reached the town on Wednesday; Press TV reported.', 'Residents said food was scarce.'], [
    { id: '500002', sort: '20', pic: picB, title: 'VIDEO : Talks Resume in Geneva' },
    { id: '500003', sort: '10', pic: picC, title: 'Ceasefire Holds Overnight' },
  ]);
const fileB = () => article('Talks Resume in Geneva', ['Delegations met again on Tuesday.'], [{ id: '500001', sort: '1', pic: picA, title: 'SYRIA VIDEO: Aid Convoy Reaches Besieged Town' }]);
const fileC = () => article('Ceasefire Holds Overnight', ['The truce held through the night, monitors said.'], []);

const good = fixture.toString('utf8');
const bad: Record<string, { content: string | Buffer; line: number; reason: RegExp }> = {
  'bad-no-dateline-600001.txt': { content: good.replace('Wed Nov 2, 2016 19:50:06', 'Some time in November'), line: 3, reason: /^no dateline: expected a line like/ },
  'bad-json-600002.txt': { content: good.replace(/string\(1147\) "[\s\S]*"$/, 'string(7) "[{"id"]"'), line: 23, reason: /^related items: broken JSON: / },
  'bad-length-600003.txt': { content: good.replace('string(1147)', 'string(1141)'), line: 23, reason: /^related items: byte length does not match: string\(1141\) but the JSON is 1147 UTF-8 bytes$/ },
  'bad-kicker-600004.txt': { content: good.replace(/^VIDEO: /, 'VIDEO:'), line: 1, reason: /^unknown kicker form in headline "VIDEO:Russia/ },
  'bad-encoding-600005.txt': { content: '', line: 7, reason: /^not UTF-8: byte 0x92 at offset \d+$/ },
};
// A Windows-1252 apostrophe (0x92) where the UTF-8 ’ was.
bad['bad-encoding-600005.txt']!.content = Buffer.concat([
  fixture.subarray(0, fixture.indexOf(Buffer.from('’'))),
  Buffer.from([0x92]),
  fixture.subarray(fixture.indexOf(Buffer.from('’')) + 3),
]);

beforeAll(() => {
  fs.mkdirSync(path.join(archive, '2017', 'nested'), { recursive: true });
  fs.mkdirSync(later, { recursive: true });
  fs.writeFileSync(path.join(archive, '1880400.txt'), fixture);
  fs.writeFileSync(path.join(archive, '2017', '500001.txt'), fileA());
  fs.writeFileSync(path.join(archive, '2017', 'nested', 'news-500002.txt'), fileB());
  fs.writeFileSync(path.join(archive, '2017', 'nested', 'notes.md'), 'not an article');
  fs.writeFileSync(path.join(archive, '.hidden.txt'), 'not an article either');
  for (const [name, { content }] of Object.entries(bad)) fs.writeFileSync(path.join(archive, name), content);
  fs.writeFileSync(path.join(later, '500003.txt'), fileC());
});

async function snapshotOfDatabase() {
  return {
    articles: await db.article.findMany({ orderBy: { id: 'asc' } }),
    links: await db.relatedLink.findMany({ orderBy: { id: 'asc' } }),
    media: await db.media.findMany({ orderBy: { id: 'asc' } }),
    revisions: await db.revision.findMany({ orderBy: { id: 'asc' } }),
  };
}

describe('importLegacyPaths', () => {
  let first: ImportSummary;

  it('imports a folder recursively, reports each bad file with path, line and reason and writes nothing of it', async () => {
    first = await importLegacyPaths([archive]);
    expect({ ...first, failures: [], changedArticleIds: [] }).toEqual({ imported: 3, updated: 0, unchanged: 0, failed: 5, connected: 1, failures: [], changedArticleIds: [] });
    expect(first.changedArticleIds).toHaveLength(3);
    expect(first.failures).toHaveLength(5);
    for (const failure of first.failures) {
      const expected = bad[path.basename(failure.source)]!;
      expect(failure.source).toBe(path.join(archive, path.basename(failure.source)));
      expect(failure.line, failure.source).toBe(expected.line);
      expect(failure.reason, failure.source).toMatch(expected.reason);
    }
    expect(await db.article.count({ where: { legacyId: { startsWith: '6000' } } })).toBe(0);
    expect((await db.article.findMany({ select: { legacyId: true }, orderBy: { legacyId: 'asc' } })).map((a) => a.legacyId)).toEqual(['1880400', '500001', '500002']);
  });

  it('writes the legacy article with its fields, section, revision and six unresolved links', async () => {
    const lavrov = await db.article.findUniqueOrThrow({
      where: { legacyId: '1880400' },
      include: { section: true, relatedLinks: { orderBy: { position: 'asc' }, include: { media: { include: { poster: true } } } }, revisions: true },
    });
    expect(lavrov).toMatchObject({ slug: 'russia-seeks-honest-cooperation-in-syria-lavrov', kicker: 'VIDEO', contentType: 'video', status: 'published', sourceCredit: 'Press TV', version: 1 });
    expect(lavrov.publishedAt?.toISOString()).toBe('2016-11-02T16:20:06.000Z');
    expect(lavrov.section).toMatchObject({ slug: 'archive', name: 'Archive' });
    expect(lavrov.revisions).toHaveLength(1);
    expect(lavrov.revisions[0]!.note).toMatch(/^legacy-import sha256=[0-9a-f]{64}$/);
    expect(lavrov.relatedLinks.map((link) => [link.position, link.targetLegacyId, link.targetArticleId, link.kicker, link.contentType])).toEqual([
      [0, '1879845', null, '', 'text'],
      [1, '1879918', null, 'SYRIA VIDEO', 'video'],
      [2, '1879987', null, '', 'text'],
      [3, '1880272', null, '', 'text'],
      [4, '1880287', null, '', 'text'],
      [5, '1880388', null, 'VIDEO', 'text'],
    ]);
    expect(lavrov.relatedLinks[0]!.title).toBe('Russia, NATO Will Hold Parallel Military Drills in Balkan');
    const video = lavrov.relatedLinks[1]!.media!;
    expect(video).toMatchObject({ kind: 'video', mimeType: 'video/mp4', legacyPath: '/2016/11/01/alalam_636135952272091613_25f_4x3.mp4', path: 'legacy/2016/11/01/alalam_636135952272091613_25f_4x3.mp4' });
    expect(video.poster).toMatchObject({ kind: 'image', mimeType: 'image/jpeg' });
    const image = lavrov.relatedLinks[0]!.media!;
    expect(image).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', width: 1200, height: 900, legacyPath: '/2016/11/01/alalam_636135849798379447_25f_4x3.jpg' });
    for (const link of lavrov.relatedLinks) expect(fs.existsSync(mediaFile(link.media!.path))).toBe(true);
  });

  it('links related items in sort order and connects targets imported in the same run', async () => {
    const a = await db.article.findUniqueOrThrow({ where: { legacyId: '500001' }, include: { relatedLinks: { orderBy: { position: 'asc' } } } });
    const b = await db.article.findUniqueOrThrow({ where: { legacyId: '500002' }, include: { relatedLinks: true, leadMedia: true } });
    expect(a).toMatchObject({ kicker: 'SYRIA VIDEO', headline: 'Aid Convoy Reaches Besieged Town', contentType: 'video', sourceCredit: 'Press TV' });
    // sort 10 (C) before sort 20 (B), whatever the file order.
    expect(a.relatedLinks.map((link) => [link.position, link.targetLegacyId, link.title, link.kicker])).toEqual([
      [0, '500003', 'Ceasefire Holds Overnight', ''],
      [1, '500002', 'Talks Resume in Geneva', 'VIDEO'],
    ]);
    expect(a.relatedLinks[1]!.targetArticleId).toBe(b.id);
    expect(a.relatedLinks[0]!.targetArticleId).toBeNull();
    // B arrived after A linked to it: its picture from A's related item became its lead media.
    expect(b.leadMedia).toMatchObject({ kind: 'video', legacyPath: picB });
    expect(b.relatedLinks[0]!.targetArticleId).toBe(a.id);
  });

  it('changes nothing on a second run', async () => {
    const before = await snapshotOfDatabase();
    const second = await importLegacyPaths([archive]);
    expect({ ...second, failures: second.failures.length }).toEqual({ imported: 0, updated: 0, unchanged: 3, failed: 5, connected: 0, failures: 5, changedArticleIds: [] });
    expect(await snapshotOfDatabase()).toEqual(before);
  });

  it('updates an article whose file changed, with a new version and revision', async () => {
    const file = path.join(archive, '2017', '500001.txt');
    fs.writeFileSync(file, fileA().replace('Residents said food was scarce.', 'Residents said food and fuel were scarce.'));
    const before = await db.article.findUniqueOrThrow({ where: { legacyId: '500001' } });
    const summary = await importLegacyPaths([file]);
    expect({ ...summary, failures: [] }).toEqual({ imported: 0, updated: 1, unchanged: 0, failed: 0, connected: 0, failures: [], changedArticleIds: [before.id] });
    const after = await db.article.findUniqueOrThrow({ where: { legacyId: '500001' }, include: { revisions: { orderBy: { version: 'asc' } }, relatedLinks: { orderBy: { position: 'asc' } } } });
    expect(after.version).toBe(2);
    expect(after.slug).toBe(before.slug);
    expect(after.bodyText).toContain('food and fuel were scarce');
    expect(after.revisions.map((revision) => revision.version)).toEqual([1, 2]);
    const revisionText = (index: number) => bodyPlainText(bodyDocumentSchema.parse((after.revisions[index]!.snapshot as { body: unknown }).body));
    expect(revisionText(1)).toContain('food and fuel were scarce');
    expect(revisionText(0)).toContain('food was scarce');
    expect(after.relatedLinks.map((link) => link.targetLegacyId)).toEqual(['500003', '500002']);
    // And the changed file is unchanged the time after.
    expect((await importLegacyPaths([file])).unchanged).toBe(1);
  });

  it('connects a link when its target arrives in a later run', async () => {
    const summary = await importLegacyPaths([later]);
    expect([summary.imported, summary.connected]).toEqual([1, 1]);
    const c = await db.article.findUniqueOrThrow({ where: { legacyId: '500003' }, include: { leadMedia: true } });
    const link = await db.relatedLink.findFirstOrThrow({ where: { targetLegacyId: '500003' } });
    expect(link.targetArticleId).toBe(c.id);
    expect(c.leadMedia).toMatchObject({ kind: 'image', legacyPath: picC });
  });

  it('copies pictures that exist under --media-root, replacing placeholders', async () => {
    const root = path.join(dir, 'old-site-media');
    const real = path.join(root, ...picC.split('/').filter(Boolean));
    fs.mkdirSync(path.dirname(real), { recursive: true });
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#336699' } }).jpeg().toFile(real);
    const placeholderBytes = fs.readFileSync(mediaFile(`legacy${picC}`));
    const summary = await importLegacyPaths([archive, later], { mediaRoot: root });
    expect([summary.imported, summary.updated, summary.unchanged]).toEqual([0, 0, 4]);
    const media = await db.media.findFirstOrThrow({ where: { legacyPath: picC } });
    expect(media).toMatchObject({ width: 800, height: 600, bytes: fs.statSync(real).size });
    expect(fs.readFileSync(mediaFile(media.path)).equals(fs.readFileSync(real))).toBe(true);
    expect(fs.readFileSync(mediaFile(media.path)).equals(placeholderBytes)).toBe(false);
    // Other placeholders sharing the same file were left alone.
    const other = await db.media.findFirstOrThrow({ where: { legacyPath: '/2016/11/01/alalam_636135849798379447_25f_4x3.jpg' } });
    expect(fs.readFileSync(mediaFile(other.path)).equals(placeholderBytes)).toBe(true);
  });

  it('rolls back only the article whose write fails, keeping the others of its group', async () => {
    const group = path.join(dir, 'group');
    fs.mkdirSync(group);
    const picX = legacyPic(new Date('2018-01-01T00:00:00.000Z'), 'jpg');
    fs.writeFileSync(path.join(group, '800001.txt'), article('Port Reopens', ['Ships moved again.'], []));
    fs.writeFileSync(path.join(group, '800002.txt'), article('Bridge EXPLODE Test', ['This one fails in the database.'], [{ id: '800001', sort: '1', pic: picX, title: 'Port Reopens' }]));
    fs.writeFileSync(path.join(group, '800003.txt'), article('Market Opens', ['Traders returned.'], []));
    // A real database refusal, raised by the database itself on the second article's INSERT.
    if (isPostgres()) {
      await db.$executeRawUnsafe(
        `CREATE FUNCTION test_refuse() RETURNS trigger AS $$ BEGIN IF NEW."headline" LIKE '%EXPLODE%' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
      );
      await db.$executeRawUnsafe(`CREATE TRIGGER "test_refuse" BEFORE INSERT ON "Article" FOR EACH ROW EXECUTE FUNCTION test_refuse()`);
    } else {
      await db.$executeRawUnsafe(`CREATE TRIGGER "test_refuse" BEFORE INSERT ON "Article" WHEN NEW."headline" LIKE '%EXPLODE%' BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`);
    }
    try {
      const summary = await importLegacyPaths([group]);
      expect([summary.imported, summary.failed]).toEqual([2, 1]);
      expect(summary.failures[0]).toMatchObject({ source: path.join(group, '800002.txt'), line: 0 });
      // The driver adapter reports a trigger's refusal as a constraint violation.
      expect(summary.failures[0]!.reason).toMatch(/^not saved: .*(refused by test trigger|constraint)/i);
    } finally {
      if (isPostgres()) {
        await db.$executeRawUnsafe('DROP TRIGGER "test_refuse" ON "Article"');
        await db.$executeRawUnsafe('DROP FUNCTION test_refuse()');
      } else {
        await db.$executeRawUnsafe('DROP TRIGGER "test_refuse"');
      }
    }
    expect((await db.article.findMany({ where: { legacyId: { startsWith: '80000' } }, orderBy: { legacyId: 'asc' } })).map((a) => a.legacyId)).toEqual(['800001', '800003']);
    // Nothing of the failed article stayed: not its picture's media, not its links.
    expect(await db.media.count({ where: { legacyPath: picX } })).toBe(0);
    expect(await db.relatedLink.count({ where: { targetLegacyId: '800001' } })).toBe(0);
  });

  it('commits once its write-lock budget is spent, so a save behind an import waits for one article, not a group', async () => {
    const group = path.join(dir, 'budget');
    fs.mkdirSync(group);
    for (const [index, headline] of ['Ferry Resumes', 'Tunnel Opens', 'Airport Closes', 'Canal Dredged'].entries()) {
      fs.writeFileSync(path.join(group, `81000${index}.txt`), article(headline, ['Words.'], []));
    }
    // Every transaction records its pages in the outbox once: the rows count the transactions.
    const before = await db.pageRefresh.count();
    const summary = await importLegacyPaths([group], { writeLockBudgetMs: 0 });
    expect(summary.imported).toBe(4);
    expect((await db.pageRefresh.count()) - before).toBe(4);
    // The default budget still groups: four more small articles take one transaction.
    const more = path.join(dir, 'budget-more');
    fs.mkdirSync(more);
    for (const [index, headline] of ['Ferry Halts', 'Tunnel Shuts', 'Airport Reopens', 'Canal Silts'].entries()) {
      fs.writeFileSync(path.join(more, `82000${index}.txt`), article(headline, ['Words.'], []));
    }
    const again = await db.pageRefresh.count();
    expect((await importLegacyPaths([more])).imported).toBe(4);
    expect((await db.pageRefresh.count()) - again).toBe(1);
  });

  it('puts new articles in the section it is told, creating it when missing', async () => {
    const file = path.join(dir, '700001.txt');
    fs.writeFileSync(file, article('Grain Ships Leave Port', ['The first ships left on Monday.'], []));
    await importLegacyPaths([file], { section: { slug: 'middle-east', name: 'Middle East' } });
    const imported = await db.article.findUniqueOrThrow({ where: { legacyId: '700001' }, include: { section: true } });
    expect(imported.section).toMatchObject({ slug: 'middle-east', name: 'Middle East' });
  });

  it('stores an article dated ahead as scheduled, which the due work publishes at its time', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const file = path.join(dir, '700002.txt');
    fs.writeFileSync(file, legacyFileText({ title: 'Harbour Opens Next Year', dateline: { year, month: 1, day: 2, hour: 3, minute: 4, second: 5 }, paragraphs: ['Not yet.'], related: [] }));
    await importLegacyPaths([file], {});
    const arrived = await db.article.findUniqueOrThrow({ where: { legacyId: '700002' }, select: { id: true, status: true, publishedAt: true } });
    expect(arrived.status).toBe('scheduled');
    const due = await runDueWork(new Date(arrived.publishedAt!.getTime() + 1));
    expect(due.published).toContain(arrived.id);
    expect((await db.article.findUniqueOrThrow({ where: { id: arrived.id } })).status).toBe('published');
  });

  it('stores every body as paragraphs of text, for every XSS vector, and holds headlines to the newsroom schema', async () => {
    const folder = path.join(dir, 'hostile');
    fs.mkdirSync(folder);
    xssVectors.forEach((vector, index) => {
      fs.writeFileSync(path.join(folder, `${900001 + index}.txt`), article(`Vector Number ${index + 1}`, [`Before ${vector} after.`, `"Quoted" & 'single' <b>not bold</b>`], []));
    });
    fs.writeFileSync(path.join(folder, '910001.txt'), article('Port\u0000 Reopens', ['A NUL in the headline.'], []));
    fs.writeFileSync(path.join(folder, '910002.txt'), article(`Long ${'x'.repeat(300)}`, ['A headline over 300 characters.'], []));
    const summary = await importLegacyPaths([folder]);
    for (const [index, vector] of xssVectors.entries()) {
      const stored = await db.article.findUniqueOrThrow({ where: { legacyId: String(900001 + index) }, select: { body: true, bodyText: true } });
      // Paragraph blocks of text, nothing else: markup in the archive is text, never read as HTML.
      const body = bodyDocumentSchema.parse(stored.body);
      expect(body.blocks.map((block) => block.type), vector).toEqual(['paragraph', 'paragraph']);
      expect(stored.bodyText, vector).toBe(bodyPlainText(body));
      // The words survive as text, as written (the parser joins a paragraph's lines with a space).
      expect(stored.bodyText.replace(/\s+/g, ' '), vector).toContain(`Before ${vector} after.`.replace(/\s+/g, ' '));
      expect(stored.bodyText, vector).toContain(`"Quoted" & 'single' <b>not bold</b>`);
    }
    expect(summary.failures.map((failure) => [path.basename(failure.source), failure.line, failure.reason])).toEqual([
      ['910001.txt', 1, 'headline: A headline cannot hold a NUL character.'],
      ['910002.txt', 1, 'headline: At most 300 characters: this headline has 305.'],
    ]);
    expect(summary.imported).toBe(xssVectors.length);
  });
});
