'use server';
// Related links: add an article or an external page, move one up or down, remove one.
import { idFrom, runButtonAction } from '@/app/admin/actions/guard';
import { addRelatedArticle, addRelatedUrl, moveRelatedLink, removeRelatedLink } from '@/lib/articles/commands/related';

const page = (form: FormData) => `/admin/articles/${idFrom(form)}`;
const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

export async function addRelatedArticleAction(form: FormData): Promise<void> {
  await runButtonAction('article.create', page(form), async ({ user }) => {
    const { change } = await addRelatedArticle(user, idFrom(form), { targetArticleId: field(form, 'targetArticleId') });
    return { change, notice: 'related-added' };
  });
}

export async function addRelatedUrlAction(form: FormData): Promise<void> {
  await runButtonAction('article.create', page(form), async ({ user }) => {
    const { change } = await addRelatedUrl(user, idFrom(form), {
      url: field(form, 'url'), title: field(form, 'title'), kicker: field(form, 'kicker'),
      contentType: field(form, 'contentType') || 'text', mediaId: field(form, 'mediaId'),
    });
    return { change, notice: 'related-added' };
  });
}

export async function moveRelatedLinkAction(form: FormData): Promise<void> {
  await runButtonAction('article.create', page(form), async ({ user }) => {
    const { change } = await moveRelatedLink(user, idFrom(form), { linkId: field(form, 'linkId'), direction: field(form, 'direction') });
    return { change, notice: 'related-moved' };
  });
}

export async function removeRelatedLinkAction(form: FormData): Promise<void> {
  await runButtonAction('article.create', page(form), async ({ user }) => {
    const { change } = await removeRelatedLink(user, idFrom(form), { linkId: field(form, 'linkId') });
    return { change, notice: 'related-removed' };
  });
}
