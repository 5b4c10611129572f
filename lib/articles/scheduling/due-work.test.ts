import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { runDueWork, nextDueTime } from '@/lib/articles/scheduling/due-work';

describe('runDueWork', () => {
  it('publishes scheduled articles that fell due, ends breaking flags, and names the next due time', async () => {
    const section = await db.section.create({ data: { slug: 'world', name: 'World' } });
    const now = new Date('2026-06-01T12:00:00Z');
    const due = await db.article.create({ data: { slug: 'due', headline: 'Due', status: 'scheduled', sectionId: section.id, publishedAt: new Date(now.getTime() - 1000) } });
    const later = await db.article.create({ data: { slug: 'later', headline: 'Later', status: 'scheduled', sectionId: section.id, publishedAt: new Date(now.getTime() + 60_000) } });
    const breaking = await db.article.create({
      data: { slug: 'breaking', headline: 'Breaking', status: 'published', sectionId: section.id, publishedAt: now, breakingUntil: new Date(now.getTime() - 1) },
    });

    const result = await runDueWork(now);
    expect(result.published).toEqual([due.id]);
    expect(result.breakingEnded).toEqual([breaking.id]);
    expect(result.nextDueAt).toBe(now.getTime() + 60_000);
    expect(result.changes.find((change) => change.articleId === due.id)).toMatchObject({ sectionSlugs: ['world'], paths: ['/world/due'] });
    expect((await db.article.findUniqueOrThrow({ where: { id: due.id } })).status).toBe('published');
    expect((await db.article.findUniqueOrThrow({ where: { id: later.id } })).status).toBe('scheduled');
    expect((await db.article.findUniqueOrThrow({ where: { id: breaking.id } })).breakingUntil).toBeNull();

    // Running again changes nothing: the work is done once even when two instances race.
    const again = await runDueWork(now);
    expect(again.published).toEqual([]);
    expect(again.breakingEnded).toEqual([]);
    expect(await nextDueTime(now)).toBe(now.getTime() + 60_000);
  });
});
