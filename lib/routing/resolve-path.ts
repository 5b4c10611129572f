// The one answer to "what is this public path", asked once per request by the proxy (proxy.ts):
//   page    — Next renders it (or a route the resolver leaves alone: the admin, the API, files...);
//   moved   — one 301 straight to the canonical URL: a legacy URL, a non-canonical spelling (case,
//             trailing or doubled slashes), an old slug, a current slug under another section path,
//             a section's old slug (its front, its pages, its articles: lib/sections);
//             combined cases go to the article in one hop, never through a chain;
//   missing — 404: no such section, tag or public article, or a page cursor that cannot be one.
// The path is read without I/O (lib/routing/public-path.ts); the record it names is looked up
// through the data modules and the answer remembered until a page refresh expires it
// (lib/routing/known-answers.ts), so a canonical URL of a cached page costs no query.
// docs/decisions/0004-not-found.md says why the proxy decides this rather than the pages.
import { cacheTags } from '@/lib/cache/tags';
import { readPublicPath, type PathRecord } from '@/lib/routing/public-path';
import { countLookUp, countResolved, currentGeneration, recall, remember, slugTag, type KnownAnswer } from '@/lib/routing/known-answers';

export type PathAnswer = { kind: 'page' } | { kind: 'moved'; location: string } | { kind: 'missing' };

type LookedUpRecord = Exclude<PathRecord, { kind: 'impossible' }>;
type Found = { answer: KnownAnswer; governedBy: string[] } | null;

const page: PathAnswer = { kind: 'page' };
const missing: PathAnswer = { kind: 'missing' };

/** What a record's answer is filed under: a section or tag answer is the same for every page of it. */
function keyOf(record: LookedUpRecord, path: string): string {
  switch (record.kind) {
    case 'section':
      return `section:${record.section}`;
    case 'tag':
      return `tag:${record.tag}`;
    case 'author':
      return `author:${record.author}`;
    case 'legacy':
      return `legacy:${record.legacyId}`;
    case 'article':
      return path;
  }
}

// The data modules are loaded on the first look-up, not with the proxy: the common path (a
// remembered answer) never loads the database client.
async function lookUp(record: LookedUpRecord, path: string): Promise<Found> {
  switch (record.kind) {
    case 'section': {
      const { findSectionAddress } = await import('@/lib/sections/queries');
      const section = await findSectionAddress(record.section);
      if (!section) return null;
      if (section.slug === record.section) return { answer: { kind: 'page' }, governedBy: [cacheTags.section(record.section), cacheTags.sectionAddresses(record.section)] };
      // An old slug: the front's current address (the rest of the path is kept by the caller). Filed
      // under both slugs, so a later rename (A→B→C) forgets it and the next request makes one hop.
      return { answer: { kind: 'moved', path: `/${section.slug}` }, governedBy: [cacheTags.section(section.slug), cacheTags.sectionAddresses(record.section), cacheTags.sectionAddresses(section.slug)] };
    }
    case 'tag': {
      const { tagExists } = await import('@/lib/tags/queries');
      return (await tagExists(record.tag)) ? { answer: { kind: 'page' }, governedBy: [cacheTags.tag(record.tag)] } : null;
    }
    case 'author': {
      const { findContributorAddress } = await import('@/lib/contributors/queries');
      const contributor = await findContributorAddress(record.author);
      if (!contributor) return null;
      // Every profile change records the contributor's tag (a rename among them): the answer is forgotten.
      const governedBy = [cacheTags.contributor(contributor.id)];
      if (contributor.slug === record.author) return { answer: { kind: 'page' }, governedBy };
      return { answer: { kind: 'moved', path: `/author/${encodeURIComponent(contributor.slug)}` }, governedBy };
    }
    case 'legacy': {
      const { findPublicArticleByLegacyId } = await import('@/lib/articles/addresses');
      const article = await findPublicArticleByLegacyId(record.legacyId);
      return article ? { answer: { kind: 'moved', path: article.path }, governedBy: [cacheTags.article(article.id)] } : null;
    }
    case 'article': {
      const { findPublicArticleBySlug } = await import('@/lib/articles/addresses');
      const article = await findPublicArticleBySlug(record.slug);
      if (!article) return null;
      // An old slug, or the slug under another section path: the article's canonical path.
      const answer: KnownAnswer = article.path === path ? { kind: 'page' } : { kind: 'moved', path: article.path };
      // A rename of the section in the path, or of the article's own section, changes the answer
      // (a move from a section's old slug points at its current one: A→B→C must forget "→ B").
      const current = article.path.split('/')[1] ?? record.section;
      return { answer, governedBy: [cacheTags.article(article.id), slugTag(record.slug), ...new Set([record.section, current].map(cacheTags.sectionAddresses))] };
    }
  }
}

/**
 * True when a GET or HEAD of `pathname` is a page without asking anything: its spelling is canonical
 * and it names no record (home, search, status...), or the record's remembered answer is "page".
 * Pure memory, no I/O: the server asks it for every request to decide whether the proxy need run
 * (lib/routing/known-page.ts); anything else (a move, a 404, a record not remembered) is the proxy's.
 */
export function isKnownPage(pathname: string): boolean {
  const read = readPublicPath(pathname);
  if (!read || read.respelled) return false;
  const { record } = read;
  if (!record) return true;
  if (record.kind === 'impossible') return false;
  return recall(keyOf(record, read.path))?.kind === 'page';
}

/**
 * What the proxy does with a request for `pathname` (`search` is the query string, "?…" or ""):
 * only GET and HEAD are resolved (a form posts to the page it is on).
 */
export async function resolvePublicPath(method: string, pathname: string, search: string = ''): Promise<PathAnswer> {
  countResolved();
  if (method !== 'GET' && method !== 'HEAD') return page;
  const read = readPublicPath(pathname);
  if (!read) return page;
  const { record } = read;
  if (!record) return read.respelled ? { kind: 'moved', location: read.path + search } : page;
  if (record.kind === 'impossible') return missing;
  const key = keyOf(record, read.path);
  let known = recall(key);
  if (!known) {
    const generation = currentGeneration();
    countLookUp();
    const found = await lookUp(record, read.path);
    // Nothing missing is remembered: a page published a moment ago must be found at once.
    if (!found) return missing;
    remember(key, found.answer, found.governedBy, generation);
    known = found.answer;
  }
  // A legacy URL's query string belonged to the old site; any other keeps it. A section's old slug
  // moves the front and each of its older/newer pages: the path after the slug is kept.
  if (known.kind === 'moved') {
    if (record.kind === 'legacy') return { kind: 'moved', location: known.path };
    const rest =
      record.kind === 'section'
        ? read.path.slice(record.section.length + 1)
        : record.kind === 'author'
          ? read.path.split('/').slice(3).map((segment) => `/${segment}`).join('')
          : '';
    return { kind: 'moved', location: known.path + rest + search };
  }
  return read.respelled ? { kind: 'moved', location: read.path + search } : page;
}
