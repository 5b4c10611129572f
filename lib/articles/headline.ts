// The headline's length limit and its message, in one place for the schema (the server's answer) and
// the form (the live note while typing or pasting): both say how long the text is, because a limit
// that cuts a pasted headline silently leaves the editor publishing half a sentence.
export const maxHeadlineLength = 300;

/** Counted in UTF-16 code units, as the schema and the browser's input both count. */
export const headlineTooLong = (length: number) => `At most ${maxHeadlineLength} characters: this headline has ${length.toLocaleString('en')}.`;
