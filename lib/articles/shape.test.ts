// One Article shape (issue 11, item 2): every copy of the editable fields derives from the input
// schema, so a field added there and forgotten elsewhere is a type error (the type checks below run
// under `tsc --noEmit`), and every field survives each round trip that copies them (the tests below
// iterate over the schema's own list, so a new field is checked without touching this file).
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { ArticleFormValues } from '@/lib/articles/form-values';
import { getArticleForEdit } from '@/lib/articles/admin-queries';
import type { Actor } from '@/lib/articles/commands/result';
import { createArticle, updateArticle } from '@/lib/articles/commands/save';
import { deleteArticle, restoreArticle } from '@/lib/articles/commands/trash';
import { articleFieldNames, type ArticleFieldName, type ArticleInput } from '@/lib/articles/schema';
import { storedArticleFieldsSchema } from '@/lib/articles/stored-fields';
import { db } from '@/lib/db/client';
import { readSnapshot } from '@/lib/revisions/record';
import { restoreRevision } from '@/lib/revisions/restore';
import { articleSnapshotSchema, snapshotFieldLabels, type ArticleSnapshot } from '@/lib/revisions/snapshot';

describe('the copies of the field list are types of the one schema', () => {
  it('keeps, shows, snapshots and labels exactly the schema’s fields', () => {
    expectTypeOf<z.output<typeof storedArticleFieldsSchema>>().toEqualTypeOf<ArticleInput>();
    expectTypeOf<keyof ArticleFormValues>().toEqualTypeOf<ArticleFieldName>();
    expectTypeOf<Pick<ArticleSnapshot, ArticleFieldName>>().toEqualTypeOf<ArticleInput>();
    expect(Object.keys(storedArticleFieldsSchema.shape).sort()).toEqual([...articleFieldNames].sort());
    expect(snapshotFieldLabels.map(([field]) => field).sort()).toEqual(Object.keys(articleSnapshotSchema.shape).sort());
  });

  it('refuses, at compile time, a table of the fields that forgets one', () => {
    type FieldTable = { [K in ArticleFieldName]: unknown };
    const { kicker: _forgotten, ...withoutKicker } = Object.fromEntries(articleFieldNames.map((name) => [name, 1])) as FieldTable;
    // @ts-expect-error Property 'kicker' is missing: the satisfies the stored fields and labels use.
    const table = withoutKicker satisfies FieldTable;
    expect(Object.keys(table)).not.toContain('kicker');
  });
});

// A value for every editable field, none of them the default, and a second, different one: the
// `satisfies` makes a field the schema gains a type error here until it has its two values.
const paragraphs = (...texts: string[]) => ({ version: 1, blocks: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
let first: Record<ArticleFieldName, unknown>;
let second: Record<ArticleFieldName, unknown>;
let editor: Actor;

beforeAll(async () => {
  editor = { id: (await db.user.create({ data: { email: 'shape@example.org', role: 'editor', passwordHash: 'x' } })).id, role: 'editor' };
  const world = (await db.section.create({ data: { slug: 'shape-world', name: 'World' } })).id;
  const sport = (await db.section.create({ data: { slug: 'shape-sport', name: 'Sport' } })).id;
  const media = (n: number) => db.media.create({ data: { kind: 'image', path: `shape/${n}.jpg`, mimeType: 'image/jpeg', alt: `Picture ${n}` } });
  const [one, two] = await Promise.all([media(1), media(2)]);
  const writer = (name: string, slug: string) => db.contributor.create({ data: { name, slug } }).then((row) => row.id);
  const [writerA, writerB] = [await writer('A. Writer', 'a-writer'), await writer('B. Writer', 'b-writer')];
  first = {
    headline: 'Harbour reopens after storm', kicker: 'WEATHER', standfirst: 'Ships return.', body: paragraphs('The first text.'), language: 'fa', contributors: [writerA],
    sourceCredit: 'Wire One', contentType: 'video', sectionId: world, tags: ['Storms', 'Ports'], leadMediaId: one.id, slug: 'harbour-reopens',
  } satisfies Record<ArticleFieldName, unknown>;
  second = {
    headline: 'Harbour stays shut', kicker: 'PORTS', standfirst: 'Ships wait.', body: paragraphs('The second text.', 'And more.'), language: 'en-GB', contributors: [writerB, writerA],
    sourceCredit: 'Wire Two', contentType: 'text', sectionId: sport, tags: ['Shipping'], leadMediaId: two.id, slug: 'harbour-stays-shut',
  } satisfies Record<ArticleFieldName, unknown>;
});

const fieldsOf = (snapshot: ArticleSnapshot) => Object.fromEntries(articleFieldNames.map((name) => [name, snapshot[name]]));

describe('every field survives every copy', () => {
  it('a restored revision brings back every field of the schema', async () => {
    const { id } = await createArticle(editor, first);
    const saved = await updateArticle(editor, id, { ...second, version: 1 });
    expect(saved.ok).toBe(true);
    expect(fieldsOf((await db.$transaction((tx) => readSnapshot(tx, id))).snapshot)).toEqual(second);
    const restored = await restoreRevision(editor, id, 1, 2);
    expect(restored.ok).toBe(true);
    expect(fieldsOf((await db.$transaction((tx) => readSnapshot(tx, id))).snapshot)).toEqual(first);
  });

  it('the edit form is given every field as saved', async () => {
    const { id } = await createArticle(editor, { ...first, slug: 'harbour-form' });
    const article = await getArticleForEdit(id, editor);
    expect(article?.values).toEqual({ ...first, slug: 'harbour-form', tags: 'Storms, Ports', contributors: (first.contributors as number[]).join(',') });
  });

  it('a deleted article comes back with every field and column it had', async () => {
    const { id } = await createArticle(editor, { ...first, slug: 'harbour-deleted' });
    const before = await db.article.findUniqueOrThrow({ where: { id } });
    const snapshotBefore = (await db.$transaction((tx) => readSnapshot(tx, id))).snapshot;
    await deleteArticle(editor, id);
    await restoreArticle(editor, id);
    const after = await db.article.findUniqueOrThrow({ where: { id } });
    // A restored article is a draft, one version on (its restore is a revision of its own).
    const { status: _status, version: _version, updatedAt: _updatedAt, ...kept } = before;
    expect(after).toMatchObject({ ...kept, status: 'draft', version: before.version + 1 });
    expect(fieldsOf((await db.$transaction((tx) => readSnapshot(tx, id))).snapshot)).toEqual(fieldsOf(snapshotBefore));
  });
});
