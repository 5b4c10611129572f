import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { loadHomeFront, loadSectionFront } from '@/lib/articles/queries';
import { unpublishArticle, publishArticle, scheduleArticle } from '@/lib/articles/commands/status';
import { deleteArticle } from '@/lib/articles/commands/trash';
import { tagsForArticleChange } from '@/lib/cache/refresh';
import { saveFront } from '@/lib/fronts/commands';
import { loadNewsroomSlots, listFrontsForNewsroom } from '@/lib/fronts/queries';
import { frontMessages } from '@/lib/fronts/schema';
import { makeArticle, makeImage, makeSection, makeVideo } from '@/testing/rows';

let editor: { id: number; role: 'editor' };
let world: number;
let sport: number;
const a: number[] = [];

const counts = async () => [await db.frontSlot.count(), await db.auditEntry.count(), await db.pageRefresh.count()];
const headlines = async () => {
  const front = await loadHomeFront();
  return [front.lead, ...front.top, ...front.latest].map((story) => story!.id);
};

beforeAll(async () => {
  editor = { id: (await db.user.create({ data: { email: 'fronts@example.org', role: 'editor', passwordHash: 'x' } })).id, role: 'editor' };
  world = (await makeSection('world', 'World', 0)).id;
  sport = (await makeSection('sport', 'Sport', 1)).id;
  // Ten public articles, oldest first: a[9] is the newest. a[0..4] in world, a[5..9] in sport.
  for (let index = 0; index < 10; index += 1) a.push((await makeArticle({ sectionId: index < 5 ? world : sport, headline: `Article ${index}` })).id);
});

describe('saveFront', () => {
  it('pins articles on home in the chosen order, with an audit entry and the front’s refresh in the outbox', async () => {
    const picture = await makeImage();
    const before = await db.pageRefresh.count();
    expect(await saveFront({ front: 'home', slots: [{ articleId: a[2], headline: 'On the front', mediaId: picture.id }, { articleId: a[0], mediaId: '' }] }, { id: editor.id, ip: '203.0.113.9' })).toEqual({ address: 'home', pinned: 2 });
    const refreshes = await db.pageRefresh.findMany({ orderBy: { id: 'asc' }, skip: before });
    expect(refreshes.map((row) => JSON.parse(row.tags))).toEqual([['front:home', 'home']]);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: 'front.saved' }, orderBy: { id: 'desc' } });
    expect([entry.actorId, entry.targetType, entry.targetId, entry.ip]).toEqual([editor.id, 'front', 'home', '203.0.113.9']);
    expect(entry.detail).toBe(`/: 1. #${a[2]} "On the front" picture #${picture.id}; 2. #${a[0]} "Article 0"`);
    const front = await loadHomeFront();
    expect([front.lead!.id, front.lead!.headline, front.lead!.media?.url]).toEqual([a[2], 'On the front', expect.stringContaining(picture.path)]);
    // Pinned first, then the newest, none twice, 1 + 4 + 8 stories in all (only 10 exist).
    expect(await headlines()).toEqual([a[2], a[0], a[9], a[8], a[7], a[6], a[5], a[4], a[3], a[1]]);
    expect(front.top.map((story) => story.pinned)).toEqual([true, false, false, false]);
  });

  it('arranges a section front (a pinned article may come from another section), without repeating it below', async () => {
    const before = await db.pageRefresh.count();
    await saveFront({ front: 'world', slots: [{ articleId: a[7], mediaId: '' }, { articleId: a[1], mediaId: '' }] }, { id: editor.id });
    expect((await db.pageRefresh.findMany({ skip: before })).map((row) => JSON.parse(row.tags))).toEqual([['front:world', 'section:world']]);
    const front = await loadSectionFront('world', null, 'older');
    expect(front!.pinned.map((story) => story.id)).toEqual([a[7], a[1]]);
    expect(front!.page.articles.map((story) => story.id)).toEqual([a[4], a[3], a[2], a[0]]);
    // Older pages are the archive: untouched.
    expect((await loadSectionFront('world', null, 'older', []))!.page.articles).toHaveLength(5);
  });

  it('refuses bad input with the schema’s message and writes nothing', async () => {
    const video = await makeVideo();
    const before = await counts();
    const refused = async (input: unknown) => saveFront(input, { id: editor.id }).then(() => 'saved', (error: Error) => error.message);
    expect(await refused({ front: 'home', slots: [{ articleId: a[1], mediaId: '' }, { articleId: a[1], mediaId: '' }] })).toBe(frontMessages.twice);
    expect(await refused({ front: 'home', slots: [{ articleId: 'x', mediaId: '' }] })).toBe(frontMessages.article);
    expect(await refused({ front: 'home', slots: [{ articleId: 999_999, mediaId: '' }] })).toBe(frontMessages.gone);
    expect(await refused({ front: 'home', slots: [{ articleId: a[1], mediaId: video.id }] })).toBe(frontMessages.picture);
    expect(await refused({ front: 'no-such-section', slots: [] })).toBe(frontMessages.front);
    expect(await refused({ front: '<script>', slots: [] })).toBe(frontMessages.front);
    expect(await refused(null)).toBe(frontMessages.article);
    expect(await counts()).toEqual(before);
  });

  it('an unpublished pinned article drops out at once: its refresh names every front pinning it, and the newsroom flags the slot', async () => {
    // a[0] is pinned on home (slot 2); a[7] (sport) is pinned on the world front (slot 1).
    const { change } = await unpublishArticle(editor, a[7]!);
    expect(tagsForArticleChange(change!)).toEqual(expect.arrayContaining(['front:world', 'section:world', 'section:sport', 'home']));
    const { change: homeChange } = await unpublishArticle(editor, a[0]!);
    expect(tagsForArticleChange(homeChange!)).toEqual(expect.arrayContaining(['front:home', 'home']));
    expect((await headlines()).slice(0, 3)).toEqual([a[2], a[9], a[8]]);
    expect((await loadSectionFront('world', null, 'older'))!.pinned.map((story) => story.id)).toEqual([a[1]]);
    const slots = await loadNewsroomSlots('home');
    expect(slots.map((slot) => [slot.articleId, slot.problem])).toEqual([[a[2], null], [a[0], 'the article was unpublished']]);
    expect((await listFrontsForNewsroom()).find((front) => front.address === 'home')).toMatchObject({ pinned: 2, problems: 1 });
    // Published again, it is back in its slot.
    await publishArticle(editor, a[0]!);
    expect((await headlines()).slice(0, 2)).toEqual([a[2], a[0]]);
  });

  it('scheduled back or deleted, a pinned article leaves the front too', async () => {
    // Taken back and scheduled for later (unpublished first: the newsroom's steps).
    const { change } = await unpublishArticle(editor, a[2]!);
    expect(tagsForArticleChange(change!)).toContain('front:home');
    await scheduleArticle(editor, a[2]!, new Date(Date.now() + 3600_000));
    expect((await headlines())[0]).toBe(a[0]);
    expect((await loadNewsroomSlots('home'))[0]!.problem).toBe('the article is scheduled, not yet published');
    const deleted = await deleteArticle(editor, a[0]!);
    expect(tagsForArticleChange(deleted.change!)).toContain('front:home');
    expect((await loadNewsroomSlots('home')).map((slot) => [slot.articleId, slot.problem])).toEqual([[a[2], 'the article is scheduled, not yet published'], [null, 'the article was deleted']]);
    expect((await headlines())[0]).toBe(a[9]);
  });
});

describe('readers during a save', () => {
  it('each read of the home front sees the old arrangement or the new one, never a mix or an error', async () => {
    const first = [a[3]!, a[4]!, a[5]!];
    const second = [a[6]!, a[8]!, a[1]!];
    const arrange = (ids: number[]) => saveFront({ front: 'home', slots: ids.map((articleId) => ({ articleId, mediaId: '' })) }, { id: editor.id });
    await arrange(first);
    const seen: string[] = [];
    let saving = true;
    const readers = Array.from({ length: 4 }, async () => {
      while (saving) {
        seen.push(JSON.stringify((await headlines()).slice(0, 3)));
        // SQLite's driver answers at once: let the saves' own steps run between reads.
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    for (let round = 0; round < 10; round += 1) await arrange(round % 2 ? first : second);
    saving = false;
    await Promise.all(readers);
    expect(seen.length).toBeGreaterThan(0);
    expect([...new Set(seen)].sort()).toEqual([JSON.stringify(first), JSON.stringify(second)].sort().filter((order) => seen.includes(order)));
    expect(seen.every((order) => order === JSON.stringify(first) || order === JSON.stringify(second))).toBe(true);
  });
});
