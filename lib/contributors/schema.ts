// The ONE schema for a contributor profile: the admin form, its server action, the NDJSON import and
// the seed parse with it. Links are stored as the one https address each names (links.ts).
import { z } from 'zod';
import { slugSchema } from '@/lib/articles/schema';
import { normaliseProfileLink, profileLinkMessages, type ProfileLinkKind } from '@/lib/contributors/links';

export const maxBioLength = 600;
export { bylineInputSchema, maxBylineContributors } from '@/lib/contributors/byline-input';

const noControl = (text: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);

const plainLine = (max: number, message: string) =>
  z.string().max(max, message).transform((value) => value.replace(/\s+/g, ' ').trim()).refine(noControl, 'Control characters are not allowed.');

const link = (kind: ProfileLinkKind) =>
  z.string().max(300, profileLinkMessages[kind]).transform((value, context) => {
    const url = normaliseProfileLink(kind, value);
    if (url === null) {
      context.addIssue({ code: 'custom', message: profileLinkMessages[kind] });
      return z.NEVER;
    }
    return url;
  });

const optionalId = z.preprocess(
  (value) => (value === '' || value === null || value === undefined ? null : value),
  z.coerce.number().int().positive().nullable(),
);

export const contributorNameSchema = plainLine(120, 'At most 120 characters.').pipe(z.string().min(1, 'Write the contributor’s name.'));

export const contributorInputSchema = z.object({
  name: contributorNameSchema,
  // Empty: made from the name (lib/contributors/slug.ts).
  slug: slugSchema.default(''),
  jobTitle: plainLine(100, 'At most 100 characters.').default(''),
  // Plain text: paragraphs are kept (blank lines), nothing else of layout.
  bio: z
    .string()
    .max(maxBioLength, `At most ${maxBioLength} characters.`)
    .transform((value) => value.replace(/\r\n?/g, '\n').replace(/[^\S\n]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim())
    .refine(noControl, 'Control characters are not allowed.')
    .default(''),
  photoId: optionalId.default(null),
  website: link('website').default(''),
  x: link('x').default(''),
  mastodon: link('mastodon').default(''),
  bluesky: link('bluesky').default(''),
  userId: optionalId.default(null),
});

export type ContributorInput = z.output<typeof contributorInputSchema>;
export type ContributorFieldName = keyof ContributorInput;
export const contributorFieldNames = contributorInputSchema.keyof().options;

/** An edit names the contributor. */
export const contributorUpdateSchema = contributorInputSchema.extend({ id: z.coerce.number().int().positive() });
export const contributorIdSchema = z.object({ id: z.coerce.number().int().positive() });

/** The newsroom's list: search and page. */
export const contributorListParams = z.object({
  q: z.string().max(200).catch('').transform((value) => value.replace(/[\u0000-\u001F\u007F]/g, ' ').trim()),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  retired: z.enum(['0', '1']).catch('0'),
});
