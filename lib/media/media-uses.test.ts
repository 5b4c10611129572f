// The MediaUse index (decision 0024): which articles use which media, kept by triggers on Article in
// the statement that writes a body or a lead media, on every path (saves, restores, the trash, raw
// writes like the converter's), read by the media-use check instead of a scan of every body. A save
// of a body naming deleted media is a 4xx, and a deletion racing a save never leaves a body pointing
// at deleted media. Runs on SQLite, and on PostgreSQL with LEDE_TEST_DATABASE=postgres.
import { queriesSentBy } from '@/testing/query-log';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArticleCommandError, type Actor } from '@/lib/articles/commands/result';
import { createArticle, updateArticle } from '@/lib/articles/commands/save';
import { publishArticle } from '@/lib/articles/commands/status';
import { deleteArticle, restoreArticle } from '@/lib/articles/commands/trash';
import type { Block } from '@/lib/articles/body/schema';
import { db } from '@/lib/db/client';
import { onPostgres, parameter } from '@/lib/db/dialect';
import { deleteMedia, MediaDeleteError } from '@/lib/media/delete';
import { findMediaUses } from '@/lib/media/usage';
import { restoreRevision } from '@/lib/revisions/restore';
import { makeImage, makeVideo } from '@/testing/rows';

let editor: Actor;
let world: number;
let counter = 0;

beforeAll(async () => {
  editor = { id: (await db.user.create({ data: { email: 'mu-e@example.org', role: 'editor', passwordHash: 'x' } })).id, role: 'editor' };
  world = (await db.section.create({ data: { slug: 'mu-world', name: 'World' } })).id;
});

const picture = (mediaId: number): Block => ({ type: 'picture', mediaId, alt: 'A harbour', caption: '', credit: '' });
const video = (mediaId: number): Block => ({ type: 'video', mediaId, caption: '', credit: '' });
const words = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const input = (blocks: Block[], leadMediaId: number | null = null) => ({
  headline: `Harbour story ${(counter += 1)}`, kicker: '', standfirst: '', body: JSON.stringify({ version: 1, blocks }), sectionId: world, tags: '', leadMediaId,
});

/** The article's rows of the index, as [kind, mediaId], sorted. */
async function usesOf(articleId: number): Promise<[string, number][]> {
  const rows = await db.mediaUse.findMany({ where: { articleId }, select: { kind: true, mediaId: true } });
  return rows.map((row): [string, number] => [row.kind, row.mediaId]).sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
}

async function failure<T extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(type);
  return error as T;
}

describe('the MediaUse index follows every write of a body or lead media', () => {
  it('create, edit, publish, delete and restore', async () => {
    const [a, b, lead] = [await makeImage(), await makeImage(), await makeImage()];
    const clip = await makeVideo();
    const { id } = await createArticle(editor, input([words('x'), picture(a.id), picture(a.id), video(clip.id)], lead.id));
    expect(await usesOf(id)).toEqual([['lead', lead.id], ['picture', a.id], ['video', clip.id]]);

    await updateArticle(editor, id, { ...input([picture(b.id)], null), version: 1 });
    expect(await usesOf(id)).toEqual([['picture', b.id]]);

    // Publishing writes neither body nor lead: the uses stay as they are.
    await publishArticle(editor, id);
    expect(await usesOf(id)).toEqual([['picture', b.id]]);

    await deleteArticle(editor, id);
    expect(await usesOf(id)).toEqual([]);
    // With the article in the trash, its media can go; the restore leaves that block out.
    await deleteMedia(editor, b.id);
    await restoreArticle(editor, id);
    expect(await usesOf(id)).toEqual([]);
    const restored = await db.article.findUniqueOrThrow({ where: { id }, select: { body: true } });
    expect(restored.body).toEqual({ version: 1, blocks: [] });
  });

  it('a trash restore brings back the uses of media still there', async () => {
    const a = await makeImage();
    const { id } = await createArticle(editor, input([words('Before'), picture(a.id)]));
    await deleteArticle(editor, id);
    expect(await findMediaUses([a.id])).toEqual([]);
    await restoreArticle(editor, id);
    expect(await usesOf(id)).toEqual([['picture', a.id]]);
  });

  it('a revision restore leaves out pictures deleted since, and indexes the rest', async () => {
    const [kept, gone] = [await makeImage(), await makeImage()];
    const { id } = await createArticle(editor, input([picture(kept.id), words('Middle'), picture(gone.id)]));
    await updateArticle(editor, id, { ...input([words('Rewritten')]), version: 1 });
    await deleteMedia(editor, gone.id);
    const result = await restoreRevision(editor, id, 1, 2);
    expect(result.ok).toBe(true);
    const row = await db.article.findUniqueOrThrow({ where: { id }, select: { body: true } });
    expect((row.body as { blocks: Block[] }).blocks).toEqual([picture(kept.id), words('Middle')]);
    expect(await usesOf(id)).toEqual([['picture', kept.id]]);
  });

  it('a raw write (as the converter and importers make) is indexed too', async () => {
    const a = await makeImage();
    const article = await db.article.create({ data: { slug: `mu-raw-${(counter += 1)}`, headline: 'Raw', sectionId: world } });
    expect(await usesOf(article.id)).toEqual([]);
    const [body, lead, row] = [parameter(1), parameter(2), parameter(3)];
    await db.$executeRawUnsafe(`UPDATE "Article" SET "body" = ${body}${onPostgres() ? '::jsonb' : ''}, "leadMediaId" = ${lead} WHERE "id" = ${row}`,
      JSON.stringify({ version: 1, blocks: [video(a.id)] }), a.id, article.id);
    expect(await usesOf(article.id)).toEqual([['lead', a.id], ['video', a.id]]);
  });
});

describe('the media-use check', () => {
  it('reads the index, not the bodies (no JSON scan of Article)', async () => {
    const a = await makeImage();
    const { id } = await createArticle(editor, input([picture(a.id)], a.id));
    let uses: Awaited<ReturnType<typeof findMediaUses>> = [];
    const sent = await queriesSentBy(async () => (uses = await findMediaUses([a.id])));
    expect(uses.map((use) => [use.kind, use.articleId])).toEqual([['lead', id], ['picture', id]]);
    expect(sent.map((query) => query.sql).join('\n')).toContain('MediaUse');
    expect(sent.filter((query) => /json_each|jsonb_array_elements/.test(query.sql))).toEqual([]);
  });
});

describe('saving a body that names deleted media', () => {
  it('is refused with a message naming the block (422), and nothing is written', async () => {
    const gone = await makeImage();
    await deleteMedia(editor, gone.id);
    const error = await failure(createArticle(editor, input([words('x'), picture(gone.id)])), ArticleCommandError);
    expect([error.kind, error.status, error.fields.body]).toEqual([
      'invalid', 422, 'Block 2: that picture was deleted from the media library. Remove the block or choose another.',
    ]);
    const { id } = await createArticle(editor, input([words('x')]));
    const edit = await failure(updateArticle(editor, id, { ...input([video(gone.id)]), version: 1 }), ArticleCommandError);
    expect(edit.fields.body).toBe('Block 1: that video was deleted from the media library. Remove the block or choose another.');
    expect((await db.article.findUniqueOrThrow({ where: { id }, select: { version: true } })).version).toBe(1);
  });
});

describe('a deletion racing a save that adds the media', () => {
  it('never leaves a body naming deleted media: one of the two wins, the other is refused', async () => {
    const outcomes = { saved: 0, deleted: 0 };
    const rounds = 24;
    for (let round = 0; round < rounds; round++) {
      const media = await makeImage();
      const { id } = await createArticle(editor, input([words('Before')]));
      // Both at once, as an editor saving while another deletes from the library.
      const [save, removal] = await Promise.allSettled([
        updateArticle(editor, id, { ...input([words('After'), picture(media.id)]), version: 1 }),
        // Started a little later each round, so that the deletion lands before, during and after the save.
        new Promise((resolve) => setTimeout(resolve, (round % 12) * 4)).then(() => deleteMedia(editor, media.id)),
      ]);
      const exists = (await db.media.count({ where: { id: media.id } })) === 1;
      const body = (await db.article.findUniqueOrThrow({ where: { id }, select: { body: true } })).body as { blocks: Block[] };
      const named = body.blocks.some((block) => block.type === 'picture' && block.mediaId === media.id);
      if (named) expect(exists).toBe(true);
      if (save.status === 'fulfilled') {
        expect(named).toBe(true);
        expect(removal.status).toBe('rejected');
        expect((removal as PromiseRejectedResult).reason).toBeInstanceOf(MediaDeleteError);
        expect(((removal as PromiseRejectedResult).reason as MediaDeleteError).kind).toBe('in-use');
        outcomes.saved += 1;
      } else {
        // The save lost: refused as a 4xx that says why, never a 500.
        const reason = save.reason as ArticleCommandError;
        expect(reason).toBeInstanceOf(ArticleCommandError);
        expect(['invalid', 'conflict']).toContain(reason.kind);
        expect(removal.status).toBe('fulfilled');
        expect(named).toBe(false);
        expect(await usesOf(id)).toEqual([]);
        outcomes.deleted += 1;
      }
    }
    expect(outcomes.saved + outcomes.deleted).toBe(rounds);
  });
});
