import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticlePage } from '@/components/article/ArticlePage';
import { PreviewBar } from '@/components/admin/PreviewBar';
import { SiteChrome } from '@/components/site/SiteChrome';
import { getArticlePreview } from '@/lib/articles/admin-queries';
import { loadBodyReferences } from '@/lib/articles/page-references';
import { requirePageUser } from '@/lib/auth/current';
import { validRecordId } from '@/lib/articles/params';

export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false, nocache: true } };

type Props = { params: Promise<{ id: string }> };

// The article exactly as readers will see it: the public page's own components in the public chrome,
// whatever the article's status. Signed-in only, never cached (the admin layout makes it dynamic);
// another writer's draft or embargoed article answers 404 like a missing one.
export default async function PreviewPage({ params }: Props) {
  const user = await requirePageUser();
  const id = validRecordId((await params).id);
  if (!id) notFound();
  const article = await getArticlePreview(id, user);
  if (!article) notFound();
  const references = await loadBodyReferences(article.body);
  return (
    <>
      <PreviewBar>
        <Link href={`/admin/articles/${id}`} className="underline">Back to the editor</Link>
      </PreviewBar>
      <SiteChrome>
        <ArticlePage article={article} references={references} />
      </SiteChrome>
    </>
  );
}
