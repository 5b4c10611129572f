// Deleting media (defect 12 of issue 10): refused while any article uses it, in each way an article
// can (lead media, a related link's picture, the body's HTML, a video's poster), with the articles
// named; otherwise the row and every file go, and a file that cannot be removed never brings the row back.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '@/lib/articles/body/schema';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { deleteMedia, MediaDeleteError, sweepDeletedMediaFiles } from '@/lib/media/delete';
import { makeRenditions } from '@/lib/media/renditions';
import { saveMedia, writeMediaFile } from '@/lib/media/store';
import { findMediaUses, mediaFilesOf } from '@/lib/media/usage';

type Actor = { id: number; role: 'writer' | 'editor' | 'admin' };
let writer: Actor;
let editor: Actor;
let sectionId: number;
let counter = 0;

beforeAll(async () => {
  writer = { id: (await db.user.create({ data: { email: 'w@example.org', role: 'writer', passwordHash: 'x' } })).id, role: 'writer' };
  editor = { id: (await db.user.create({ data: { email: 'e@example.org', role: 'editor', passwordHash: 'x' } })).id, role: 'editor' };
  sectionId = (await db.section.create({ data: { slug: 'world', name: 'World' } })).id;
});

/** An image as an upload leaves it: the original and its renditions on disk, and its row. */
async function image(alt = 'A harbour') {
  counter += 1;
  const bytes = await sharp({ create: { width: 700, height: 400, channels: 3, background: '#336699' } }).jpeg().toBuffer();
  const file = `uploads/2030/01/${String(counter).padStart(4, '0')}abcdef-harbour.jpg`;
  await writeMediaFile(file, bytes);
  const renditions = await makeRenditions(bytes, file, { width: 700, height: 400 });
  return saveMedia({ kind: 'image', path: file, mimeType: 'image/jpeg', width: 700, height: 400, bytes: bytes.length, alt, renditions });
}

async function video() {
  const poster = await image('The poster');
  counter += 1;
  const file = `uploads/2030/01/${String(counter).padStart(4, '0')}abcdef-clip.mp4`;
  await writeMediaFile(file, fs.readFileSync(path.join(config.projectRoot, 'prisma/legacy/placeholder.mp4')));
  return { video: await saveMedia({ kind: 'video', path: file, mimeType: 'video/mp4', width: 700, height: 400, alt: 'A clip', posterId: poster.id }), poster };
}

const article = (headline: string, data: { leadMediaId?: number; body?: Block[]; status?: 'draft' | 'published' } = {}) =>
  db.article.create({ data: { slug: headline.toLowerCase().replace(/\W+/g, '-'), headline, sectionId, status: data.status ?? 'draft', leadMediaId: data.leadMediaId, body: { version: 1, blocks: data.body ?? [] } } });
const picture = (mediaId: number): Block => ({ type: 'picture', mediaId, alt: 'a', caption: '', credit: '' });

const onDisk = (files: string[]) => files.filter((file) => fs.existsSync(path.join(config.MEDIA_ROOT, file)));

async function refusal(promise: Promise<unknown>): Promise<MediaDeleteError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(MediaDeleteError);
  return error as MediaDeleteError;
}

describe('findMediaUses', () => {
  it('finds the lead media of an article in any status', async () => {
    const media = await image();
    const draft = await article('Lead of a draft', { leadMediaId: media.id });
    expect(await findMediaUses([media.id])).toEqual([{ kind: 'lead', articleId: draft.id, headline: 'Lead of a draft' }]);
  });

  it("finds a related link's picture", async () => {
    const media = await image();
    const owner = await article('Has a related link with a picture', { status: 'published' });
    await db.relatedLink.create({ data: { articleId: owner.id, position: 0, url: 'https://example.org/', title: 'Elsewhere', mediaId: media.id } });
    expect(await findMediaUses([media.id])).toEqual([{ kind: 'related-link', articleId: owner.id, headline: 'Has a related link with a picture' }]);
  });

  it('finds the picture and video blocks of a body, and no other number that looks like the id', async () => {
    const a = await image();
    const { video: clip } = await video();
    const byPicture = await article('Body shows the picture', { body: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }, picture(a.id)] });
    const byVideo = await article('Body shows the video', { body: [{ type: 'video', mediaId: clip.id, caption: '', credit: '' }] });
    // An article card with the same number is an article id, not a media id.
    await article('Card with the same number', { body: [{ type: 'articleCard', articleId: a.id }] });
    expect(await findMediaUses([a.id])).toEqual([{ kind: 'picture', articleId: byPicture.id, headline: 'Body shows the picture' }]);
    expect(await findMediaUses([clip.id])).toEqual([{ kind: 'video', articleId: byVideo.id, headline: 'Body shows the video' }]);
  });

  it("finds a poster's video, and nothing for media no article uses", async () => {
    const { video: clip, poster } = await video();
    expect(await findMediaUses([poster.id])).toEqual([{ kind: 'poster', articleId: null, headline: 'A clip', videoId: clip.id }]);
    expect(await findMediaUses([clip.id, poster.id])).toEqual([]);
    expect(await findMediaUses([(await image()).id])).toEqual([]);
  });
});

describe('deleteMedia', () => {
  it('refuses writers and changes nothing', async () => {
    const media = await image();
    const error = await refusal(deleteMedia(writer, media.id));
    expect([error.kind, error.status]).toEqual(['forbidden', 403]);
    expect(await db.media.count({ where: { id: media.id } })).toBe(1);
    expect(onDisk(mediaFilesOf(media))).toHaveLength(mediaFilesOf(media).length);
  });

  it('refuses media in use, naming every article that uses it, and changes nothing', async () => {
    const media = await image();
    const lead = await article('Uses it as lead', { leadMediaId: media.id, status: 'published' });
    const inBody = await article('Uses it in the body', { body: [picture(media.id)] });
    const error = await refusal(deleteMedia(editor, media.id));
    expect([error.kind, error.status]).toEqual(['in-use', 409]);
    expect(error.uses).toEqual([
      { kind: 'lead', articleId: lead.id, headline: 'Uses it as lead' },
      { kind: 'picture', articleId: inBody.id, headline: 'Uses it in the body' },
    ]);
    expect(await db.media.count({ where: { id: media.id } })).toBe(1);
    expect(onDisk(mediaFilesOf(media))).toHaveLength(4);
    expect(await db.auditEntry.count({ where: { action: 'media.deleted', targetId: String(media.id) } })).toBe(0);
  });

  it('deletes unused media: the row, the original and every rendition; recorded in the audit log, no page refresh', async () => {
    const media = await image();
    const files = mediaFilesOf(media);
    expect(files).toHaveLength(4); // the original and the 16:9, 4:3 and 1:1 crops
    const refreshes = await db.pageRefresh.count();
    const result = await deleteMedia(editor, media.id);
    expect(result).toEqual({ mediaIds: [media.id], removed: files, failed: [] });
    expect(await db.media.count({ where: { id: media.id } })).toBe(0);
    expect(onDisk(files)).toEqual([]);
    expect(await db.auditEntry.count({ where: { action: 'media.deleted', targetId: String(media.id), actorId: editor.id } })).toBe(1);
    expect(await db.pageRefresh.count()).toBe(refreshes);
    expect((await refusal(deleteMedia(editor, media.id))).kind).toBe('not-found');
  });

  it('deletes the srcset widths an older upload wrote (Media.renditions.widths) with the rest', async () => {
    const media = await image();
    const widths = await Promise.all([320, 640].map(async (width) => {
      const file = media.path.replace(/\.jpg$/, `.w${width}.webp`);
      await writeMediaFile(file, await sharp({ create: { width, height: 100, channels: 3, background: '#336699' } }).webp().toBuffer());
      return { path: file, width, height: 100, mimeType: 'image/webp' as const };
    }));
    const older = await db.media.update({ where: { id: media.id }, data: { renditions: { widths, ...(media.renditions as object) } } });
    const files = mediaFilesOf(older);
    expect(files).toHaveLength(6);
    expect(onDisk(files)).toEqual(files);
    expect((await deleteMedia(editor, media.id)).removed).toEqual(files);
    expect(onDisk(files)).toEqual([]);
  });

  it("deletes a video with its poster, and refuses the poster alone while its video exists", async () => {
    const { video: clip, poster } = await video();
    expect((await refusal(deleteMedia(editor, poster.id))).kind).toBe('in-use');
    const files = [...mediaFilesOf(clip), ...mediaFilesOf(poster)];
    const result = await deleteMedia(editor, clip.id);
    expect(result.mediaIds).toEqual([clip.id, poster.id]);
    expect(await db.media.count({ where: { id: { in: [clip.id, poster.id] } } })).toBe(0);
    expect(onDisk(files)).toEqual([]);
  });

  it('a file that cannot be removed leaves the row deleted; the sweep removes it later', async () => {
    const media = await image();
    const stuck = mediaFilesOf(media)[1]!;
    // A non-empty directory where a rendition should be: rm without `recursive` cannot remove it.
    const stuckFile = path.join(config.MEDIA_ROOT, stuck);
    fs.rmSync(stuckFile);
    fs.mkdirSync(stuckFile);
    fs.writeFileSync(path.join(stuckFile, 'keep'), 'x');
    const result = await deleteMedia(editor, media.id);
    expect(result.failed).toEqual([stuck]);
    expect(await db.media.count({ where: { id: media.id } })).toBe(0);
    expect(onDisk(mediaFilesOf(media))).toEqual([stuck]);
    // Once the obstacle is gone, the sweep finishes the job.
    fs.rmSync(stuckFile, { recursive: true });
    fs.writeFileSync(stuckFile, 'left behind');
    expect(await sweepDeletedMediaFiles()).toEqual({ removed: [stuck], failed: [] });
    expect(onDisk(mediaFilesOf(media))).toEqual([]);
  });
});
