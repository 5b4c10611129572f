// Data steps of e2e/scale-out.spec.ts, run in a child process because they work on the spec's own
// PostgreSQL database (DATABASE_URL of the child), not on the database of the rest of the e2e run.
//   tsx e2e/support/scale-out-data.ts prepare            migrate, demo content, an editor
//   tsx e2e/support/scale-out-data.ts schedule WORD MS   a draft in "world" scheduled MS ms from now
//   tsx e2e/support/scale-out-data.ts drafts WORD N      N drafts in "world" tagged WORD, and an editor's session
//   tsx e2e/support/scale-out-data.ts section WORD       a new section WORD with one published article in it
//   tsx e2e/support/scale-out-data.ts rename ID SLUG     renames section ID to SLUG, as the newsroom saves it,
//                                                        and leaves the page refresh to the instances' outbox
// Prints one JSON line.
import { paragraphsBody } from '@/lib/articles/body/columns';
import crypto from 'node:crypto';
import { applyMigrations } from '@/lib/db/migrate';
import { db } from '@/lib/db/client';
import { createArticle } from '@/lib/articles/commands/save';
import { publishArticle, scheduleArticle } from '@/lib/articles/commands/status';
import { changeSection } from '@/lib/sections/commands';
import { seedDemoContent } from '@/lib/seed/demo';
import { createUser } from '@/lib/users/commands';
import { createSession } from '@/lib/auth/session';

const [command, word = '', delay = '1500'] = process.argv.slice(2);

async function editor(): Promise<{ id: number; role: 'editor' }> {
  const existing = await db.user.findFirst({ where: { role: 'editor' }, select: { id: true } });
  if (existing) return { id: existing.id, role: 'editor' };
  const { id } = await createUser({ email: 'scale-out@example.org', role: 'editor', password: crypto.randomBytes(16).toString('hex'), name: 'Scale Out' });
  return { id, role: 'editor' };
}

if (command === 'prepare') {
  await applyMigrations();
  await seedDemoContent({ generatedArticles: 20 });
  await editor();
  console.log(JSON.stringify({ ok: true }));
} else if (command === 'schedule') {
  const actor = await editor();
  const section = await db.section.findFirstOrThrow({ where: { slug: 'world' } });
  const created = await createArticle(actor, {
    headline: `Scale-out ${word} reaches every instance`, kicker: '', standfirst: `Published on one, read on another (${word}).`,
    body: paragraphsBody('Shared cache.'), sectionId: section.id, tags: [], contentType: 'text', byline: '', sourceCredit: '', slug: '',
  });
  const at = new Date(Date.now() + Number(delay));
  await scheduleArticle(actor, created.id, at);
  console.log(JSON.stringify({ id: created.id, path: `/${section.slug}/${created.slug}`, at: at.getTime() }));
} else if (command === 'drafts') {
  const actor = await editor();
  const section = await db.section.findFirstOrThrow({ where: { slug: 'world' } });
  const drafts: { id: number; path: string }[] = [];
  for (let index = 0; index < Number(delay); index += 1) {
    const created = await createArticle(actor, { headline: `${word}n${index}a crosses instances`, body: paragraphsBody('Shared cache.'), sectionId: section.id, tags: [word] });
    drafts.push({ id: created.id, path: `/${section.slug}/${created.slug}` });
  }
  const tag = await db.tag.findFirstOrThrow({ where: { name: word }, select: { slug: true } });
  const { token } = await createSession(actor.id);
  console.log(JSON.stringify({ drafts, tag: tag.slug, section: section.slug, session: token }));
} else if (command === 'section') {
  const actor = await editor();
  const { section } = await changeSection({ action: 'create', name: word }, actor);
  const created = await createArticle(actor, { headline: `${word} story moves with its section`, body: paragraphsBody('Renamed.'), sectionId: section.id, tags: [] });
  await publishArticle(actor, created.id);
  console.log(JSON.stringify({ id: section.id, slug: section.slug, story: created.slug }));
} else if (command === 'rename') {
  const actor = await editor();
  // Only the command: this process ends without carrying out the refresh, as a writing instance that
  // died after its commit would; the running instances' outbox pollers carry it out.
  const { section } = await changeSection({ action: 'rename', id: Number(word), slug: delay }, actor);
  console.log(JSON.stringify({ slug: section.slug }));
} else {
  console.error(`unknown command ${command}`);
  process.exit(2);
}
await db.$disconnect();
