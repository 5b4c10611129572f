// The audit log: who signed in, who published, unpublished, deleted or restored what. Written by the
// newsroom's commands in the same breath as the change; read by /admin/audit.
import { z } from 'zod';
import { freeTextParam } from '@/lib/articles/params';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { pageNumberParam } from '@/lib/forms/search-params';

export type AuditAction =
  | 'sign-in'
  | 'sign-in.failed'
  | 'sign-in.locked'
  | 'sign-out'
  | 'article.created'
  | 'article.published'
  | 'article.scheduled'
  | 'article.unpublished'
  | 'article.deleted'
  | 'article.restored'
  | 'article.revision-restored'
  | 'article.corrected'
  | 'article.breaking'
  | 'media.uploaded'
  | 'media.deleted'
  | 'section.created'
  | 'section.renamed'
  | 'section.moved'
  | 'section.retired'
  | 'section.restored'
  | 'front.saved'
  | 'contributor.created'
  | 'contributor.edited'
  | 'contributor.retired'
  | 'contributor.restored'
  | 'user.created'
  | 'user.password-set'
  | 'user.disabled'
  | 'user.enabled';

export type AuditInput = {
  action: AuditAction;
  actorId: number | null;
  targetType?: 'article' | 'user' | 'media' | 'section' | 'front' | 'contributor' | '';
  targetId?: string | number;
  detail?: string;
  ip?: string;
};

type Writer = Pick<Prisma.TransactionClient, 'auditEntry'>;

export async function audit(entry: AuditInput, client: Writer = db): Promise<void> {
  await client.auditEntry.create({
    data: {
      action: entry.action,
      actorId: entry.actorId,
      targetType: entry.targetType ?? '',
      targetId: entry.targetId === undefined ? '' : String(entry.targetId),
      detail: entry.detail ?? '',
      ip: entry.ip ?? '',
    },
  });
}

export type AuditRow = {
  id: number;
  at: string;
  action: string;
  actor: string | null;
  targetType: string;
  targetId: string;
  detail: string;
  ip: string;
};

export const auditPageSize = 50;

/** The audit page's query: its page and the one action it lists (none: every action). */
export const auditListParams = z.object({
  page: pageNumberParam(100_000),
  action: freeTextParam(40).transform((action) => action || undefined),
});

/** Newest first; `page` is 1-based. Long details (deleted-article archives) are cut for display. */
export async function listAudit(page = 1, filter: { action?: string; targetType?: string; targetId?: string } = {}): Promise<{ rows: AuditRow[]; total: number }> {
  const where: Prisma.AuditEntryWhereInput = {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.targetType ? { targetType: filter.targetType } : {}),
    ...(filter.targetId ? { targetId: filter.targetId } : {}),
  };
  const [entries, total] = await Promise.all([
    db.auditEntry.findMany({
      where,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: (Math.max(1, page) - 1) * auditPageSize,
      take: auditPageSize,
      include: { actor: { select: { email: true } } },
    }),
    db.auditEntry.count({ where }),
  ]);
  return {
    total,
    rows: entries.map((entry) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      action: entry.action,
      actor: entry.actor?.email ?? null,
      targetType: entry.targetType,
      targetId: entry.targetId,
      detail: entry.detail.length > 300 ? `${entry.detail.slice(0, 300)}…` : entry.detail,
      ip: entry.ip,
    })),
  };
}
