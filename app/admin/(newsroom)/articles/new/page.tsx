import type { Metadata } from 'next';
import { saveArticleAction } from '@/app/admin/actions/articles';
import { ArticleForm } from '@/components/admin/ArticleForm';
import { maxBylineContributors } from '@/lib/contributors/byline-input';
import { contributorOfAccount } from '@/lib/contributors/queries';
import { sectionOptions } from '@/lib/articles/admin-queries';
import { emptyArticleFormValues } from '@/lib/articles/form-values';
import { mediaOptions } from '@/lib/media/library';
import { requirePageUser } from '@/lib/auth/current';
import { config } from '@/lib/config';

export const metadata: Metadata = { title: 'New article' };

export default async function NewArticlePage() {
  const user = await requirePageUser();
  const [sections, media, own] = await Promise.all([sectionOptions(), mediaOptions(), contributorOfAccount(user.id)]);
  // A writer whose account is linked to a contributor profile starts with their own byline.
  const byline = own ? [own] : [];
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">New article</h1>
      <ArticleForm
        action={saveArticleAction}
        articleId={null}
        version={null}
        sections={sections}
        media={media}
        slugHint="Leave empty to make one from the headline."
        siteLanguage={config.SITE_LANGUAGE}
        initial={{ ...emptyArticleFormValues, contributors: byline.map((entry) => entry.id).join(',') }}
        byline={byline}
        maxByline={maxBylineContributors}
      />
    </>
  );
}
