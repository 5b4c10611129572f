// The article card dialog's search: GET /api/admin/articles/find. Only the session is replaced; the
// search, the read rule (a writer never finds another writer's draft) and the database are real.
import crypto from 'node:crypto';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createArticle } from '@/lib/articles/commands/save';
import { db } from '@/lib/db/client';

const session = vi.hoisted(() => ({ user: null as null | { id: number; role: 'writer' | 'editor' } }));
vi.mock('@/lib/auth/current', () => ({ currentUser: async () => session.user }));

const { GET } = await import('@/app/api/admin/articles/find/route');

const tag = crypto.randomBytes(4).toString('hex');
const find = async (query: string) => {
  const response = await GET(new NextRequest(`http://localhost/api/admin/articles/find?${query}`));
  return { status: response.status, body: (await response.json()) as { results?: { id: number; headline: string }[] } };
};
let writer: { id: number; role: 'writer' };
let editor: { id: number; role: 'editor' };
let ownDraft = 0;
let othersDraft = 0;

beforeAll(async () => {
  const make = async <R extends 'writer' | 'editor'>(role: R) => ({ id: (await db.user.create({ data: { email: `${role}-${tag}@example.org`, role, passwordHash: 'x' } })).id, role });
  writer = await make('writer');
  editor = await make('editor');
  const section = (await db.section.create({ data: { slug: `find-${tag}`, name: `Find ${tag}` } })).id;
  ownDraft = (await createArticle(writer, { headline: `Harbour ${tag} own draft`, sectionId: section })).id;
  othersDraft = (await createArticle(editor, { headline: `Harbour ${tag} editor draft`, sectionId: section })).id;
});

describe('GET /api/admin/articles/find', () => {
  it('answers 401 without a session', async () => {
    session.user = null;
    expect((await find(`q=Harbour+${tag}`)).status).toBe(401);
  });

  it('finds by words of the headline under the read rule, leaving out the article being edited', async () => {
    session.user = editor;
    expect((await find(`q=Harbour+${tag}`)).body.results?.map((result) => result.id).sort()).toEqual([ownDraft, othersDraft].sort());
    expect((await find(`q=Harbour+${tag}&exclude=${othersDraft}`)).body.results?.map((result) => result.id)).toEqual([ownDraft]);
    session.user = writer;
    expect((await find(`q=Harbour+${tag}`)).body.results?.map((result) => result.id)).toEqual([ownDraft]);
    // Not by its id either (the id's digits may be in a headline: only the draft's absence is asserted).
    expect((await find(`q=${othersDraft}`)).body.results?.map((result) => result.id)).not.toContain(othersDraft);
    session.user = editor;
    expect((await find(`q=${othersDraft}`)).body.results?.map((result) => result.id)).toContain(othersDraft);
  });

  it('treats an odd query as no query', async () => {
    session.user = editor;
    expect(await find(`q=${'x'.repeat(300)}&exclude=-1`)).toEqual({ status: 200, body: { results: [] } });
  });

  it('reads control characters as spaces: a NUL is no query, and one among words still finds them (PostgreSQL refused a NUL with a 500)', async () => {
    session.user = editor;
    expect(await find('q=%00')).toEqual({ status: 200, body: { results: [] } });
    expect((await find(`q=Harbour%00${tag}`)).body.results?.map((result) => result.id).sort()).toEqual([ownDraft, othersDraft].sort());
  });
});
