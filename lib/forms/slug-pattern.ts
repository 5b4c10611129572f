// The one shape of a slug, for every kind (article, section, tag) and every reader: lower-case ASCII
// words joined by single hyphens, what lib/articles/slug.ts makes from a headline. No imports, so the
// article form (a client island) reads it for its `pattern` attribute without pulling zod along.

/** The pattern without anchors, as an HTML `pattern` attribute takes it (the browser anchors it). */
export const slugPatternSource = '[a-z0-9]+(?:-[a-z0-9]+)*';

export const slugPattern = new RegExp(`^${slugPatternSource}$`);

export const slugRuleMessage = 'Lower-case letters, digits and single hyphens only (such as "budget-vote-delayed").';

// An article's slug may also be written in its own script (issue 12: "گزارش-ویژه", not vowel-less
// transliteration): lower-case or caseless letters, combining marks and digits of any script, words
// joined by single hyphens, stored in Unicode NFC (lib/articles/slug.ts). Sections and tags keep the
// ASCII pattern above. In a URL the slug is percent-encoded UTF-8 (lib/articles/urls.ts).
const articleSlugCharacter = '[\\p{Ll}\\p{Lo}\\p{Lm}\\p{Mn}\\p{Mc}\\p{Nd}]';
/** The article slug pattern without anchors (an HTML `pattern` attribute: the browser adds the `v` flag). */
export const articleSlugPatternSource = `${articleSlugCharacter}+(?:-${articleSlugCharacter}+)*`;
export const articleSlugPattern = new RegExp(`^${articleSlugPatternSource}$`, 'u');
export const articleSlugRuleMessage = 'Lower-case letters (of any script), digits and single hyphens only (such as "budget-vote-delayed" or "گزارش-ویژه").';
