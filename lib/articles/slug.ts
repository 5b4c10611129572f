// Article slugs: short and readable from the headline, unique across all articles and all old slugs
// (which answer 301), and never a route word of their own (reservedArticleSlugs: /{section}/older/...).
// Lower-case ASCII (@sindresorhus/slugify) for languages that read well transliterated; in their own
// script for those that do not (Persian, Arabic, Urdu, Pashto, Hebrew, Chinese, Japanese, Korean,
// Thai...): transliteration drops their vowels ("gzarsh-wyzhh"). Chosen by the article's language,
// else by the headline's script. Unicode slugs are stored NFC, percent-encoded in URLs.
import slugify from '@sindresorhus/slugify';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { reservedArticleSlugs } from '@/lib/articles/urls';

export const maxSlugLength = 80;

// Languages whose words are kept in their own script (BCP 47 primary subtags).
const ownScriptLanguages = new Set(['ar', 'fa', 'ur', 'ps', 'ckb', 'sd', 'ug', 'ks', 'prs', 'he', 'yi', 'zh', 'ja', 'ko', 'th', 'lo', 'km', 'my']);
// Scripts transliteration serves badly: an abjad loses its vowels, the others become guesses or nothing.
const ownScriptLetter = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Should a headline's slug keep its script? By the article's language, else by most of its letters. */
export function keepsScript(headline: string, language = ''): boolean {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  if (ownScriptLanguages.has(primary)) return true;
  const letters = [...headline].filter((character) => /\p{L}/u.test(character));
  return letters.length > 0 && letters.filter((character) => ownScriptLetter.test(character)).length * 2 > letters.length;
}

/** Text as a slug in its own script: NFC, lower case, optional marks out, anything else a hyphen. */
export function unicodeSlug(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    // Arabic-script vowel marks and the tatweel are optional in writing (and in how readers type an
    // address); zero-width joiners and direction marks are invisible. None belong in a slug.
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/[^\p{Ll}\p{Lo}\p{Lm}\p{Mn}\p{Mc}\p{Nd}]+/gu, '-')
    // A mark cannot start a word once what it sat on is gone.
    .replace(/(^|-)\p{M}+/gu, '$1')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The slug a headline asks for, before uniqueness: cut at a word boundary, never reserved or empty. */
export function headlineSlug(headline: string, language = ''): string {
  let slug = keepsScript(headline, language) ? unicodeSlug(headline) : slugify(headline, { decamelize: false });
  // Cut in characters (code points), at a hyphen when there is one.
  const characters = [...slug];
  if (characters.length > maxSlugLength) {
    const cut = characters.slice(0, maxSlugLength + 1).join('');
    slug = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : characters.slice(0, maxSlugLength).join('');
  }
  if (!slug) slug = 'article';
  if (reservedArticleSlugs.has(slug)) slug = `${slug}-article`;
  return slug;
}

export type SlugClient = Pick<Prisma.TransactionClient, '$queryRaw'>;

/**
 * A slug for `headline` that no other article uses now or used before: the headline's slug, else the
 * same with -2, -3, ... `articleId` is the article being (re)named: its own current and old slugs are
 * free for it. Run it inside the transaction that saves the slug so two saves cannot take the same one.
 */
export async function uniqueArticleSlug(headline: string, options: { articleId?: number; client?: SlugClient; language?: string } = {}): Promise<string> {
  const client = options.client ?? db;
  const base = headlineSlug(headline, options.language);
  // One query over both tables; a range, not LIKE, so the unique indexes answer it ('.' follows '-').
  const rows = await client.$queryRaw<{ slug: string; articleId: number | bigint }[]>`
    SELECT "slug", "id" AS "articleId" FROM "Article" WHERE "slug" = ${base} OR ("slug" >= ${`${base}-`} AND "slug" < ${`${base}.`})
    UNION ALL
    SELECT "slug", "articleId" FROM "ArticleSlug" WHERE "slug" = ${base} OR ("slug" >= ${`${base}-`} AND "slug" < ${`${base}.`})`;
  const taken = new Set<string>();
  for (const row of rows) if (Number(row.articleId) !== options.articleId) taken.add(row.slug);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
