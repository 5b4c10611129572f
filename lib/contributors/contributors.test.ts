// Contributor profiles and bylines against a real database (SQLite, and PostgreSQL with
// LEDE_TEST_DATABASE=postgres): the commands with their role checks, the article byline, the author
// page's keyset paging, the resolver's /author/ answers and the conversion of free-text bylines.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createArticle, updateArticle } from '@/lib/articles/commands/save';
import { ArticleCommandError } from '@/lib/articles/commands/result';
import { CommandError } from '@/lib/commands/error';
import { carryOutPageRefreshes } from '@/lib/cache/outbox';
import { contributorMessages, createContributor, setContributorRetired, updateContributor } from '@/lib/contributors/commands';
import { convertStoredBylines } from '@/lib/contributors/convert-bylines';
import { findContributors, listAuthorsForSitemap, loadAuthorPage, readByline } from '@/lib/contributors/queries';
import { PAGE_SIZE } from '@/lib/articles/cursor';
import { profileLinkMessages } from '@/lib/contributors/links';
import { resolvePublicPath } from '@/lib/routing/resolve-path';
import { forgetAllAnswers } from '@/lib/routing/known-answers';
import { makeArticle, makeContributor } from '@/testing/rows';

let editor: { id: number; role: 'editor' };
let writer: { id: number; role: 'writer' };
let sectionId: number;
let photoId: number;

beforeAll(async () => {
  editor = { id: (await db.user.create({ data: { email: 'people-editor@example.org', role: 'editor', passwordHash: 'x' } })).id, role: 'editor' };
  writer = { id: (await db.user.create({ data: { email: 'people-writer@example.org', role: 'writer', passwordHash: 'x' } })).id, role: 'writer' };
  sectionId = (await db.section.create({ data: { slug: 'people-desk', name: 'People desk' } })).id;
  photoId = (await db.media.create({ data: { kind: 'image', path: 'people/portrait.jpg', mimeType: 'image/jpeg', width: 400, height: 400, alt: 'A portrait' } })).id;
});

beforeEach(() => forgetAllAnswers());

async function refusal(work: Promise<unknown>): Promise<CommandError> {
  const error = await work.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(CommandError);
  return error as CommandError;
}

describe('contributor commands', () => {
  it('an editor adds a profile: slug from the name, links normalised, an audit entry; no page to refresh yet', async () => {
    const refreshes = await db.pageRefresh.count();
    const created = await createContributor(editor, { name: '  Sara   Ahmadi ', jobTitle: 'Correspondent', bio: 'One.\r\n\r\n\r\nTwo.', photoId: String(photoId), x: '@sara_a', mastodon: '@sara@journa.host', bluesky: 'sara.bsky.social', website: '' });
    expect(created.slug).toBe('sara-ahmadi');
    expect(await db.contributor.findUniqueOrThrow({ where: { id: created.id }, select: { name: true, bio: true, x: true, mastodon: true, bluesky: true, photoId: true } })).toEqual({
      name: 'Sara Ahmadi', bio: 'One.\n\nTwo.', x: 'https://x.com/sara_a', mastodon: 'https://journa.host/@sara', bluesky: 'https://bsky.app/profile/sara.bsky.social', photoId,
    });
    expect(await db.auditEntry.count({ where: { action: 'contributor.created', targetType: 'contributor', targetId: String(created.id), actorId: editor.id } })).toBe(1);
    expect(await db.pageRefresh.count()).toBe(refreshes);
    // A second Sara Ahmadi gets the next free slug; a Persian name keeps its script.
    expect((await createContributor(editor, { name: 'Sara Ahmadi' })).slug).toBe('sara-ahmadi-2');
    expect((await createContributor(editor, { name: 'سارا احمدی' })).slug).toBe('سارا-احمدی');
  });

  it('a writer cannot add, edit, retire or restore a profile: refused inside each command, nothing written', async () => {
    const target = await makeContributor({ name: 'Untouched' });
    const before = [await db.contributor.count(), await db.auditEntry.count(), await db.pageRefresh.count()];
    for (const work of [
      createContributor(writer, { name: 'Sneaky' }),
      updateContributor(writer, { id: target.id, name: 'Changed' }),
      setContributorRetired(writer, { id: target.id }, true),
      setContributorRetired(writer, { id: target.id }, false),
    ]) {
      const error = await refusal(work);
      expect([error.kind, error.message]).toEqual(['forbidden', contributorMessages.role]);
    }
    expect([await db.contributor.count(), await db.auditEntry.count(), await db.pageRefresh.count()]).toEqual(before);
    expect((await db.contributor.findUniqueOrThrow({ where: { id: target.id } })).name).toBe('Untouched');
  });

  it('refuses bad input with the field\'s message and writes nothing: a link, a video as photo, a taken account or slug', async () => {
    const video = await db.media.create({ data: { kind: 'video', path: 'people/clip.mp4', mimeType: 'video/mp4' } });
    const linked = await createContributor(editor, { name: 'Linked Person', userId: String(writer.id) });
    const before = await db.contributor.count();
    expect((await refusal(createContributor(editor, { name: 'A', x: 'https://evil.example/a' }))).fields).toEqual({ x: profileLinkMessages.x });
    expect((await refusal(createContributor(editor, { name: 'A', website: 'javascript:alert(1)' }))).fields).toEqual({ website: profileLinkMessages.website });
    expect((await refusal(createContributor(editor, { name: '   ' }))).fields.name).toBeDefined();
    expect((await refusal(createContributor(editor, { name: 'A', photoId: String(video.id) }))).fields).toEqual({ photoId: contributorMessages.photo });
    expect((await refusal(createContributor(editor, { name: 'A', userId: String(writer.id) }))).fields).toEqual({ userId: contributorMessages.accountTaken });
    expect((await refusal(createContributor(editor, { name: 'A', slug: linked.slug }))).fields).toEqual({ slug: contributorMessages.slugTaken });
    expect((await refusal(createContributor(editor, { name: 'A', bio: 'x'.repeat(601) }))).fields.bio).toBe('At most 600 characters.');
    expect(await db.contributor.count()).toBe(before);
  });

  it('a rename keeps the old address (301), expires the profile wherever it shows, and is audited', async () => {
    const person = await createContributor(editor, { name: 'Tom Li' });
    const refreshes = await db.pageRefresh.count();
    await updateContributor(editor, { id: person.id, name: 'Tom Li', slug: 'tom-li-reports', jobTitle: 'Data editor' });
    expect(await db.contributorSlug.findMany({ where: { contributorId: person.id }, select: { slug: true } })).toEqual([{ slug: 'tom-li' }]);
    const rows = await db.pageRefresh.findMany({ orderBy: { id: 'asc' }, skip: refreshes });
    expect(rows.map((row) => JSON.parse(row.tags))).toEqual([[`contributor:${person.id}`, `author:${person.id}`, 'feeds', 'sitemaps']]);
    expect(await db.auditEntry.findFirst({ where: { action: 'contributor.edited', targetId: String(person.id) }, select: { detail: true } })).toEqual({ detail: 'Tom Li (/author/tom-li → /author/tom-li-reports)' });
    // The resolver: the new slug is the page, the old one moves there (its later pages too), an unknown one is a 404.
    await makeArticle({ sectionId, contributorIds: [person.id] });
    await carryOutPageRefreshes();
    expect(await resolvePublicPath('GET', '/author/tom-li-reports')).toEqual({ kind: 'page' });
    expect(await resolvePublicPath('GET', '/author/tom-li')).toEqual({ kind: 'moved', location: '/author/tom-li-reports' });
    expect(await resolvePublicPath('GET', '/author/tom-li/older/1700000000000-5')).toEqual({ kind: 'moved', location: '/author/tom-li-reports/older/1700000000000-5' });
    expect(await resolvePublicPath('GET', '/author/nobody-at-all')).toEqual({ kind: 'missing' });
    expect(await resolvePublicPath('GET', '/author/tom-li-reports/older/not-a-cursor')).toEqual({ kind: 'missing' });
    // Going back to the old slug frees it.
    await updateContributor(editor, { id: person.id, name: 'Tom Li', slug: 'tom-li' });
    expect(await db.contributorSlug.findMany({ where: { contributorId: person.id }, select: { slug: true }, orderBy: { slug: 'asc' } })).toEqual([{ slug: 'tom-li-reports' }]);
  });

  it('a retired contributor is no longer offered for bylines; restored, it is again', async () => {
    const person = await createContributor(editor, { name: 'Retiring Reporter' });
    expect((await findContributors('Retiring')).map((one) => one.id)).toEqual([person.id]);
    await setContributorRetired(editor, { id: person.id }, true);
    expect(await findContributors('Retiring')).toEqual([]);
    expect((await refusal(setContributorRetired(editor, { id: person.id }, true))).message).toBe(contributorMessages.retired);
    await setContributorRetired(editor, { id: person.id }, false);
    expect((await findContributors('Retiring')).map((one) => one.id)).toEqual([person.id]);
    expect(await db.auditEntry.count({ where: { targetId: String(person.id), action: { in: ['contributor.retired', 'contributor.restored'] } } })).toBe(2);
  });
});

describe('the byline of an article', () => {
  it('keeps the order given, in the article, its revision and its refresh; a reorder expires both author pages', async () => {
    const [a, b] = [await makeContributor({ name: 'First Writer' }), await makeContributor({ name: 'Second Writer' })];
    const created = await createArticle(editor, { headline: 'Two bylines', sectionId, contributors: `${b.id},${a.id}` });
    const byline = async () => (await db.articleContributor.findMany({ where: { articleId: created.id }, orderBy: { position: 'asc' }, select: { contributorId: true } })).map((row) => row.contributorId);
    expect(await byline()).toEqual([b.id, a.id]);
    await db.article.update({ where: { id: created.id }, data: { status: 'published', publishedAt: new Date(Date.now() - 60_000) } });
    const refreshes = await db.pageRefresh.count();
    const saved = await updateArticle(editor, created.id, { headline: 'Two bylines', sectionId, contributors: [a.id, b.id], version: 1 });
    expect(saved.ok).toBe(true);
    expect(await byline()).toEqual([a.id, b.id]);
    const snapshot = (await db.revision.findFirstOrThrow({ where: { articleId: created.id }, orderBy: { version: 'desc' } })).snapshot as { contributors: number[] };
    expect(snapshot.contributors).toEqual([a.id, b.id]);
    const tags = (await db.pageRefresh.findMany({ skip: refreshes })).flatMap((row) => JSON.parse(row.tags) as string[]);
    expect(tags).toEqual(expect.arrayContaining([`author:${a.id}`, `author:${b.id}`]));
    expect((await readByline([a.id, b.id])).map((entry) => [entry.name, entry.path])).toEqual([['First Writer', `/author/${a.slug}`], ['Second Writer', `/author/${b.slug}`]]);
  });

  it('refuses a contributor that does not exist, on the byline field, and a byline that is not ids', async () => {
    const error = await createArticle(editor, { headline: 'Ghost byline', sectionId, contributors: '2147483000' }).then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArticleCommandError);
    expect((error as ArticleCommandError).fields).toEqual({ contributors: contributorMessages.byline });
    const bad = await createArticle(editor, { headline: 'Bad byline', sectionId, contributors: '1,abc' }).then(() => null, (caught: unknown) => caught);
    expect((bad as ArticleCommandError).fields.contributors).toBe('The byline could not be read. Reload the page and pick the contributors again.');
    expect(await db.article.count({ where: { headline: { in: ['Ghost byline', 'Bad byline'] } } })).toBe(0);
  });
});

describe('the author page', () => {
  it('lists their public articles newest first, a keyset page at a time, older and back newer', async () => {
    const person = await makeContributor({ name: 'Prolific Writer' });
    const other = await makeContributor({ name: 'Someone Else' });
    const ids: number[] = [];
    for (let n = 0; n < PAGE_SIZE + 5; n += 1) {
      ids.push((await makeArticle({ sectionId, contributorIds: n % 2 ? [other.id, person.id] : [person.id], publishedAt: new Date(Date.UTC(2025, 0, 1, 0, n)) })).id);
    }
    await makeArticle({ sectionId, contributorIds: [person.id], status: 'draft', publishedAt: null });
    await makeArticle({ sectionId, contributorIds: [other.id] });
    const first = (await loadAuthorPage(person.id, null, 'older'))!;
    expect(first.contributor.name).toBe('Prolific Writer');
    expect(first.page.articles.map((card) => card.id)).toEqual(ids.toReversed().slice(0, PAGE_SIZE));
    expect(first.page.newerCursor).toBeNull();
    const second = (await loadAuthorPage(person.id, first.page.olderCursor, 'older'))!;
    expect(second.page.articles.map((card) => card.id)).toEqual(ids.toReversed().slice(PAGE_SIZE));
    expect(second.page.olderCursor).toBeNull();
    const back = (await loadAuthorPage(person.id, second.page.newerCursor, 'newer'))!;
    expect(back.page.articles.map((card) => card.id)).toEqual(ids.toReversed().slice(0, PAGE_SIZE));
    expect(await loadAuthorPage(person.id, 'not-a-cursor', 'older')).toBeNull();
    // The sitemap lists an author with a public article, lastmod the newer of profile and story.
    const listed = (await listAuthorsForSitemap()).find((entry) => entry.path === `/author/${person.slug}`);
    expect(listed).toBeDefined();
  });
});

describe('convertStoredBylines (free-text bylines of before contributors)', () => {
  it('makes or reuses contributors by name, in the byline\'s order, and leaves nothing waiting', async () => {
    const existing = await makeContributor({ name: 'Mei Chen' });
    const one = await makeArticle({ sectionId });
    const two = await makeArticle({ sectionId });
    const three = await makeArticle({ sectionId });
    await db.articleBylineText.createMany({
      data: [
        { articleId: one.id, byline: 'By Zara Quill and MEI  CHEN in Cairo' },
        { articleId: two.id, byline: 'Staff and agencies' },
        { articleId: three.id, byline: 'Zara Quill' },
      ],
    });
    const result = await convertStoredBylines({ batchSize: 2 });
    expect(result).toEqual({ articles: 3, contributorsMade: 2, placesDropped: 1 });
    const bylineOf = async (articleId: number) =>
      (await db.articleContributor.findMany({ where: { articleId }, orderBy: { position: 'asc' }, select: { contributor: { select: { name: true, id: true } } } })).map((row) => row.contributor);
    const zara = (await bylineOf(three.id))[0]!;
    // "MEI  CHEN" is an existing contributor's name, case and spacing aside: that contributor.
    expect((await bylineOf(one.id)).map((row) => row.name)).toEqual(['Zara Quill', 'Mei Chen']);
    expect((await bylineOf(one.id))[1]!.id).toBe(existing.id);
    expect((await bylineOf(two.id)).map((row) => row.name)).toEqual(['Staff and agencies']);
    expect((await bylineOf(one.id))[0]!.id).toBe(zara.id);
    expect(await db.articleBylineText.count()).toBe(0);
    // Run again: nothing waits, nothing changes.
    expect(await convertStoredBylines()).toEqual({ articles: 0, contributorsMade: 0, placesDropped: 0 });
  });
});

describe('restoring a revision', () => {
  it('restores the byline it saved, and keeps the current one for a revision saved before contributors', async () => {
    const { restoreRevision } = await import('@/lib/revisions/restore');
    const [a, b] = [await makeContributor({ name: 'Restore One' }), await makeContributor({ name: 'Restore Two' })];
    const created = await createArticle(editor, { headline: 'Restorable', sectionId, contributors: [a.id] });
    await updateArticle(editor, created.id, { headline: 'Restorable', sectionId, contributors: [b.id, a.id], version: 1 });
    const byline = async () => (await db.articleContributor.findMany({ where: { articleId: created.id }, orderBy: { position: 'asc' }, select: { contributorId: true } })).map((row) => row.contributorId);
    expect((await restoreRevision(editor, created.id, 1, 2)).ok).toBe(true);
    expect(await byline()).toEqual([a.id]);
    // Version 1's snapshot as an upgraded site has it: a free-text byline, no contributors.
    const revision = await db.revision.findUniqueOrThrow({ where: { articleId_version: { articleId: created.id, version: 2 } } });
    const { contributors: _ids, ...old } = revision.snapshot as Record<string, unknown>;
    await db.revision.update({ where: { id: revision.id }, data: { snapshot: { ...old, byline: 'Restore Two and Restore One' } } });
    expect((await restoreRevision(editor, created.id, 2, 3)).ok).toBe(true);
    expect(await byline()).toEqual([a.id]);
  });
});
