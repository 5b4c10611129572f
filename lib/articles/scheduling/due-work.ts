// Time-driven changes to the public site, done lazily by the first request after they fall due (no
// cron, no outside timer): scheduled articles go live, breaking-news flags run out.
// Both transitions are conditional updates, so two app instances racing do the work once.
//
// Scheduling has one home, this folder: the due work here (article writes, so it sits in the article
// aggregate, the one module family that writes articles) and the trigger beside it (due-trigger.ts,
// request plumbing that decides when this instance asks for the work and never touches the
// database). Neither means anything without the other; the internal route between them
// (app/api/internal/due) only authenticates, runs this and carries out the refreshes.
import { db } from '@/lib/db/client';
import { describeArticleChange } from '@/lib/articles/changes';
import { recordArticleRefresh, type ArticleChange } from '@/lib/cache/refresh';

export type DueWorkResult = {
  published: number[];
  breakingEnded: number[];
  changes: ArticleChange[];
  /** When the next transition falls due (ms since epoch), or null when none is pending. */
  nextDueAt: number | null;
};

export async function runDueWork(now: Date = new Date()): Promise<DueWorkResult> {
  const published: number[] = [];
  const breakingEnded: number[] = [];
  const changes: ArticleChange[] = [];

  const due = await db.article.findMany({ where: { status: 'scheduled', publishedAt: { lte: now } }, select: { id: true, publishedAt: true } });
  for (const article of due) {
    // The flip, its audit entry and its page refresh in one transaction (the outbox: lib/cache/outbox.ts).
    const change = await db.$transaction(async (tx) => {
      const { count } = await tx.article.updateMany({
        where: { id: article.id, status: 'scheduled', publishedAt: { lte: now } },
        data: { status: 'published', modifiedAt: article.publishedAt },
      });
      if (count !== 1) return null;
      await tx.auditEntry.create({
        data: { action: 'article.published', targetType: 'article', targetId: String(article.id), detail: 'scheduled publication fell due' },
      });
      const described = await describeArticleChange(article.id, tx);
      await recordArticleRefresh(tx, described);
      return described;
    });
    if (change) {
      published.push(article.id);
      changes.push(change);
    }
  }

  const endedFlags = await db.article.findMany({ where: { breakingUntil: { lte: now } }, select: { id: true } });
  for (const article of endedFlags) {
    const change: ArticleChange = { articleId: article.id, sectionSlugs: [], tagSlugs: [], paths: [], breaking: true };
    const ended = await db.$transaction(async (tx) => {
      const { count } = await tx.article.updateMany({ where: { id: article.id, breakingUntil: { lte: now } }, data: { breakingUntil: null } });
      if (count === 1) await recordArticleRefresh(tx, change);
      return count === 1;
    });
    if (ended) {
      breakingEnded.push(article.id);
      changes.push(change);
    }
  }

  return { published, breakingEnded, changes, nextDueAt: await nextDueTime(now) };
}

export async function nextDueTime(now: Date = new Date()): Promise<number | null> {
  const [scheduled, breaking] = await Promise.all([
    db.article.findFirst({ where: { status: 'scheduled' }, orderBy: { publishedAt: 'asc' }, select: { publishedAt: true } }),
    db.article.findFirst({ where: { breakingUntil: { gt: now } }, orderBy: { breakingUntil: 'asc' }, select: { breakingUntil: true } }),
  ]);
  const times = [scheduled?.publishedAt, breaking?.breakingUntil].filter((time): time is Date => time instanceof Date).map((time) => time.getTime());
  return times.length ? Math.min(...times) : null;
}
