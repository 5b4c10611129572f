import { beforeAll, describe, expect, it } from 'vitest';
import { addCorrection, setBreaking } from '@/lib/articles/commands/notes';
import { addRelatedArticle, addRelatedUrl, moveRelatedLink, removeRelatedLink } from '@/lib/articles/commands/related';
import { ArticleCommandError, type Actor } from '@/lib/articles/commands/result';
import { createArticle, updateArticle } from '@/lib/articles/commands/save';
import { publishArticle, scheduleArticle, unpublishArticle } from '@/lib/articles/commands/status';
import { deleteArticle, listDeletedArticles, restoreArticle } from '@/lib/articles/commands/trash';
import { db } from '@/lib/db/client';
import { diffSnapshots } from '@/lib/revisions/diff';
import { getRevision, listRevisions } from '@/lib/revisions/queries';
import { restoreRevision } from '@/lib/revisions/restore';

let writer: Actor;
let otherWriter: Actor;
let editor: Actor;
let editor2: Actor;
let world: number;
let sport: number;

const paragraph = (text: string) => JSON.stringify({ version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const base = () => ({ headline: 'Budget vote delayed', kicker: 'Politics', standfirst: 'MPs will vote next week.', body: paragraph('Text'), sectionId: world, tags: 'Budget, Parliament' });

async function rejects(promise: Promise<unknown>, kind: ArticleCommandError['kind']) {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ArticleCommandError);
  expect((error as ArticleCommandError).kind).toBe(kind);
  return error as ArticleCommandError;
}

beforeAll(async () => {
  const make = async (email: string, role: 'writer' | 'editor') => ({ id: (await db.user.create({ data: { email, role, passwordHash: 'x' } })).id, role });
  writer = await make('w@example.org', 'writer');
  otherWriter = await make('w2@example.org', 'writer');
  editor = await make('e@example.org', 'editor');
  editor2 = await make('e2@example.org', 'editor');
  world = (await db.section.create({ data: { slug: 'world', name: 'World' } })).id;
  sport = (await db.section.create({ data: { slug: 'sport', name: 'Sport' } })).id;
});

describe('create and edit', () => {
  it('creates a draft with a slug from the headline, tags, a revision and an audit entry', async () => {
    const { id, version, slug } = await createArticle(writer, { ...base(), body: paragraph('Hi <script>alert(1)</script> there'), language: 'FA' });
    expect(version).toBe(1);
    expect(slug).toBe('budget-vote-delayed');
    const row = await db.article.findUniqueOrThrow({ where: { id }, include: { tags: { include: { tag: true }, orderBy: { position: 'asc' } } } });
    // Markup in text is text: stored as typed, never read as HTML.
    expect(row.body).toEqual({ version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi <script>alert(1)</script> there' }] }] });
    expect(row.bodyText).toBe('Hi <script>alert(1)</script> there');
    expect(row.wordCount).toBe(6); // Hi, script, alert, 1, script, there
    expect(row.language).toBe('fa');
    expect(row.status).toBe('draft');
    expect(row.authorId).toBe(writer.id);
    expect(row.tags.map((t) => t.tag.name)).toEqual(['Budget', 'Parliament']);
    expect((await listRevisions(id, editor)).map((r) => r.note)).toEqual(['Created']);
    expect(await db.auditEntry.count({ where: { action: 'article.created', targetId: String(id) } })).toBe(1);
    // A second article with the same headline gets the next free slug.
    expect((await createArticle(writer, base())).slug).toBe('budget-vote-delayed-2');
    // A Persian headline keeps its script (issue 12), the next one with the same headline gets -2.
    expect((await createArticle(writer, { ...base(), headline: 'گزارش ویژه', language: 'fa' })).slug).toBe('گزارش-ویژه');
    expect((await createArticle(writer, { ...base(), headline: 'گزارش ویژه' })).slug).toBe('گزارش-ویژه-2');
  });

  it('refuses invalid input with messages per field', async () => {
    const error = await rejects(createArticle(writer, { ...base(), headline: '', sectionId: 999_999 }), 'invalid');
    expect(error.fields.headline).toBe('Write a headline.');
    const missing = await rejects(createArticle(writer, { ...base(), sectionId: 999_999 }), 'invalid');
    expect(missing.fields.sectionId).toBe('Choose a section.');
    const badSlug = await rejects(createArticle(writer, { ...base(), slug: 'older' }), 'invalid');
    expect(badSlug.fields.slug).toMatch(/reserved/);
    const notJson = await rejects(createArticle(writer, { ...base(), body: '<p>HTML is not a body</p>' }), 'invalid');
    expect(notJson.fields.body).toBe('The body could not be read (it is not a JSON document of blocks). Reload the page and try again.');
    const noAlt = await rejects(createArticle(writer, { ...base(), body: { version: 1, blocks: [{ type: 'divider' }, { type: 'picture', mediaId: 1, alt: ' ' }] } }), 'invalid');
    expect(noAlt.fields.body).toBe('Block 2: Describe the picture for readers who cannot see it (alt text is required).');
    const unknown = await rejects(createArticle(writer, { ...base(), body: { version: 1, blocks: [{ type: 'html', html: '<b>x</b>' }] } }), 'invalid');
    expect(unknown.fields.body).toBe('Block 1: This kind of block is not one Lede knows, or it is incomplete.');
    const language = await rejects(createArticle(writer, { ...base(), language: 'not a language' }), 'invalid');
    expect(language.fields.language).toMatch(/^Give a language code such as en, fa/);
  });

  it('lets writers edit only their own drafts', async () => {
    const { id } = await createArticle(writer, base());
    // Another writer may not even read it: it answers as if it did not exist (decision 0010).
    await rejects(updateArticle(otherWriter, id, { ...base(), version: 1 }), 'not-found');
    const saved = await updateArticle(writer, id, { ...base(), headline: 'Budget vote delayed again', slug: 'budget-vote-delayed-again', version: 1 });
    expect(saved).toMatchObject({ ok: true, version: 2, change: null });
    await publishArticle(editor, id);
    await rejects(updateArticle(writer, id, { ...base(), version: 3 }), 'forbidden');
  });
});

describe('optimistic locking', () => {
  it('refuses a save made on an old version and hands back the other version; nothing is lost', async () => {
    const { id } = await createArticle(editor, base());
    const first = await updateArticle(editor, id, { ...base(), headline: 'Editor one was here', version: 1 });
    expect(first.ok).toBe(true);
    const second = await updateArticle(editor2, id, { ...base(), headline: 'Editor two was here', version: 1 });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.conflict.version).toBe(2);
    expect(second.conflict.snapshot.headline).toBe('Editor one was here');
    expect(second.conflict.savedBy).toBe('e@example.org');
    expect((await db.article.findUniqueOrThrow({ where: { id } })).headline).toBe('Editor one was here');
    // Editor two saves theirs on top, knowingly: both versions remain in the history.
    const resolved = await updateArticle(editor2, id, { ...base(), headline: 'Editor two was here', version: second.conflict.version });
    expect(resolved).toMatchObject({ ok: true, version: 3 });
    const history = await Promise.all([1, 2, 3].map((v) => getRevision(id, v, editor)));
    expect(history.map((r) => r?.snapshot.headline)).toEqual(['Budget vote delayed', 'Editor one was here', 'Editor two was here']);
  });

  it('saves mine over theirs keeping their change to a field I did not edit (three-way merge on the version I opened)', async () => {
    const { id } = await createArticle(editor, base());
    // B changes the standfirst and saves; A, on the same version 1, changes the headline.
    expect(await updateArticle(editor2, id, { ...base(), standfirst: 'MPs will vote on Thursday, says the Speaker.', version: 1 })).toMatchObject({ ok: true, version: 2 });
    const mine = { ...base(), headline: 'Budget vote delayed to Thursday' };
    const refused = await updateArticle(editor, id, { ...mine, version: 1 });
    expect(refused.ok).toBe(false);
    // "Save mine over theirs": on their version, naming the version my form was opened on.
    expect(await updateArticle(editor, id, { ...mine, version: 2, baseVersion: 1 })).toMatchObject({ ok: true, version: 3 });
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect({ headline: row.headline, standfirst: row.standfirst }).toEqual({ headline: 'Budget vote delayed to Thursday', standfirst: 'MPs will vote on Thursday, says the Speaker.' });
    // Where both of us changed a field, mine wins: that is what the button says.
    await updateArticle(editor2, id, { ...base(), headline: 'Theirs', standfirst: 'MPs will vote on Thursday, says the Speaker.', version: 3 });
    await updateArticle(editor, id, { ...mine, headline: 'Mine', version: 4, baseVersion: 3 });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).headline).toBe('Mine');
  });

  it('lets exactly one of two simultaneous saves of the same version win', async () => {
    const { id } = await createArticle(editor, base());
    const results = await Promise.all([
      updateArticle(editor, id, { ...base(), headline: 'A', version: 1 }),
      updateArticle(editor2, id, { ...base(), headline: 'B', version: 1 }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(1);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).version).toBe(2);
  });
});

describe('publishing', () => {
  it('forbids writers to publish, schedule or unpublish', async () => {
    const { id } = await createArticle(writer, base());
    await rejects(publishArticle(writer, id), 'forbidden');
    await rejects(scheduleArticle(writer, id, new Date(Date.now() + 60_000)), 'forbidden');
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe('draft');
  });

  it('publishes with a dateline, describes the pages it touches, and audits it', async () => {
    const { id } = await createArticle(writer, base());
    const { change } = await publishArticle(editor, id);
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('published');
    expect(row.publishedAt).not.toBeNull();
    expect(change?.sectionSlugs).toEqual(['world']);
    expect(change?.tagSlugs).toEqual(['budget', 'parliament']);
    expect(change?.paths).toContain(`/world/${row.slug}`);
    expect(await db.auditEntry.count({ where: { action: 'article.published', targetId: String(id), actorId: editor.id } })).toBe(1);
  });

  it('keeps the old slug of a published article (for a 301) and refreshes old and new section, tags and paths', async () => {
    const { id, slug } = await createArticle(editor, { ...base(), headline: 'Moving story' });
    await publishArticle(editor, id);
    const version = (await db.article.findUniqueOrThrow({ where: { id } })).version;
    const saved = await updateArticle(editor, id, { ...base(), headline: 'Moving story', slug: 'moved-story', sectionId: sport, tags: 'Football', version });
    if (!saved.ok) throw new Error('conflict');
    expect(await db.articleSlug.findUnique({ where: { slug } })).toMatchObject({ articleId: id });
    expect([...(saved.change?.sectionSlugs ?? [])].sort()).toEqual(['sport', 'world']);
    expect([...(saved.change?.tagSlugs ?? [])].sort()).toEqual(['budget', 'football', 'parliament']);
    expect(saved.change?.paths).toEqual(expect.arrayContaining([`/world/${slug}`, '/sport/moved-story']));
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row.modifiedAt!.getTime()).toBeGreaterThanOrEqual(row.publishedAt!.getTime());
    // Nobody else can take the old slug.
    const taken = await rejects(createArticle(editor, { ...base(), slug }), 'invalid');
    expect(taken.fields.slug).toMatch(/uses \(or used\)/);
  });

  it('schedules for the future only, and unpublishing a scheduled article makes it a draft again', async () => {
    const { id } = await createArticle(editor, base());
    await rejects(scheduleArticle(editor, id, new Date(Date.now() - 1000)), 'invalid');
    const at = new Date(Date.now() + 3_600_000);
    const scheduled = await scheduleArticle(editor, id, at);
    expect(scheduled.change).toBeNull();
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('scheduled');
    expect(row.publishedAt?.toISOString()).toBe(at.toISOString());
    await unpublishArticle(editor, id);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe('draft');
  });

  it('unpublishes a published article and ends its breaking flag', async () => {
    const { id } = await createArticle(editor, base());
    await publishArticle(editor, id);
    await setBreaking(editor, id, new Date(Date.now() + 3_600_000));
    const { change } = await unpublishArticle(editor, id);
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('unpublished');
    expect(row.breakingUntil).toBeNull();
    expect(change?.breaking).toBe(true);
    await rejects(unpublishArticle(editor, id), 'invalid');
  });

  it('refuses to publish a version the editor has not seen', async () => {
    const { id } = await createArticle(editor, base());
    await updateArticle(editor2, id, { ...base(), headline: 'Changed', version: 1 });
    await rejects(publishArticle(editor, id, 1), 'conflict');
  });
});

describe('corrections and breaking news', () => {
  it('adds a dated correction that moves the modified time', async () => {
    const { id } = await createArticle(editor, base());
    await rejects(addCorrection(editor, id, { note: 'Too early' }), 'invalid');
    await publishArticle(editor, id);
    const before = (await db.article.findUniqueOrThrow({ where: { id } })).modifiedAt!;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await rejects(addCorrection(writer, id, { note: 'Not allowed' }), 'forbidden');
    const { change } = await addCorrection(editor, id, { note: 'An earlier version misspelt the minister’s name.' });
    const row = await db.article.findUniqueOrThrow({ where: { id }, include: { corrections: true } });
    expect(row.corrections.map((c) => c.note)).toEqual(['An earlier version misspelt the minister’s name.']);
    expect(row.modifiedAt!.getTime()).toBeGreaterThan(before.getTime());
    expect(change?.articleId).toBe(id);
  });

  it('flags breaking news until a future time and asks for the banner to refresh', async () => {
    const { id } = await createArticle(editor, base());
    await rejects(setBreaking(editor, id, new Date(Date.now() + 60_000)), 'invalid');
    await publishArticle(editor, id);
    await rejects(setBreaking(editor, id, new Date(Date.now() - 60_000)), 'invalid');
    const until = new Date(Date.now() + 60_000);
    const { change } = await setBreaking(editor, id, until);
    expect(change?.breaking).toBe(true);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).breakingUntil?.toISOString()).toBe(until.toISOString());
    await setBreaking(editor, id, null);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).breakingUntil).toBeNull();
  });
});

describe('related links', () => {
  it('adds articles and URLs, reorders and removes them, keeping positions dense', async () => {
    const { id } = await createArticle(editor, base());
    const a = await createArticle(editor, { ...base(), headline: 'Target A' });
    const b = await createArticle(editor, { ...base(), headline: 'Target B' });
    await addRelatedArticle(editor, id, { targetArticleId: a.id });
    await rejects(addRelatedArticle(editor, id, { targetArticleId: a.id }), 'invalid');
    await rejects(addRelatedArticle(editor, id, { targetArticleId: id }), 'invalid');
    await addRelatedArticle(editor, id, { targetArticleId: b.id });
    const url = await addRelatedUrl(editor, id, { url: 'https://example.org/report', title: 'The report', kicker: 'PDF' });
    await rejects(addRelatedUrl(editor, id, { url: 'javascript:alert(1)', title: 'x' }), 'invalid');
    await rejects(addRelatedUrl(editor, id, { url: 'data:text/html,<script>alert(1)</script>', title: 'x' }), 'invalid');
    const order = async () => (await db.relatedLink.findMany({ where: { articleId: id }, orderBy: { position: 'asc' } })).map((l) => l.title || String(l.targetArticleId));
    expect(await order()).toEqual([String(a.id), String(b.id), 'The report']);
    await moveRelatedLink(editor, id, { linkId: url.id, direction: 'up' });
    expect(await order()).toEqual([String(a.id), 'The report', String(b.id)]);
    await moveRelatedLink(editor, id, { linkId: url.id, direction: 'up' });
    await moveRelatedLink(editor, id, { linkId: url.id, direction: 'up' });
    expect(await order()).toEqual(['The report', String(a.id), String(b.id)]);
    const first = await db.relatedLink.findFirstOrThrow({ where: { articleId: id, targetArticleId: a.id } });
    await removeRelatedLink(editor, id, { linkId: first.id });
    const rest = await db.relatedLink.findMany({ where: { articleId: id }, orderBy: { position: 'asc' } });
    expect(rest.map((l) => l.position)).toEqual([0, 1]);
    await rejects(removeRelatedLink(otherWriter, id, { linkId: rest[0]!.id }), 'not-found');
  });
});

describe('revisions', () => {
  it('diffs two versions and restores an old one as a new version', async () => {
    const { id } = await createArticle(editor, { ...base(), body: paragraph('The minister said yes.') });
    await updateArticle(editor, id, { ...base(), headline: 'Budget vote delayed once more', body: paragraph('The minister said no.'), version: 1 });
    const [one, two] = await Promise.all([getRevision(id, 1, editor), getRevision(id, 2, editor)]);
    const diff = diffSnapshots(one!.snapshot, two!.snapshot);
    // A draft's slug follows its headline when the form leaves the slug empty.
    expect(diff.map((d) => d.field)).toEqual(['headline', 'body', 'slug']);
    const body = diff.find((d) => d.field === 'body')!;
    expect(body.parts.filter((p) => p.kind !== 'same')).toEqual([{ kind: 'removed', text: 'yes.' }, { kind: 'added', text: 'no.' }]);
    const restored = await restoreRevision(editor, id, 1, 2);
    expect(restored).toMatchObject({ ok: true, version: 3 });
    const row = await db.article.findUniqueOrThrow({ where: { id } });
    expect(row.headline).toBe('Budget vote delayed');
    expect(row.bodyText).toBe('The minister said yes.');
    expect((await listRevisions(id, editor)).map((r) => r.note)).toEqual(['Restored version 1', 'Edited', 'Created']);
    // Restoring on a stale version is a conflict like any other save.
    expect((await restoreRevision(editor, id, 2, 2)).ok).toBe(false);
  });
});

describe('delete and restore', () => {
  it('archives a deleted article in the audit log and restores it whole, as a draft under the same id', async () => {
    const { id, slug } = await createArticle(editor, base());
    const target = await createArticle(editor, { ...base(), headline: 'Linked' });
    await addRelatedArticle(editor, id, { targetArticleId: target.id });
    await publishArticle(editor, id);
    await addCorrection(editor, id, { note: 'A correction to keep.' });
    await rejects(deleteArticle(writer, id), 'forbidden');
    const { change } = await deleteArticle(editor, id);
    expect(change?.paths).toContain(`/world/${slug}`);
    expect(await db.article.findUnique({ where: { id } })).toBeNull();
    expect((await listDeletedArticles()).map((d) => d.articleId)).toContain(id);
    await restoreArticle(editor, id);
    const row = await db.article.findUniqueOrThrow({ where: { id }, include: { relatedLinks: true, corrections: true, revisions: true, tags: true } });
    expect(row.status).toBe('draft');
    expect(row.slug).toBe(slug);
    expect(row.relatedLinks.map((l) => l.targetArticleId)).toEqual([target.id]);
    expect(row.corrections).toHaveLength(1);
    expect(row.tags).toHaveLength(2);
    expect(row.revisions.length).toBeGreaterThanOrEqual(3);
    expect((await listDeletedArticles()).map((d) => d.articleId)).not.toContain(id);
    expect(await db.auditEntry.count({ where: { action: { in: ['article.deleted', 'article.restored'] }, targetId: String(id) } })).toBe(2);
  });
});
