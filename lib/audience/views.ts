// Writing counted views (docs/decisions/0022-audience-counts.md): one flush, one transaction. Ids of
// articles that do not exist are not stored, and are answered back so the beacon's counter refuses
// them for a while. The rows hold an article, an hour and a number: nothing about any reader.
import { db } from '@/lib/db/client';
import { parameters } from '@/lib/db/dialect';
import type { ViewBatch } from '@/lib/audience/schema';

// Three parameters a row; well under SQLite's and PostgreSQL's limits.
const ROWS_PER_STATEMENT = 1_000;
const IDS_PER_LOOKUP = 5_000;

export async function recordViews(batch: ViewBatch): Promise<{ stored: number; unknown: number[] }> {
  const ids = [...new Set(batch.views.map(([articleId]) => articleId))];
  if (!ids.length) return { stored: 0, unknown: [] };
  return db.$transaction(async (tx) => {
    const existing = new Set<number>();
    for (let start = 0; start < ids.length; start += IDS_PER_LOOKUP) {
      const rows = await tx.article.findMany({ where: { id: { in: ids.slice(start, start + IDS_PER_LOOKUP) } }, select: { id: true } });
      for (const row of rows) existing.add(row.id);
    }
    // The same article and hour twice in one batch (a flush put back after a failure) add up.
    const sums = new Map<string, [number, number, number]>();
    for (const [articleId, hour, views] of batch.views) {
      if (!existing.has(articleId)) continue;
      const key = `${articleId}:${hour}`;
      const sum = sums.get(key);
      if (sum) sum[2] += views;
      else sums.set(key, [articleId, hour, views]);
    }
    const rows = [...sums.values()];
    let stored = 0;
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
      const tuples = chunk.map((_, index) => `(${parameters(3, index * 3 + 1)})`).join(', ');
      await tx.$executeRawUnsafe(
        `INSERT INTO "ArticleViewHour" ("articleId", "hour", "views") VALUES ${tuples}
         ON CONFLICT ("articleId", "hour") DO UPDATE SET "views" = "ArticleViewHour"."views" + excluded."views"`,
        ...chunk.flat(),
      );
      stored += chunk.reduce((total, [, , views]) => total + views, 0);
    }
    return { stored, unknown: ids.filter((id) => !existing.has(id)) };
  });
}

/** Retention: hourly rows older than `days` go (docs/decisions/0022). */
export async function pruneViewHours(days: number, now: Date = new Date()): Promise<number> {
  const oldest = Math.floor(now.getTime() / 3_600_000) - days * 24;
  const { count } = await db.articleViewHour.deleteMany({ where: { hour: { lt: oldest } } });
  return count;
}
