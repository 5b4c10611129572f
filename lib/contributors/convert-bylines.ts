// Free-text bylines of before contributors → contributors, once, at start (after the migrations and
// the body converter: scripts/support/prepare-site.ts, npm run db:migrate, db:seed, import). The
// migration 20261128300000_contributors moved every non-empty Article.byline to "ArticleBylineText";
// this reads a batch, splits each byline into names (byline-text.ts: conservative), finds or makes a
// contributor per name, writes the article's byline rows in order and deletes the waiting rows, in
// one transaction: a crash leaves each row converted or waiting, and the next start goes on.
// Once done the table is empty, so the check at every later start reads one empty table.
import { db } from '@/lib/db/client';
import { recordEverythingRefresh } from '@/lib/cache/refresh';
import { bylineNames } from '@/lib/contributors/byline-text';
import { contributorsByNameKey, ensureContributorsByName } from '@/lib/contributors/ensure';

export type BylineConversion = { articles: number; contributorsMade: number; placesDropped: number };

const defaultBatchSize = 500;

export async function convertStoredBylines(options: { log?: (line: string) => void; batchSize?: number } = {}): Promise<BylineConversion> {
  const batchSize = Math.max(1, options.batchSize ?? defaultBatchSize);
  const result: BylineConversion = { articles: 0, contributorsMade: 0, placesDropped: 0 };
  if ((await db.articleBylineText.count()) === 0) return result;
  const contributorsBefore = await db.contributor.count();
  for (;;) {
    const done = await db.$transaction(
      async (tx) => {
        const rows = await tx.articleBylineText.findMany({ orderBy: { articleId: 'asc' }, take: batchSize });
        if (rows.length === 0) return 0;
        const known = await contributorsByNameKey(tx);
        // An article given a byline by hand since the upgrade keeps it.
        const bylined = new Set((await tx.articleContributor.findMany({ where: { articleId: { in: rows.map((row) => row.articleId) } }, select: { articleId: true } })).map((link) => link.articleId));
        const bylines: { articleId: number; contributorId: number; position: number }[] = [];
        for (const row of rows) {
          const { names, place } = bylineNames(row.byline);
          if (place) result.placesDropped += 1;
          const ids = await ensureContributorsByName(tx, names, known);
          if (bylined.has(row.articleId)) continue;
          [...new Set(names.map((name) => ids.get(name)!))].forEach((contributorId, position) => bylines.push({ articleId: row.articleId, contributorId, position }));
        }
        if (bylines.length) await tx.articleContributor.createMany({ data: bylines });
        await tx.articleBylineText.deleteMany({ where: { articleId: { in: rows.map((row) => row.articleId) } } });
        return rows.length;
      },
      { timeout: 120_000 },
    );
    if (done === 0) break;
    result.articles += done;
  }
  // Bylines now link to author pages: every page cached before the upgrade is refreshed, once.
  if (result.articles) await db.$transaction((tx) => recordEverythingRefresh(tx));
  result.contributorsMade = (await db.contributor.count()) - contributorsBefore;
  options.log?.(`converted ${result.articles} free-text bylines to ${result.contributorsMade} new contributors${result.placesDropped ? ` (${result.placesDropped} places after "in" left out)` : ''}`);
  return result;
}
