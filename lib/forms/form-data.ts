// Form posts, read through zod once: the one way a server action reads its FormData. Each field the
// schema names is its first text value (a field sent twice reads like a query string: the first);
// files and fields the schema does not name are left out; a missing field is absent, so the schema's
// default applies.
import { z } from 'zod';
import { recordIdParam } from '@/lib/articles/params';

/** The text of each field `schema` names: the plain object the schema (or a command) reads. */
export function formValues<S extends z.ZodObject>(schema: S, form: FormData): Partial<Record<keyof S['shape'] & string, string>> {
  const values: Partial<Record<string, string>> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = form.get(key);
    if (typeof value === 'string') values[key] = value;
  }
  return values as Partial<Record<keyof S['shape'] & string, string>>;
}

/**
 * The form parsed by `schema`. For forms whose every field has a fallback (`.catch`): it throws on
 * input the schema refuses, so a form whose refusals the editor must see uses `formValues` and
 * `safeParse` and shows the issues instead.
 */
export function parseFormData<S extends z.ZodObject>(schema: S, form: FormData): z.output<S> {
  return schema.parse(formValues(schema, form));
}

const text = z.string().catch('');

/** A form of text fields, each '' when absent or not text: for values a command parses itself. */
export function textFields<K extends string>(...names: K[]): z.ZodObject<Record<K, typeof text>> {
  return z.object(Object.fromEntries(names.map((name) => [name, text])) as Record<K, typeof text>);
}

/** A row id a button posts (a hidden input): plain digits, else 0, which no row has ("not found"). */
export const postedRecordId = recordIdParam.catch(0);
