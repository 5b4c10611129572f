// Saving a front's arrangement: the one write. It parses the one schema (lib/fronts/schema.ts),
// replaces the front's slots, writes the audit entry and records the page refresh in the outbox, all
// in one transaction, so readers see the old arrangement or the new one, never half of it; the caller
// (the server action) authorises first and carries the refresh out after the commit.
import { db } from '@/lib/db/client';
import { audit } from '@/lib/audit/log';
import { CommandError } from '@/lib/commands/error';
import { recordPageRefresh } from '@/lib/cache/outbox';
import { cacheTags } from '@/lib/cache/tags';
import { frontArrangementSchema, frontMessages, type FrontArrangement } from '@/lib/fronts/schema';
import { findFront } from '@/lib/fronts/queries';

export { frontMessages };

/** The tags a front's change expires: its own and the page's lists that show it. */
export function frontRefreshTags(address: string): string[] {
  return address === 'home' ? [cacheTags.front('home'), cacheTags.home] : [cacheTags.front(address), cacheTags.section(address)];
}

/** Parses the arrangement with the one schema; a refusal is a CommandError with the schema's message. */
export function parseArrangement(input: unknown): FrontArrangement {
  const parsed = frontArrangementSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues.find((issue) => Object.values<string>(frontMessages).includes(issue.message))?.message ?? frontMessages.article;
  throw new CommandError(message === frontMessages.front ? 'not-found' : 'invalid', message, { slots: message });
}

export async function saveFront(input: unknown, actor: { id: number | null; ip?: string }): Promise<{ address: string; pinned: number }> {
  const arrangement = parseArrangement(input);
  return db.$transaction(async (tx) => {
    const front = await findFront(arrangement.front, tx);
    if (!front) throw new CommandError('not-found', frontMessages.front);
    const ids = arrangement.slots.map((slot) => slot.articleId);
    const pictures = arrangement.slots.flatMap((slot) => (slot.mediaId === null ? [] : [slot.mediaId]));
    const [articles, media] = await Promise.all([
      tx.article.findMany({ where: { id: { in: ids } }, select: { id: true, headline: true } }),
      tx.media.count({ where: { id: { in: [...new Set(pictures)] }, kind: 'image' } }),
    ]);
    if (articles.length !== ids.length) throw new CommandError('not-found', frontMessages.gone);
    if (media !== new Set(pictures).size) throw new CommandError('invalid', frontMessages.picture);
    const saved = await tx.front.upsert({ where: { key: front.key }, create: { key: front.key, sectionId: front.sectionId }, update: {}, select: { id: true } });
    await tx.frontSlot.deleteMany({ where: { frontId: saved.id } });
    if (arrangement.slots.length) {
      await tx.frontSlot.createMany({ data: arrangement.slots.map((slot, position) => ({ frontId: saved.id, position, articleId: slot.articleId, headline: slot.headline, mediaId: slot.mediaId })) });
    }
    // Touches updatedAt even when only slots changed (the list page shows when a front was last arranged).
    await tx.front.update({ where: { id: saved.id }, data: { key: front.key } });
    const listed = arrangement.slots.map((slot, position) => {
      const headline = articles.find((article) => article.id === slot.articleId)?.headline ?? '';
      return `${position + 1}. #${slot.articleId} "${slot.headline || headline}"${slot.mediaId === null ? '' : ` picture #${slot.mediaId}`}`;
    });
    await audit({ action: 'front.saved', actorId: actor.id, targetType: 'front', targetId: front.address, detail: `${front.path}: ${listed.join('; ') || 'nothing pinned (newest first)'}`, ip: actor.ip ?? '' }, tx);
    await recordPageRefresh(tx, frontRefreshTags(front.address));
    return { address: front.address, pinned: arrangement.slots.length };
  });
}
