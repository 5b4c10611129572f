'use server';
import { idFrom, runButtonAction } from '@/app/admin/actions/guard';
import { ArticleCommandError } from '@/lib/articles/commands/result';
import { restoreRevision } from '@/lib/revisions/restore';

/** Restores an old version's text as a new version (on top of the version the page showed). */
export async function restoreRevisionAction(form: FormData): Promise<void> {
  const articleId = idFrom(form);
  await runButtonAction('article.create', `/admin/articles/${articleId}/revisions`, async ({ user, ip }) => {
    const result = await restoreRevision(user, articleId, idFrom(form, 'revision'), idFrom(form, 'version'), ip);
    if (!result.ok) throw new ArticleCommandError('conflict', `Someone saved version ${result.conflict.version} since this page was opened. Look at it, then restore again.`);
    return { change: result.change, notice: 'revision-restored', path: `/admin/articles/${articleId}` };
  });
}
