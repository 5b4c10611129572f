'use server';
// Related links: add an article or an external page, move one up or down, remove one.
// The commands parse the fields with their schemas (lib/articles/schema.ts); the actions only pick them.
import { runButtonAction } from '@/app/admin/actions/guard';
import { addRelatedArticle, addRelatedUrl, moveRelatedLink, removeRelatedLink } from '@/lib/articles/commands/related';
import { articleButtonSchema, relatedArticleSchema, relatedMoveSchema, relatedRemoveSchema, relatedUrlSchema } from '@/lib/articles/schema';
import { formValues, parseFormData } from '@/lib/forms/form-data';

const button = (form: FormData) => {
  const { articleId } = parseFormData(articleButtonSchema, form);
  return { articleId, page: `/admin/articles/${articleId}` };
};

export async function addRelatedArticleAction(form: FormData): Promise<void> {
  const { articleId, page } = button(form);
  await runButtonAction('article.create', page, async ({ user }) => {
    const { change } = await addRelatedArticle(user, articleId, formValues(relatedArticleSchema, form));
    return { change, notice: 'related-added' };
  });
}

export async function addRelatedUrlAction(form: FormData): Promise<void> {
  const { articleId, page } = button(form);
  await runButtonAction('article.create', page, async ({ user }) => {
    const { change } = await addRelatedUrl(user, articleId, formValues(relatedUrlSchema, form));
    return { change, notice: 'related-added' };
  });
}

export async function moveRelatedLinkAction(form: FormData): Promise<void> {
  const { articleId, page } = button(form);
  await runButtonAction('article.create', page, async ({ user }) => {
    const { change } = await moveRelatedLink(user, articleId, formValues(relatedMoveSchema, form));
    return { change, notice: 'related-moved' };
  });
}

export async function removeRelatedLinkAction(form: FormData): Promise<void> {
  const { articleId, page } = button(form);
  await runButtonAction('article.create', page, async ({ user }) => {
    const { change } = await removeRelatedLink(user, articleId, formValues(relatedRemoveSchema, form));
    return { change, notice: 'related-removed' };
  });
}
