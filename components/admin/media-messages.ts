// The media library's outcomes, by the short code the delete action puts in the query string
// (`?notice=media-deleted`, `?error=media-in-use`): the words live here only, never in the URL.
export const mediaDeleteErrors = {
  'media-in-use': 'This media is in use and was not deleted. Remove it from the articles listed below first.',
  'media-not-found': 'That media does not exist (it may have been deleted already).',
  'media-forbidden': 'Only editors and admins can delete media.',
} as const;

export type MediaDeleteErrorCode = keyof typeof mediaDeleteErrors;

export const mediaDeleteErrorText = (code: string | undefined): string | undefined =>
  code && Object.hasOwn(mediaDeleteErrors, code) ? mediaDeleteErrors[code as MediaDeleteErrorCode] : undefined;
