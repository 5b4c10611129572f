// What a refused section change says: one wording, shared by the commands (which throw it) and the
// newsroom's outcome codes (components/admin/outcomes.ts), with no imports so either can load it.
export const sectionMessages = {
  slug: 'A section’s address is lower-case letters, digits and single hyphens (such as "world-news").',
  reserved: 'That address is one of the site’s own (such as /admin or /search). Choose another slug.',
  name: 'Give the section a name of at most 80 characters.',
  description: 'Keep the description to 300 characters.',
  taken: 'Another section has, or had, that address. Choose another slug.',
  missing: 'That section does not exist.',
  edge: 'That section is already at that end of the navigation.',
  notRetired: 'That section is not retired.',
  retired: 'That section is already retired.',
} as const;
