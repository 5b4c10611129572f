// Contributors found or made by name, for writers that have names but no profiles: the converter of
// free-text bylines (convert-bylines.ts), the demo seed and the generated articles. A name matches a
// contributor whose name is the same but for case and spacing (byline-text.ts nameKey); a new one
// gets a free slug made from the name.
import type { Prisma } from '@/lib/generated/prisma/client';
import { nameKey } from '@/lib/contributors/byline-text';
import { uniqueContributorSlug } from '@/lib/contributors/slug';

type Tx = Prisma.TransactionClient;

/** Every contributor by name key (the newsroom has hundreds, not millions: one read). */
export async function contributorsByNameKey(tx: Tx): Promise<Map<string, number>> {
  const rows = await tx.contributor.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true } });
  const byKey = new Map<string, number>();
  for (const row of rows) if (!byKey.has(nameKey(row.name))) byKey.set(nameKey(row.name), row.id);
  return byKey;
}

/** The contributor of each name (made when none has it), keyed by the name as given. `known` is kept
 * up to date, so a batch can pass the same map again. */
export async function ensureContributorsByName(tx: Tx, names: readonly string[], known?: Map<string, number>): Promise<Map<string, number>> {
  const byKey = known ?? (await contributorsByNameKey(tx));
  const out = new Map<string, number>();
  for (const name of names) {
    const key = nameKey(name);
    let id = byKey.get(key);
    if (id === undefined) {
      const display = name.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, 120);
      const slug = await uniqueContributorSlug(tx, display);
      id = (await tx.contributor.create({ data: { name: display, slug }, select: { id: true } })).id;
      byKey.set(key, id);
    }
    out.set(name, id);
  }
  return out;
}
