import type { Metadata } from 'next';
import { saveArticleAction } from '@/app/admin/actions/articles';
import { ArticleForm } from '@/components/admin/ArticleForm';
import { mediaOptions, sectionOptions } from '@/lib/articles/admin-queries';
import { requirePageUser } from '@/lib/auth/current';

export const metadata: Metadata = { title: 'New article' };

export default async function NewArticlePage() {
  const user = await requirePageUser();
  const [sections, media] = await Promise.all([sectionOptions(), mediaOptions()]);
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
        initial={{ headline: '', kicker: '', standfirst: '', body: '', byline: user.name, sourceCredit: '', sectionId: '', tags: '', leadMediaId: '', contentType: 'text', slug: '' }}
      />
    </>
  );
}
