// Publishing, scheduling and unpublishing. Editors and admins only; each bumps the version, stores a
// revision and an audit entry. A scheduled article goes live lazily: lib/articles/scheduling/
// due-work.ts flips it on the first request after its time (no cron), so scheduling only has to
// record the time.
import { can } from '@/lib/auth/roles';
import { audit } from '@/lib/audit/log';
import { footprintBefore, recordFootprint } from '@/lib/articles/commands/change';
import { ArticleCommandError, type Actor, type Changed } from '@/lib/articles/commands/result';
import { db } from '@/lib/db/client';
import { faultPoint } from '@/lib/faults/kill';
import { recordPageRefresh } from '@/lib/cache/outbox';
import { cacheTags } from '@/lib/cache/tags';
import type { ArticleStatus, Prisma } from '@/lib/generated/prisma/client';
import { recordRevision } from '@/lib/revisions/record';

type Transition = {
  note: string;
  action: 'article.published' | 'article.scheduled' | 'article.unpublished';
  from: readonly ArticleStatus[];
  data: (article: { status: ArticleStatus; publishedAt: Date | null }, now: Date) => Prisma.ArticleUpdateManyMutationInput;
};

async function transition(actor: Actor, articleId: number, expectedVersion: number | null, step: Transition, ip = ''): Promise<Changed & { version: number }> {
  if (!can(actor.role, 'article.publish')) throw new ArticleCommandError('forbidden', 'Only editors and admins can publish, schedule or unpublish.');
  const article = await db.article.findUnique({ where: { id: articleId }, select: { status: true, publishedAt: true, version: true, headline: true } });
  if (!article) throw new ArticleCommandError('not-found', 'That article does not exist (it may have been deleted).');
  if (expectedVersion !== null && expectedVersion !== article.version) {
    throw new ArticleCommandError('conflict', 'Someone saved this article since you opened it. Review their version before publishing.');
  }
  if (!step.from.includes(article.status)) {
    throw new ArticleCommandError('invalid', `A ${article.status} article cannot be ${step.action.split('.')[1]}.`);
  }
  const now = new Date();
  const { version, change } = await db.$transaction(async (tx) => {
    const footprint = await footprintBefore(articleId, tx);
    const { count } = await tx.article.updateMany({
      where: { id: articleId, version: article.version },
      data: { ...step.data(article, now), version: { increment: 1 } },
    });
    if (count === 0) throw new ArticleCommandError('conflict', 'Someone saved this article a moment ago. Review their version first.');
    faultPoint('article.transition');
    await recordRevision(tx, { articleId, authorId: actor.id, note: step.note });
    await audit({ action: step.action, actorId: actor.id, targetType: 'article', targetId: articleId, detail: article.headline.slice(0, 300), ip }, tx);
    const change = await recordFootprint(tx, articleId, footprint);
    // A schedule changes no page yet; every instance's due trigger must learn its time all the same.
    if (!change && step.action === 'article.scheduled') await recordPageRefresh(tx, [cacheTags.schedules]);
    return { version: article.version + 1, change };
  });
  return { version, change };
}

export function publishArticle(actor: Actor, articleId: number, expectedVersion: number | null = null, ip = '') {
  return transition(actor, articleId, expectedVersion, {
    note: 'Published',
    action: 'article.published',
    from: ['draft', 'scheduled', 'unpublished'],
    // The dateline is the first publication; publishing again after an unpublish keeps it and moves
    // the modified time. Publishing a scheduled article early dates it now.
    data: (article, now) => {
      const keep = article.status === 'unpublished' && article.publishedAt !== null && article.publishedAt <= now;
      return keep ? { status: 'published', modifiedAt: now } : { status: 'published', publishedAt: now, modifiedAt: now };
    },
  }, ip);
}

export async function scheduleArticle(actor: Actor, articleId: number, at: Date, expectedVersion: number | null = null, ip = '') {
  if (!(at.getTime() > Date.now())) {
    throw new ArticleCommandError('invalid', 'Choose a time in the future (or publish now).', { publishAt: 'Choose a time in the future.' });
  }
  return transition(actor, articleId, expectedVersion, {
    note: `Scheduled for ${at.toISOString()}`,
    action: 'article.scheduled',
    from: ['draft', 'scheduled', 'unpublished'],
    data: () => ({ status: 'scheduled', publishedAt: at, modifiedAt: null }),
  }, ip);
}

export function unpublishArticle(actor: Actor, articleId: number, expectedVersion: number | null = null, ip = '') {
  return transition(actor, articleId, expectedVersion, {
    note: 'Unpublished',
    action: 'article.unpublished',
    from: ['published', 'scheduled'],
    // A scheduled article that is called off was never public: it goes back to being a draft.
    data: (article) => (article.status === 'scheduled' ? { status: 'draft', publishedAt: null } : { status: 'unpublished', breakingUntil: null }),
  }, ip);
}
