import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { everythingTags } from '@/lib/cache/refresh';
import { seedGeneratedArticles } from '@/lib/seed/generated';

describe('seedGeneratedArticles', () => {
  it('records a refresh of every public page with each batch, so a running app shows the articles (npm run db:seed)', async () => {
    const before = await db.pageRefresh.count();
    await seedGeneratedArticles(5, { batchSize: 2 });
    expect(await db.article.count()).toBe(5);
    const refreshes = await db.pageRefresh.findMany({ orderBy: { id: 'asc' }, skip: before });
    expect(refreshes.map((row) => JSON.parse(row.tags) as string[])).toEqual([[...everythingTags], [...everythingTags], [...everythingTags]]);
  });
});
