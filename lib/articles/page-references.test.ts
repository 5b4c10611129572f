// The body's references, loaded with the page: one query each for media and articles, cards only to
// public articles, missing ids absent, and each reference's cache tag on what is loaded.
import { queriesSentBy } from '@/testing/query-log';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadBodyReferences } from '@/lib/articles/page-references';
import type { BodyDocument } from '@/lib/articles/body/schema';
import { makeArticle, makeImage, makeSection, makeVideo } from '@/testing/rows';

// Records the data cache's keys and tags, and reads through (no cache outside a Next server).
const cached = vi.hoisted(() => [] as { key: string[]; tags: string[] }[]);
vi.mock('next/cache', () => ({
  unstable_cache: (read: () => Promise<unknown>, key: string[], options: { tags: string[] }) => {
    cached.push({ key, tags: options.tags });
    return read;
  },
}));

let ids: { image: number; video: number; poster: number; public: number; draft: number; ahead: number };

beforeAll(async () => {
  const section = await makeSection('world', 'World');
  const image = await makeImage();
  const video = await makeVideo(12);
  const card = await makeArticle({ sectionId: section.id, slug: 'ceasefire', headline: 'Ceasefire holds', kicker: 'Analysis', leadMediaId: image.id });
  const draft = await makeArticle({ sectionId: section.id, slug: 'draft', status: 'draft', publishedAt: null });
  const ahead = await makeArticle({ sectionId: section.id, slug: 'tomorrow', publishedAt: new Date(Date.now() + 86_400_000) });
  ids = { image: image.id, video: video.id, poster: video.posterId!, public: card.id, draft: draft.id, ahead: ahead.id };
});

const body = (): BodyDocument => ({
  version: 1,
  blocks: [
    { type: 'picture', mediaId: ids.image, alt: 'Harbour', caption: '', credit: '' },
    { type: 'video', mediaId: ids.video, caption: '', credit: '' },
    { type: 'picture', mediaId: 999_999, alt: 'Gone', caption: '', credit: '' },
    { type: 'picture', mediaId: ids.image, alt: 'Again', caption: '', credit: '' },
    { type: 'articleCard', articleId: ids.draft },
    { type: 'articleCard', articleId: ids.public },
    { type: 'articleCard', articleId: ids.ahead },
    { type: 'articleCard', articleId: 999_999 },
  ],
});

describe('loadBodyReferences', () => {
  it('loads named media and public articles in one query each; the rest is absent', async () => {
    cached.length = 0;
    let references!: Awaited<ReturnType<typeof loadBodyReferences>>;
    const sent = await queriesSentBy(async () => (references = await loadBodyReferences(body())));
    // One findMany for the media, one for the articles; Prisma reads their relations (posters,
    // sections, lead media) by id lists too, so the count never grows with the blocks.
    expect(sent.length).toBeLessThanOrEqual(6);
    for (const query of sent) expect(query.sql).toMatch(/ IN \(|= ANY\(/);
    expect(Object.keys(references.media).map(Number)).toEqual([ids.image, ids.video]);
    expect(references.media[ids.video]).toMatchObject({ kind: 'video', posterUrl: expect.stringMatching(/^\/media\/test\/\d+-photo\.jpg$/) });
    expect(Object.keys(references.articles).map(Number)).toEqual([ids.public]);
    expect(references.articles[ids.public]).toMatchObject({ path: '/world/ceasefire', headline: 'Ceasefire holds', kicker: 'Analysis', media: { id: ids.image } });
    expect(cached).toEqual([
      { key: ['body-media', [ids.image, ids.video, 999_999].sort((a, b) => a - b).join(',')], tags: [ids.image, ids.video, 999_999].sort((a, b) => a - b).map((id) => `media:${id}`) },
      { key: ['body-cards', [ids.public, ids.draft, ids.ahead, 999_999].sort((a, b) => a - b).join(',')], tags: [ids.public, ids.draft, ids.ahead, 999_999].sort((a, b) => a - b).map((id) => `article:${id}`) },
    ]);
  });

  it('asks nothing for a body that names nothing', async () => {
    cached.length = 0;
    expect(await loadBodyReferences({ version: 1, blocks: [{ type: 'divider' }] })).toEqual({ media: {}, articles: {} });
    expect(cached).toEqual([]);
  });
});
