import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { resolvePublicRecord } from '@/lib/articles/existence';

beforeAll(async () => {
  const world = await db.section.create({ data: { slug: 'world', name: 'World' } });
  await db.section.create({ data: { slug: 'sport', name: 'Sport' } });
  await db.tag.create({ data: { slug: 'aleppo', name: 'Aleppo' } });
  const story = await db.article.create({ data: { slug: 'truce', headline: 'Truce', status: 'published', sectionId: world.id, publishedAt: new Date('2026-01-01') } });
  await db.articleSlug.create({ data: { slug: 'old-truce', articleId: story.id } });
  await db.article.create({ data: { slug: 'draft-story', headline: 'Draft', status: 'draft', sectionId: world.id } });
});

describe('resolvePublicRecord', () => {
  it('finds pages that exist', async () => {
    expect(await resolvePublicRecord({ kind: 'section', section: 'world' })).toEqual({ kind: 'page' });
    expect(await resolvePublicRecord({ kind: 'tag', tag: 'aleppo' })).toEqual({ kind: 'page' });
    expect(await resolvePublicRecord({ kind: 'article', section: 'world', slug: 'truce' })).toEqual({ kind: 'page' });
  });

  it('moves an article asked for under another section or an old slug to its canonical path', async () => {
    expect(await resolvePublicRecord({ kind: 'article', section: 'sport', slug: 'truce' })).toEqual({ kind: 'moved', path: '/world/truce' });
    expect(await resolvePublicRecord({ kind: 'article', section: 'world', slug: 'old-truce' })).toEqual({ kind: 'moved', path: '/world/truce' });
  });

  it('calls unknown sections, tags, unpublished and unknown articles missing', async () => {
    expect(await resolvePublicRecord({ kind: 'section', section: 'nowhere' })).toEqual({ kind: 'missing' });
    expect(await resolvePublicRecord({ kind: 'tag', tag: 'nothing' })).toEqual({ kind: 'missing' });
    expect(await resolvePublicRecord({ kind: 'article', section: 'world', slug: 'draft-story' })).toEqual({ kind: 'missing' });
    expect(await resolvePublicRecord({ kind: 'article', section: 'world', slug: 'no-such-story' })).toEqual({ kind: 'missing' });
    expect(await resolvePublicRecord({ kind: 'impossible' })).toEqual({ kind: 'missing' });
  });
});
