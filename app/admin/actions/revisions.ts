'use server';
import { z } from 'zod';
import { runButtonAction } from '@/app/admin/actions/guard';
import { ArticleCommandError } from '@/lib/articles/commands/result';
import { postedRecordId, parseFormData } from '@/lib/forms/form-data';
import { restoreRevision } from '@/lib/revisions/restore';

// The revision to restore and the version the page showed (to restore on top of).
const restoreForm = z.object({ articleId: postedRecordId, revision: postedRecordId, version: postedRecordId });

/** Restores an old version's text as a new version (on top of the version the page showed). */
export async function restoreRevisionAction(form: FormData): Promise<void> {
  const { articleId, revision, version } = parseFormData(restoreForm, form);
  await runButtonAction('article.create', `/admin/articles/${articleId}/revisions`, async ({ user, ip }) => {
    const result = await restoreRevision(user, articleId, revision, version, ip);
    if (!result.ok) throw new ArticleCommandError('conflict', `Someone saved version ${result.conflict.version} since this page was opened. Look at it, then restore again.`);
    return { change: result.change, notice: 'revision-restored', path: `/admin/articles/${articleId}` };
  });
}
