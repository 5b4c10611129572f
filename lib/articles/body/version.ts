// The story model's format version, in a module of its own: the body editor (a client island) needs it
// without the schema, whose zod object schemas probe `new Function` when they are built, which the
// newsroom's Content-Security-Policy reports as a violation (e2e/security-headers.spec.ts).

/** The format's version, stored in every document: a reader of an older version converts it first. */
export const bodyFormatVersion = 1;
