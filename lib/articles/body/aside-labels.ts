// The names of a body's asides (pull quotes and fact boxes), for the page and the feeds alike.
import type { Block } from '@/lib/articles/body/schema';

/**
 * The landmark names of the body's asides (pull quotes and fact boxes), by block index: each
 * landmark on a page needs a name of its own, so a name used twice gets its number ("Pull quote
 * (2)"). A fact box is named by its title.
 */
export function asideLabels(blocks: readonly Block[]): Map<number, string> {
  const names = new Map<number, string>();
  blocks.forEach((block, index) => {
    if (block.type === 'pullQuote') names.set(index, 'Pull quote');
    else if (block.type === 'factBox') names.set(index, block.title.trim() || 'Fact box');
  });
  const total = new Map<string, number>();
  for (const name of names.values()) total.set(name, (total.get(name) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const [index, name] of names) {
    if (total.get(name)! < 2) continue;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    names.set(index, `${name} (${n})`);
  }
  return names;
}
