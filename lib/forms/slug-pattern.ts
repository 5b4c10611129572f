// The one shape of a slug, for every kind (article, section, tag) and every reader: lower-case ASCII
// words joined by single hyphens, what lib/articles/slug.ts makes from a headline. No imports, so the
// article form (a client island) reads it for its `pattern` attribute without pulling zod along.

/** The pattern without anchors, as an HTML `pattern` attribute takes it (the browser anchors it). */
export const slugPatternSource = '[a-z0-9]+(?:-[a-z0-9]+)*';

export const slugPattern = new RegExp(`^${slugPatternSource}$`);

export const slugRuleMessage = 'Lower-case letters, digits and single hyphens only (such as "budget-vote-delayed").';
