// The resolver's memory: what it found at a record (a page, or a move to an article's canonical
// path), kept per instance so a cached page is served without a query. Each answer is filed under the
// cache tags whose refresh may change it; the outbox (lib/cache/outbox.ts) hands every refresh it
// carries out, on every instance, to forgetAnswers, so an answer lives exactly as long as the pages
// it stands for. Nothing missing is remembered: a page published a moment ago is found at once.
// Kept apart from the resolver (no Next, no database) so the outbox, CLIs and tests load it cheaply;
// on globalThis because the proxy's bundle remembers and the outbox's bundle forgets.
import { everyPageTag, PATH_TAG_PREFIX } from '@/lib/cache/tags';

export type KnownAnswer = { kind: 'page' } | { kind: 'moved'; path: string };

type Entry = { answer: KnownAnswer; governedBy: readonly string[] };

type Memory = {
  entries: Map<string, Entry>;
  /** tag → keys of the answers it governs. */
  byTag: Map<string, Set<string>>;
  /** Raised by every forget: a look-up that started before it may predate the change. */
  generation: number;
  /** Diagnostics (tests, GET /api/internal/cache): paths resolved, how many needed the database, and
   * requests the server handed past the proxy on a remembered answer (lib/routing/known-page.ts). */
  stats: { resolved: number; lookedUp: number; passedBy: number };
};

/** At most this many answers (a Map keeps insertion order: the oldest tenth goes when full). */
export const MAX_KNOWN_ANSWERS = 50_000;

const globalForAnswers = globalThis as unknown as { ledeKnownAnswers?: Memory };
const memory: Memory = (globalForAnswers.ledeKnownAnswers ??= { entries: new Map(), byTag: new Map(), generation: 0, stats: { resolved: 0, lookedUp: 0, passedBy: 0 } });

export const resolverStats = (): Readonly<Memory['stats']> & { known: number } => ({ ...memory.stats, known: memory.entries.size });
export const countResolved = (): void => {
  memory.stats.resolved += 1;
};
export const countLookUp = (): void => {
  memory.stats.lookedUp += 1;
};
export const countPassedBy = (): void => {
  memory.stats.passedBy += 1;
};

/** The tag under which every answer about an article slug is filed: any refresh naming a path that
 * ends in that slug (the article's own, its old slugs', before and after a move) forgets them. */
export const slugTag = (slug: string): string => `slug:${slug}`;

export function recall(key: string): KnownAnswer | undefined {
  return memory.entries.get(key)?.answer;
}

/** The generation to pass back to `remember`: read it before the look-up. */
export const currentGeneration = (): number => memory.generation;

function drop(key: string): void {
  const entry = memory.entries.get(key);
  if (!entry) return;
  memory.entries.delete(key);
  for (const tag of entry.governedBy) {
    const keys = memory.byTag.get(tag);
    keys?.delete(key);
    if (keys?.size === 0) memory.byTag.delete(tag);
  }
}

export function remember(key: string, answer: KnownAnswer, governedBy: readonly string[], generation: number): void {
  // A refresh came while the database was read: the answer may predate it, so it is not kept.
  if (generation !== memory.generation) return;
  drop(key);
  if (memory.entries.size >= MAX_KNOWN_ANSWERS) {
    // A dropped answer costs one query when asked again.
    let count = Math.ceil(MAX_KNOWN_ANSWERS / 10);
    for (const oldest of memory.entries.keys()) {
      drop(oldest);
      if (--count === 0) break;
    }
  }
  memory.entries.set(key, { answer, governedBy });
  for (const tag of governedBy) {
    let keys = memory.byTag.get(tag);
    if (!keys) memory.byTag.set(tag, (keys = new Set()));
    keys.add(key);
  }
}

/** Every page refresh carried out (lib/cache/outbox.ts, on every instance) passes its tags here. */
export function forgetAnswers(tags: readonly string[]): void {
  memory.generation += 1;
  // A refresh of every page (an import, a restore, a copy) forgets every answer.
  if (tags.includes(everyPageTag)) {
    memory.entries.clear();
    memory.byTag.clear();
    return;
  }
  for (const tag of tags) {
    const governing = [tag];
    // A path tag /{section}/{slug} also stands for that slug under any section path.
    if (tag.startsWith(PATH_TAG_PREFIX)) {
      const segments = tag.slice(PATH_TAG_PREFIX.length).split('/').filter(Boolean);
      if (segments.length === 2) governing.push(slugTag(segments[1]!));
    }
    for (const name of governing) for (const key of [...(memory.byTag.get(name) ?? [])]) drop(key);
  }
}

/** Forget everything (tests, and a database swapped underneath). */
export function forgetAllAnswers(): void {
  forgetAnswers([everyPageTag]);
}
