// Who reads which article in the newsroom (defect 8 of issue 10): per role and per status, with the
// exact set of articles each viewer gets from every read path. docs/decisions/0010-who-reads-what.md.
import { beforeAll, describe, expect, it } from 'vitest';
import { findArticlesToRelate, getArticleForEdit, getArticlePreview, listArticlesForAdmin, articleListParams } from '@/lib/articles/admin-queries';
import { addRelatedArticle } from '@/lib/articles/commands/related';
import { ArticleCommandError, type Actor } from '@/lib/articles/commands/result';
import { updateArticle } from '@/lib/articles/commands/save';
import { canReadArticle, readableArticles } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import type { ArticleStatus } from '@/lib/generated/prisma/client';
import { getRevision, listRevisions } from '@/lib/revisions/queries';
import { restoreRevision } from '@/lib/revisions/restore';

const statuses: ArticleStatus[] = ['draft', 'scheduled', 'published', 'unpublished'];
// A word only these articles carry, so the list and the picker can be asked for exactly them.
const word = 'Quagmirezz';

let writerA: Actor;
let writerB: Actor;
let editor: Actor;
let admin: Actor;
/** `${owner}:${status}` → article id; owner 'A', 'B' or 'none' (an imported article without author). */
const ids = new Map<string, number>();

beforeAll(async () => {
  const make = async (email: string, role: Actor['role']) => ({ id: (await db.user.create({ data: { email, role, passwordHash: 'x' } })).id, role });
  writerA = await make('a@example.org', 'writer');
  writerB = await make('b@example.org', 'writer');
  editor = await make('e@example.org', 'editor');
  admin = await make('admin@example.org', 'admin');
  const section = await db.section.create({ data: { slug: 'world', name: 'World' } });
  for (const [owner, authorId] of [['A', writerA.id], ['B', writerB.id], ['none', null]] as const) {
    for (const status of statuses) {
      const article = await db.article.create({
        data: {
          slug: `${owner}-${status}`.toLowerCase(), headline: `${word} ${owner} ${status}`, status, authorId, sectionId: section.id,
          publishedAt: status === 'draft' ? null : new Date(status === 'scheduled' ? Date.now() + 86_400_000 : Date.now() - 86_400_000),
        },
      });
      await db.revision.create({ data: { articleId: article.id, version: 1, authorId, snapshot: snapshotOf(article.headline, status, section.id) } });
      ids.set(`${owner}:${status}`, article.id);
    }
  }
});

function snapshotOf(headline: string, status: ArticleStatus, sectionId: number) {
  return { headline, kicker: '', standfirst: '', body: '', byline: '', sourceCredit: '', slug: 'x', status, contentType: 'text', sectionId, leadMediaId: null, publishedAt: null, breakingUntil: null, tags: [] };
}

const keysOf = (articleIds: number[]) => [...ids].filter(([, id]) => articleIds.includes(id)).map(([key]) => key).sort();
// Every key (the map is filled in beforeAll, so this is read late).
const everythingKeys = () => [...ids.keys()].sort();
// A writer: their own articles in every status, and everybody's published ones. Nothing else.
const forWriterA = ['A:draft', 'A:scheduled', 'A:published', 'A:unpublished', 'B:published', 'none:published'].sort();
const forWriterB = ['B:draft', 'B:scheduled', 'B:published', 'B:unpublished', 'A:published', 'none:published'].sort();

describe('the rule (canReadArticle and readableArticles)', () => {
  it('editors and admins read every article; a writer their own and published ones', () => {
    for (const status of statuses) {
      expect(canReadArticle(editor, { authorId: writerA.id, status })).toBe(true);
      expect(canReadArticle(admin, { authorId: null, status })).toBe(true);
      expect(canReadArticle(writerA, { authorId: writerA.id, status })).toBe(true);
      expect(canReadArticle(writerB, { authorId: writerA.id, status })).toBe(status === 'published');
      expect(canReadArticle(writerB, { authorId: null, status })).toBe(status === 'published');
    }
  });

  it('the where-fragment (both spellings) selects exactly what the predicate allows, for every viewer', async () => {
    const rows = await db.article.findMany({ where: { headline: { startsWith: word } }, select: { id: true, authorId: true, status: true } });
    for (const viewer of [writerA, writerB, editor, admin]) {
      for (const shape of ['lookup', 'ordered'] as const) {
        const byQuery = await db.article.findMany({ where: { AND: [{ headline: { startsWith: word } }, readableArticles(viewer, shape)] }, select: { id: true } });
        expect(byQuery.map((row) => row.id).sort(), `${viewer.role} ${viewer.id}, ${shape}`).toEqual(rows.filter((row) => canReadArticle(viewer, row)).map((row) => row.id).sort());
      }
    }
  });
});

describe('every newsroom read path applies it', () => {
  const list = async (viewer: Actor) => keysOf((await listArticlesForAdmin(articleListParams.parse({ q: word }), viewer)).rows.map((row) => row.id));

  it('the article list', async () => {
    expect(await list(writerA)).toEqual(forWriterA);
    expect(await list(writerB)).toEqual(forWriterB);
    expect(await list(editor)).toEqual(everythingKeys());
    expect(await list(admin)).toEqual(everythingKeys());
    // A filter on another writer's drafts finds nothing, and the count says so too.
    const filtered = await listArticlesForAdmin(articleListParams.parse({ status: 'draft', author: String(writerA.id) }), writerB);
    expect([filtered.total, filtered.rows.length]).toEqual([0, 0]);
  });

  it('the edit page, the preview and the revisions answer "not found" for what the viewer may not read', async () => {
    for (const [key, id] of ids) {
      for (const [viewer, allowed] of [[writerA, forWriterA], [writerB, forWriterB], [editor, everythingKeys()]] as const) {
        const readable = allowed.includes(key);
        expect(await getArticleForEdit(id, viewer) !== null, `edit ${key}`).toBe(readable);
        expect(await getArticlePreview(id, viewer) !== null, `preview ${key}`).toBe(readable);
        expect((await listRevisions(id, viewer)).length, `revisions ${key}`).toBe(readable ? 1 : 0);
        expect(await getRevision(id, 1, viewer) !== null, `revision 1 of ${key}`).toBe(readable);
      }
    }
  });

  it('the related-links picker', async () => {
    const own = ids.get('B:draft')!;
    expect(keysOf((await findArticlesToRelate(word, own, writerB, 50)).map((row) => row.id))).toEqual(forWriterB.filter((key) => key !== 'B:draft'));
    expect(keysOf((await findArticlesToRelate(String(ids.get('A:draft')), own, writerB)).map((row) => row.id))).toEqual([]);
    expect(keysOf((await findArticlesToRelate(word, own, editor, 50)).map((row) => row.id))).toEqual(everythingKeys().filter((key) => key !== 'B:draft'));
  });

  it('writes on an article the writer may not read say "not found", and linking to one is refused as if it did not exist', async () => {
    const kindOf = async (promise: Promise<unknown>) => promise.then(() => 'ok', (error: unknown) => (error instanceof ArticleCommandError ? error.kind : String(error)));
    const aDraft = ids.get('A:draft')!;
    expect(await kindOf(updateArticle(writerB, aDraft, { headline: 'Mine now', sectionId: 1, version: 1 }))).toBe('not-found');
    expect(await kindOf(restoreRevision(writerB, aDraft, 1, 1))).toBe('not-found');
    const failure = await addRelatedArticle(writerB, ids.get('B:draft')!, { targetArticleId: String(aDraft) }).then(() => null, (error: unknown) => error);
    expect(failure).toBeInstanceOf(ArticleCommandError);
    expect((failure as ArticleCommandError).message).toBe('That article does not exist.');
    expect(await db.relatedLink.count({ where: { targetArticleId: aDraft } })).toBe(0);
    // A published article of writer A is a fine related link for writer B.
    expect(await kindOf(addRelatedArticle(writerB, ids.get('B:draft')!, { targetArticleId: String(ids.get('A:published')) }))).toBe('ok');
  });

  it('the edit page does not name a related article the viewer may not read', async () => {
    // An editor links writer A's published article to writer B's embargoed one; writer A opens theirs.
    const aPublished = ids.get('A:published')!;
    await addRelatedArticle(editor, aPublished, { targetArticleId: String(ids.get('B:scheduled')) });
    const forA = await getArticleForEdit(aPublished, writerA);
    expect(forA!.related.map((link) => link.label)).toEqual(['(an article you cannot open)']);
    const forEditor = await getArticleForEdit(aPublished, editor);
    expect(forEditor!.related.map((link) => link.label)).toEqual([`${word} B scheduled`]);
  });
});
