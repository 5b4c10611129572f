// How a record's fields meet a row's columns, in both directions, typed so that a field added on
// either side and not mapped on the other does not compile. Each side names only the fields it
// translates (a date, an id that becomes a natural key); everything else is copied under its own
// name, and `sameNames` checks that the other side has a field of that name and type.

/** Every field of T, none optional: what a mapping must fill (`satisfies Complete<Record>`). */
export type Complete<T> = { [K in keyof T]-?: T[K] };

/**
 * Fields copied under their own names into a `To`. The type error names a field `To` lacks (or
 * holds in another type): map it, or leave it out on purpose where it is taken apart.
 */
export const sameNames =
  <To>() =>
  <From extends { [K in keyof From]: K extends keyof To ? To[K] : never }>(fields: From): From =>
    fields;

/** A row's dates as the ISO text a record holds. */
export type IsoDates<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? Exclude<T[K], Date> | string : T[K] };

export function isoDates<T extends object>(row: T): IsoDates<T> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value])) as IsoDates<T>;
}
