// The audience read model (docs/decisions/0022-audience-counts.md): the "most read" panel of the
// public pages (cached under its own tag) and the newsroom's dashboard (views per hour, today's top).
import { unstable_cache } from 'next/cache';
import { db } from '@/lib/db/client';
import { cacheTags } from '@/lib/cache/tags';
import { duringBuild } from '@/lib/build-phase';
import { config } from '@/lib/config';
import { onPostgres, parameter } from '@/lib/db/dialect';
import { isPublicArticle } from '@/lib/articles/public';
import { articlePath } from '@/lib/articles/urls';
import { HOUR_MS, hourOf } from '@/lib/audience/counter.mjs';
import { startOfDayIn } from '@/lib/audience/days';

export type MostReadItem = { articleId: number; headline: string; path: string };
/** One bar of a chart: the hour's start (ISO, UTC) and its views. */
export type HourlyViews = { hour: string; views: number };
export type SectionViews = { sectionId: number; name: string; hours: HourlyViews[]; total: number };
export type TopArticle = { articleId: number; headline: string; sectionName: string; views: number };

/** Hours the dashboard's charts cover: the last 7 days, the current hour last. */
export const CHART_HOURS = 7 * 24;

export async function loadMostRead(): Promise<MostReadItem[]> {
  const now = new Date();
  const entries = await db.mostReadEntry.findMany({
    orderBy: { rank: 'asc' },
    select: { article: { select: { id: true, headline: true, slug: true, status: true, publishedAt: true, section: { select: { slug: true } } } } },
  });
  // An article that left the public site drops out at once: its change expires this tag.
  return entries
    .filter(({ article }) => isPublicArticle(article, now))
    .map(({ article }) => ({ articleId: article.id, headline: article.headline, path: articlePath(article) }));
}

/** The "most read" panel: what the last ranking stored, public articles only. */
export function getMostRead(): Promise<MostReadItem[]> {
  if (duringBuild()) return Promise.resolve([]);
  return unstable_cache(loadMostRead, ['most-read'], { tags: [cacheTags.mostRead] })();
}

/** `count` hourly buckets ending with the one `now` falls in, zero where nothing was counted. */
function fillHours(rows: readonly { hour: number; views: number }[], now: Date, count = CHART_HOURS): HourlyViews[] {
  const last = hourOf(now.getTime());
  const byHour = new Map(rows.map((row) => [row.hour, row.views]));
  return Array.from({ length: count }, (_, index) => {
    const hour = last - count + 1 + index;
    return { hour: new Date(hour * HOUR_MS).toISOString(), views: byHour.get(hour) ?? 0 };
  });
}

const firstChartHour = (now: Date): number => hourOf(now.getTime()) - CHART_HOURS + 1;

/** Views of the whole site per hour over the last 7 days. */
export async function siteViewsByHour(now: Date = new Date()): Promise<HourlyViews[]> {
  const groups = await db.articleViewHour.groupBy({ by: ['hour'], where: { hour: { gte: firstChartHour(now) } }, _sum: { views: true } });
  return fillHours(groups.map((group) => ({ hour: group.hour, views: group._sum.views ?? 0 })), now);
}

/** Views of each section per hour over the last 7 days (every section, also those without views). */
export async function sectionViewsByHour(now: Date = new Date()): Promise<SectionViews[]> {
  const cast = onPostgres() ? '::int' : '';
  const rows = await db.$queryRawUnsafe<{ sectionId: number | bigint; hour: number | bigint; views: number | bigint }[]>(
    `SELECT a."sectionId" AS "sectionId", v."hour" AS "hour", SUM(v."views")${cast} AS "views"
     FROM "ArticleViewHour" v JOIN "Article" a ON a."id" = v."articleId"
     WHERE v."hour" >= ${parameter(1)} GROUP BY a."sectionId", v."hour"`,
    firstChartHour(now),
  );
  const sections = await db.section.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { id: true, name: true } });
  return sections.map((section) => {
    const own = rows.filter((row) => Number(row.sectionId) === section.id).map((row) => ({ hour: Number(row.hour), views: Number(row.views) }));
    return { sectionId: section.id, name: section.name, hours: fillHours(own, now), total: own.reduce((sum, row) => sum + row.views, 0) };
  });
}

/** Today's (SITE_TIMEZONE) most viewed articles, any status: the newsroom sees what readers read. */
export async function topArticlesToday(now: Date = new Date(), count = 10): Promise<TopArticle[]> {
  const groups = await db.articleViewHour.groupBy({
    by: ['articleId'],
    where: { hour: { gte: hourOf(startOfDayIn(config.SITE_TIMEZONE, now).getTime()) } },
    _sum: { views: true },
    orderBy: [{ _sum: { views: 'desc' } }, { articleId: 'asc' }],
    take: count,
  });
  const articles = await db.article.findMany({
    where: { id: { in: groups.map((group) => group.articleId) } },
    select: { id: true, headline: true, section: { select: { name: true } } },
  });
  const byId = new Map(articles.map((article) => [article.id, article]));
  return groups.flatMap((group) => {
    const article = byId.get(group.articleId);
    return article ? [{ articleId: article.id, headline: article.headline, sectionName: article.section.name, views: group._sum.views ?? 0 }] : [];
  });
}

/** One article's views per hour over the last 7 days (its edit page). */
export async function articleViewsByHour(articleId: number, now: Date = new Date()): Promise<HourlyViews[]> {
  const rows = await db.articleViewHour.findMany({ where: { articleId, hour: { gte: firstChartHour(now) } }, select: { hour: true, views: true } });
  return fillHours(rows, now);
}
