// Data for `npm run bench -- --scenario coherence`, in the bench database (DATABASE_URL of this
// child): N drafts in the bench's busiest section under one new tag, and an editor with a session.
// Prints one JSON line: { drafts: [{ id, path }], section, tag, session }.
import { paragraphsBody } from '@/lib/articles/body/columns';
import crypto from 'node:crypto';
import { createArticle } from '@/lib/articles/commands/save';
import { createSession } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { createUser } from '@/lib/users/commands';

const [countArg = '50', word = 'Bench'] = process.argv.slice(2);
const email = `bench-editor-${crypto.randomBytes(3).toString('hex')}@example.org`;
const { id } = await createUser({ email, role: 'editor', password: crypto.randomBytes(16).toString('hex'), name: 'Bench editor' });
const actor = { id, role: 'editor' as const };
const section = await db.section.findFirstOrThrow({ orderBy: { position: 'asc' }, select: { id: true, slug: true } });
const drafts: { id: number; path: string }[] = [];
for (let index = 0; index < Number(countArg); index += 1) {
  const created = await createArticle(actor, { headline: `${word}n${index}a coherence under load`, body: paragraphsBody('Bench.'), sectionId: section.id, tags: [word] });
  drafts.push({ id: created.id, path: `/${section.slug}/${created.slug}` });
}
const tag = await db.tag.findFirstOrThrow({ where: { name: word }, select: { slug: true } });
const { token } = await createSession(id);
console.log(JSON.stringify({ drafts, section: section.slug, tag: tag.slug, session: token }));
await db.$disconnect();
