// A deleted article's archive (its audit entry) written by the Lede before blocks holds its body, and
// its revisions' bodies, as HTML, and no language. Nothing but the restore reads an archive's body (the
// trash list reads the headline; the audit page shows the entry's text; exports and feeds never see
// deleted articles), so it is converted on restore rather than at start (decision 0024). This is that
// restore: blocks with the same words, its text and word count derived, its old revisions readable.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/articles/commands/result';
import { restoreArticle, listDeletedArticles } from '@/lib/articles/commands/trash';
import { bodyPlainText } from '@/lib/articles/body/text';
import { bodyDocumentSchema } from '@/lib/articles/body/schema';
import { db } from '@/lib/db/client';
import { getRevision } from '@/lib/revisions/queries';

let editor: Actor;
let sectionId: number;

beforeAll(async () => {
  editor = { id: (await db.user.create({ data: { email: 'arch-e@example.org', role: 'editor', passwordHash: 'x' } })).id, role: 'editor' };
  sectionId = (await db.section.create({ data: { slug: 'arch-world', name: 'World' } })).id;
});

const html = '<h2>Background</h2><p>The <strong>storm</strong> hit <a href="https://example.org/storm">the coast</a>.</p><p><img src="https://elsewhere.example/x.jpg" alt="x"></p>';

describe('restoring an archive kept before blocks', () => {
  it('reads the HTML body into blocks, derives text and word count, and keeps the old revisions readable', async () => {
    const id = 900_001;
    const archive = {
      article: {
        headline: 'Storm hits the coast', kicker: 'Weather', standfirst: 'Roads closed.', body: html, byline: 'A Reporter', sourceCredit: '',
        contentType: 'text', sectionId, leadMediaId: null, slug: 'storm-hits-the-coast', id, legacyId: null, bodyText: 'Background The storm hit the coast.',
        authorId: null, publishedAt: '2026-01-02T03:04:05.000Z', modifiedAt: null, version: 2, createdAt: '2026-01-01T00:00:00.000Z',
      },
      tags: ['Weather'],
      oldSlugs: [],
      related: [],
      corrections: [],
      revisions: [
        { version: 1, authorId: null, note: 'Created', createdAt: '2026-01-01T00:00:00.000Z', snapshot: {
          headline: 'Storm hits the coast', kicker: 'Weather', standfirst: 'Roads closed.', body: '<p>First draft.</p>', byline: 'A Reporter', sourceCredit: '',
          contentType: 'text', sectionId, tags: ['Weather'], leadMediaId: null, slug: 'storm-hits-the-coast', status: 'draft', publishedAt: null, breakingUntil: null } },
      ],
    };
    await db.auditEntry.create({ data: { action: 'article.deleted', targetType: 'article', targetId: String(id), detail: JSON.stringify(archive) } });
    expect((await listDeletedArticles()).find((item) => item.articleId === id)?.headline).toBe('Storm hits the coast');

    await restoreArticle(editor, id);
    const row = await db.article.findUniqueOrThrow({ where: { id }, select: { body: true, bodyText: true, wordCount: true, status: true, language: true } });
    const body = bodyDocumentSchema.parse(row.body);
    expect(body.blocks.map((block) => block.type)).toEqual(['heading', 'paragraph']);
    expect(row.bodyText).toBe(bodyPlainText(body));
    expect(row.bodyText).toBe('Background\n\nThe storm hit the coast.');
    expect([row.wordCount, row.status, row.language]).toEqual([6, 'draft', '']);
    const first = await getRevision(id, 1, editor);
    expect(first?.snapshot.body).toEqual({ version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'First draft.' }] }] });
  });
});
