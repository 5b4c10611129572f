import type { ArticleView } from '@/lib/articles/types';
import { sectionPath } from '@/lib/articles/urls';
import { ArticleHeader } from '@/components/article/ArticleHeader';
import { ArticleBody } from '@/components/article/ArticleBody';
import { Breadcrumb } from '@/components/article/Breadcrumb';
import { Corrections } from '@/components/article/Corrections';
import { LeadMedia } from '@/components/article/LeadMedia';
import { RelatedLinks } from '@/components/article/RelatedLinks';
import { SourceCredit } from '@/components/article/SourceCredit';
import { TagList } from '@/components/article/TagList';

/** An article exactly as readers see it: used by the public page and by the newsroom's preview. */
export function ArticlePage({ article }: { article: ArticleView }) {
  return (
    <article className="mx-auto max-w-3xl" data-content-type={article.contentType}>
      <Breadcrumb items={[{ name: 'Home', href: '/' }, { name: article.section.name, href: sectionPath(article.section.slug) }]} current={article.headline} />
      <ArticleHeader article={article} />
      {article.media ? <LeadMedia media={article.media} title={article.headline} /> : null}
      <ArticleBody body={article.body} />
      {article.sourceCredit ? <SourceCredit source={article.sourceCredit} /> : null}
      {article.corrections.length ? <Corrections corrections={article.corrections} /> : null}
      {article.tags.length ? <TagList tags={article.tags} /> : null}
      {article.related.length ? <RelatedLinks links={article.related} /> : null}
    </article>
  );
}
