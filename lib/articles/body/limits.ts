// The table limits of a body (decision 0009's reasoning: a save holds the event loop), in a module of
// their own: the schema enforces them on the server, and the body editor (a client island, which must
// not import zod: version.ts says why) offers no step past them.

/** Columns of a table (header cells, and cells of every row). */
export const maxTableColumns = 12;
/** Rows of a table below its header. */
export const maxTableRows = 200;
