// What a newsroom page may say after a button action. The redirect carries a code (`?error=role`),
// never text: a page shows only the message this table holds for a known code, so a link with
// `?error=<anything>` cannot put words of its author's choosing in front of an editor (phishing in
// the newsroom's own voice). Messages thrown with a different wording fall back to a generic message
// of their kind; add a line here for each new refusal a button action can give.
import { z } from 'zod';
import { minimumPasswordLength } from '@/lib/auth/password';
import { passwordWarnings } from '@/lib/auth/password-strength';
import { sectionMessages } from '@/lib/sections/messages';
import { frontMessages } from '@/lib/fronts/schema';
import { contributorMessages } from '@/lib/contributors/messages';
import { profileLinkMessages } from '@/lib/contributors/links';
import { articleSlugRuleMessage } from '@/lib/forms/slug-pattern';

const errorMessages = {
  // Authorisation (lib/auth/current.ts).
  origin: 'This request did not come from a Lede page.',
  'session-ended': 'Your session has ended. Sign in again.',
  role: 'Your role does not allow this.',
  // Article commands.
  fields: 'Some fields need attention.',
  'create-role': 'Your role cannot create articles.',
  'edit-role': 'Your role cannot edit this article.',
  'article-gone': 'That article does not exist (it may have been deleted).',
  'article-missing': 'That article does not exist.',
  'correction-role': 'Only editors and admins can add corrections.',
  'correction-published': 'Corrections are for published articles: edit a draft instead.',
  'correction-note': 'Write the correction.',
  'breaking-role': 'Only editors and admins can flag breaking news.',
  'breaking-published': 'Only a published article can be breaking news.',
  'breaking-until': 'Choose until when the article is breaking news.',
  'future-time': 'Choose a time in the future.',
  'future-or-now': 'Choose a time in the future (or publish now).',
  'publish-at': 'Choose a date and time to publish at.',
  'publish-role': 'Only editors and admins can publish, schedule or unpublish.',
  'status-step': 'The article’s status does not allow that step. Reload the page to see where it stands.',
  'saved-since-opened': 'Someone saved this article since you opened it. Review their version before publishing.',
  'saved-moment-ago': 'Someone saved this article a moment ago. Review their version first.',
  'related-pick': 'Pick an article to link.',
  'related-self': 'An article cannot be related to itself.',
  'related-twice': 'That article is already in the related links.',
  'related-full': 'This article has as many related links as it can take.',
  'related-move': 'Choose a link and a direction.',
  'related-remove': 'Choose a link to remove.',
  'related-gone': 'That link is not on this article any more.',
  'picture-gone': 'That picture no longer exists.',
  'confirm-delete': 'Tick the box to confirm the deletion.',
  'delete-role': 'Only editors and admins can delete articles.',
  'restore-role': 'Only editors and admins can restore articles.',
  'not-deleted': 'That article is not deleted.',
  'no-deleted': 'No deleted article with that id.',
  'no-section': 'There is no section to restore the article into.',
  'revision-missing': 'That revision does not exist.',
  'revision-conflict': 'Someone saved a newer version since this page was opened. Look at it, then restore again.',
  // Accounts.
  'account-exists': 'An account with that e-mail address already exists.',
  'no-account': 'There is no account with that e-mail address.',
  'disable-self': 'You cannot disable your own account.',
  'email-invalid': 'Enter an e-mail address such as name@example.org.',
  'password-short': `Use at least ${minimumPasswordLength} characters.`,
  'password-weak':
    'That password is too easy to guess (a common word or name, a keyboard pattern, a sequence or repeats). Use a phrase of several unrelated words.',
  'account-fields': `Check the e-mail address, the role and the password (${minimumPasswordLength} characters or more).`,
  // Media uploads.
  'upload-unreadable': 'The upload could not be read. Try again.',
  'upload-too-long': 'Some fields are too long.',
  'upload-choose': 'Choose a file to upload.',
  'upload-type': 'Lede takes JPEG, PNG, GIF, WebP or AVIF images and MP4 or WebM videos. This file is none of those (whatever its name says).',
  'upload-too-large': 'That file is larger than the upload limit shown above the form.',
  'image-alt': 'Describe the image for readers who cannot see it (alt text).',
  'image-damaged': 'That file looks like an image but cannot be read. Is it damaged?',
  'poster-needed': 'A video needs a poster image (shown before it plays).',
  'poster-type': 'The poster must be a JPEG, PNG, GIF, WebP or AVIF image.',
  'video-alt': 'Describe the video (alt text) so its poster has a description.',
  // Media deletion (app/admin/actions/media.ts).
  'media-in-use': 'This media is in use and was not deleted. Remove it from the articles listed below first.',
  'media-not-found': 'That media does not exist (it may have been deleted already).',
  'media-forbidden': 'Only editors and admins can delete media.',
  // Sections (lib/sections/commands.ts).
  'section-slug': sectionMessages.slug,
  'section-reserved': sectionMessages.reserved,
  'section-name': sectionMessages.name,
  'section-description': sectionMessages.description,
  'section-taken': sectionMessages.taken,
  'section-missing': sectionMessages.missing,
  'section-edge': sectionMessages.edge,
  'section-not-retired': sectionMessages.notRetired,
  'section-retired': sectionMessages.retired,
  // Fronts (lib/fronts/schema.ts).
  'front-missing': frontMessages.front,
  'front-article': frontMessages.article,
  'front-twice': frontMessages.twice,
  'front-full': frontMessages.full,
  'front-headline': frontMessages.headline,
  'front-picture': frontMessages.picture,
  'front-gone': frontMessages.gone,
  // Contributors (lib/contributors/commands.ts, links.ts).
  'contributor-fields': contributorMessages.fields,
  'contributor-name': 'Write the contributor’s name.',
  'contributor-slug-taken': contributorMessages.slugTaken,
  'contributor-photo': contributorMessages.photo,
  'contributor-account': contributorMessages.account,
  'contributor-account-taken': contributorMessages.accountTaken,
  'contributor-missing': contributorMessages.missing,
  'contributor-role': contributorMessages.role,
  'contributor-not-retired': contributorMessages.notRetired,
  'contributor-retired': contributorMessages.retired,
  'contributor-website': profileLinkMessages.website,
  'contributor-x': profileLinkMessages.x,
  'contributor-mastodon': profileLinkMessages.mastodon,
  'contributor-bluesky': profileLinkMessages.bluesky,
  'contributor-slug': articleSlugRuleMessage,
  // Fallbacks by kind of refusal.
  invalid: 'That was refused: check the form and try again.',
  'not-found': 'That no longer exists (it may have been deleted).',
  conflict: 'Someone changed this in the meantime. Reload the page and try again.',
} as const;

// A weak password's reason, one code per zxcvbn warning ("password-weak-simpleRepeat"), so the page
// still says why without carrying text.
const passwordAdvice = 'Use a phrase of several unrelated words.';
const weakPasswordMessages = Object.fromEntries(
  Object.entries(passwordWarnings).map(([key, warning]) => [`password-weak-${key}`, `That password is too easy to guess. ${warning} ${passwordAdvice}`]),
) as Record<`password-weak-${string}`, string>;

export type ErrorCode = keyof typeof errorMessages | `password-weak-${string}`;

const allMessages: Readonly<Record<string, string>> = { ...errorMessages, ...weakPasswordMessages };

/** The codes a page accepts in `?error=`. */
export const errorCode = z.enum(Object.keys(allMessages) as [ErrorCode, ...ErrorCode[]]);

// Messages whose wording carries a detail (an e-mail, a number, zxcvbn's reasons) map by their shape.
const shapes: ReadonlyArray<readonly [RegExp, ErrorCode]> = [
  [/^An? \w+ article cannot be \w+\.$/, 'status-step'],
  [/^An article has at most \d+ related links\.$/, 'related-full'],
  [/^Someone saved version \d+ since this page was opened/, 'revision-conflict'],
  [/^An account for .* already exists\.$/, 'account-exists'],
  [/^No account for /, 'no-account'],
  [/^(Images|Videos) can be at most /, 'upload-too-large'],
];

const codeByMessage = new Map<string, ErrorCode>(Object.entries(errorMessages).map(([code, message]) => [message, code as ErrorCode]));

function weakPasswordCode(message: string): ErrorCode | null {
  if (!message.startsWith('This password is too easy to guess.')) return null;
  const warning = Object.entries(passwordWarnings).find(([, text]) => message.includes(text));
  return warning ? `password-weak-${warning[0]}` : 'password-weak';
}

/**
 * The code for a refusal's message, trying the most specific text first (a field's message, then the
 * command's); unknown wording becomes the generic code of its kind.
 */
export function errorCodeFor(messages: ReadonlyArray<string | undefined>, kind: 'invalid' | 'not-found' | 'forbidden' | 'conflict' = 'invalid'): ErrorCode {
  for (const message of messages) {
    if (!message) continue;
    const exact = codeByMessage.get(message) ?? weakPasswordCode(message);
    if (exact) return exact;
    const shaped = shapes.find(([shape]) => shape.test(message));
    if (shaped) return shaped[1];
  }
  return kind === 'forbidden' ? 'role' : kind;
}

/** The message for `?error=`: a known code's text, or nothing at all. */
export function errorMessageFor(raw: string | undefined): string | null {
  const parsed = errorCode.safeParse(raw);
  return parsed.success ? (allMessages[parsed.data] ?? null) : null;
}
