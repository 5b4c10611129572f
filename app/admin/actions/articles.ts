'use server';
// The article form's save and the publishing buttons. Each action authorises itself (origin, session,
// role), validates with lib/articles/schema.ts through the commands, and after the write refreshes
// exactly the public pages the command says it touched.
import { contributorNames } from '@/lib/contributors/queries';
import { redirect } from 'next/navigation';
import { runButtonAction } from '@/app/admin/actions/guard';
import { authorise } from '@/lib/auth/current';
import { sectionOptions } from '@/lib/articles/admin-queries';
import { addCorrection, setBreaking } from '@/lib/articles/commands/notes';
import { ArticleCommandError } from '@/lib/articles/commands/result';
import { createArticle, updateArticle } from '@/lib/articles/commands/save';
import { publishArticle, scheduleArticle, unpublishArticle } from '@/lib/articles/commands/status';
import { deleteArticle, restoreArticle } from '@/lib/articles/commands/trash';
import { articleFormPostSchema } from '@/lib/articles/form-values';
import { articleButtonSchema, articleInputSchema, breakingSchema, correctionSchema, parseLocalDateTime, scheduleSchema } from '@/lib/articles/schema';
import { refreshPublicPages } from '@/lib/cache/refresh';
import { noteDueAt } from '@/lib/articles/scheduling/due-trigger';
import { config } from '@/lib/config';
import { DATABASE_UNAVAILABLE_MESSAGE, failedForWantOfDatabase } from '@/lib/db/availability';
import { formValues, parseFormData, textFields } from '@/lib/forms/form-data';
import { diffSnapshots } from '@/lib/revisions/diff';
import { mergeOverTheirs } from '@/lib/revisions/merge';
import { getRevision } from '@/lib/revisions/queries';
import { snapshotFieldLabels, type ArticleSnapshot } from '@/lib/revisions/snapshot';
import { articleFieldNames } from '@/lib/articles/schema';
import type { ArticleFormState, ArticleFormValues } from '@/components/admin/article-form-types';

/** What this editor typed, as a snapshot, to compare with the version someone else saved. */
function typedSnapshot(values: ArticleFormValues, theirs: ArticleSnapshot): ArticleSnapshot {
  const parsed = articleInputSchema.safeParse(values);
  // The schema's body field sanitises; a body it refuses is shown as theirs (there is no clean copy).
  if (!parsed.success) return { ...theirs, headline: values.headline };
  // Every editable field is a snapshot field: what was typed replaces theirs, field by field.
  return { ...theirs, ...parsed.data, slug: parsed.data.slug || theirs.slug };
}

const labelOf = new Map<string, string>(snapshotFieldLabels);

export async function saveArticleAction(previous: ArticleFormState, form: FormData): Promise<ArticleFormState> {
  const { version, ...values } = parseFormData(articleFormPostSchema, form);
  const attempt = previous.attempt + 1;
  const { articleId } = parseFormData(articleButtonSchema, form);
  // The version the form was opened on: "Save mine over theirs" keeps theirs where this editor changed nothing.
  const { baseVersion } = parseFormData(textFields('baseVersion'), form);
  const payload = { ...values, version, baseVersion };
  let destination: string;
  try {
    const auth = await authorise('article.create');
    if (!auth.ok) return { status: 'error', message: auth.message, fields: {}, values, conflict: null, attempt };
    if (!articleId) {
      const created = await createArticle(auth.user, payload);
      destination = `/admin/articles/${created.id}?notice=created`;
    } else {
      const result = await updateArticle(auth.user, articleId, payload);
      if (!result.ok) {
        const { conflict } = result;
        const names = new Map((await sectionOptions()).map((option) => [option.id, option.label]));
        // What "Save mine over theirs" would save: what this editor typed, and theirs in every field
        // this editor left as the form first showed it.
        const base = /^\d{1,9}$/.test(baseVersion) ? await getRevision(articleId, Number(baseVersion), auth.user) : null;
        const typed = typedSnapshot(values, conflict.snapshot);
        const { merged, keptTheirs } = base ? mergeOverTheirs(base.snapshot, typed, conflict.snapshot, articleFieldNames) : { merged: typed, keptTheirs: [] };
        const contributor = await contributorNames([...conflict.snapshot.contributors, ...merged.contributors]);
        const rows = diffSnapshots(conflict.snapshot, merged, { section: (id) => names.get(id) ?? `#${id}`, contributor });
        return {
          status: 'conflict',
          message: 'Someone else saved this article while you were editing. Nothing of yours or theirs is lost: compare below, then save yours on top of theirs or load theirs.',
          fields: {},
          values,
          conflict: { version: conflict.version, savedBy: conflict.savedBy, savedAt: conflict.savedAt, rows, keptTheirs: keptTheirs.map((field) => labelOf.get(field) ?? field) },
          attempt,
        };
      }
      if (result.change) await refreshPublicPages();
      destination = `/admin/articles/${articleId}?notice=saved`;
    }
  } catch (error) {
    if (error instanceof ArticleCommandError) return { status: 'error', message: error.message, fields: error.fields, values, conflict: null, attempt };
    // The database is gone (the session check or the write failed): say so and give back every word
    // typed; a thrown error would replace the form with an error page and lose them.
    if (await failedForWantOfDatabase(error)) return { status: 'error', message: DATABASE_UNAVAILABLE_MESSAGE, fields: {}, values, conflict: null, attempt };
    throw error;
  }
  redirect(destination);
}

// Which article a button acts on, the version its page showed, and where to go back to.
const button = (form: FormData) => {
  const { articleId, version } = parseFormData(articleButtonSchema, form);
  return { articleId, version, page: `/admin/articles/${articleId}` };
};

export async function publishAction(form: FormData): Promise<void> {
  const { articleId, version, page } = button(form);
  await runButtonAction('article.publish', page, async ({ user, ip }) => {
    const { change } = await publishArticle(user, articleId, version, ip);
    return { change, notice: 'published' };
  });
}

export async function scheduleAction(form: FormData): Promise<void> {
  const { articleId, version, page } = button(form);
  await runButtonAction('article.publish', page, async ({ user, ip }) => {
    const parsed = scheduleSchema.safeParse(formValues(scheduleSchema, form));
    const at = parsed.success ? parseLocalDateTime(parsed.data.publishAt, config.SITE_TIMEZONE) : null;
    if (!at) throw new ArticleCommandError('invalid', 'Choose a date and time to publish at.');
    const { change } = await scheduleArticle(user, articleId, at, version, ip);
    // This instance's proxy learns the time now, so the article goes live on the first request after
    // it, to the second (other instances learn it within their recheck interval).
    noteDueAt(at);
    return { change, notice: 'scheduled' };
  });
}

export async function unpublishAction(form: FormData): Promise<void> {
  const { articleId, version, page } = button(form);
  await runButtonAction('article.publish', page, async ({ user, ip }) => {
    const { change } = await unpublishArticle(user, articleId, version, ip);
    return { change, notice: 'unpublished' };
  });
}

export async function correctionAction(form: FormData): Promise<void> {
  const { articleId, page } = button(form);
  await runButtonAction('article.correct', page, async ({ user, ip }) => {
    const { change } = await addCorrection(user, articleId, formValues(correctionSchema, form), ip);
    return { change, notice: 'corrected' };
  });
}

export async function breakingAction(form: FormData): Promise<void> {
  const { articleId, page } = button(form);
  await runButtonAction('article.breaking', page, async ({ user, ip }) => {
    const end = parseFormData(textFields('intent'), form).intent === 'end';
    const parsed = breakingSchema.safeParse(formValues(breakingSchema, form));
    const until = end ? null : parsed.success ? parseLocalDateTime(parsed.data.until, config.SITE_TIMEZONE) : null;
    if (!end && !until) throw new ArticleCommandError('invalid', 'Choose until when the article is breaking news.');
    const { change } = await setBreaking(user, articleId, until, ip);
    // The banner must leave every page at `until`: the proxy's due check ends the flag then.
    if (until) noteDueAt(until);
    return { change, notice: 'breaking' };
  });
}

export async function deleteAction(form: FormData): Promise<void> {
  const { articleId, page } = button(form);
  await runButtonAction('article.delete', page, async ({ user, ip }) => {
    if (parseFormData(textFields('confirm'), form).confirm !== 'yes') throw new ArticleCommandError('invalid', 'Tick the box to confirm the deletion.');
    const { change } = await deleteArticle(user, articleId, ip);
    return { change, notice: 'deleted', path: '/admin/articles' };
  });
}

export async function restoreAction(form: FormData): Promise<void> {
  const { articleId } = button(form);
  await runButtonAction('article.delete', '/admin/trash', async ({ user, ip }) => {
    const { id } = await restoreArticle(user, articleId, ip);
    return { notice: 'restored', path: `/admin/articles/${id}` };
  });
}
