// What the contributor commands say when they refuse: one table, so the admin's error codes
// (components/admin/outcomes.ts) map each to its message. No imports: client code may read it.
export const contributorMessages = {
  fields: 'Some fields of the profile need attention.',
  name: 'Write the contributor’s name (at most 120 characters).',
  slugTaken: 'Another contributor uses (or used) this slug. Choose another, or leave it empty to make one from the name.',
  photo: 'That picture no longer exists (or is not an image). Choose another from the media library.',
  account: 'That newsroom account does not exist.',
  accountTaken: 'That newsroom account is already linked to another contributor.',
  missing: 'That contributor does not exist.',
  role: 'Only editors and admins can manage contributors.',
  notRetired: 'That contributor is not retired.',
  retired: 'That contributor is already retired.',
  byline: 'A contributor in the byline no longer exists. Pick the byline again.',
} as const;
