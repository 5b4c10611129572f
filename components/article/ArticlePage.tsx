import type { ArticleView } from '@/lib/articles/types';
import type { BodyReferences } from '@/lib/articles/body/references';
import { sectionPath } from '@/lib/articles/urls';
import { config } from '@/lib/config';
import { textDirection } from '@/lib/text/direction';
import { ArticleHeader } from '@/components/article/ArticleHeader';
import { ArticleBlocks } from '@/components/article/blocks/ArticleBlocks';
import { Breadcrumb } from '@/components/article/Breadcrumb';
import { Corrections } from '@/components/article/Corrections';
import { LeadMedia } from '@/components/article/LeadMedia';
import { RelatedLinks } from '@/components/article/RelatedLinks';
import { SourceCredit } from '@/components/article/SourceCredit';
import { TagList } from '@/components/article/TagList';

/** An article exactly as readers see it: used by the public page and by the newsroom's preview.
 * Its language sets `lang` and `dir` on the article (issue 12, item 7): the headline, kicker,
 * standfirst and body follow; the site's own words on it (breadcrumb, dateline, reading time) keep
 * the site's language and direction. `references` are what the body names (lib/articles/page-references.ts). */
export function ArticlePage({ article, references }: { article: ArticleView; references: BodyReferences }) {
  const site = article.language === config.SITE_LANGUAGE ? undefined : { lang: config.SITE_LANGUAGE, dir: textDirection(config.SITE_LANGUAGE) };
  return (
    <article className="mx-auto max-w-3xl" data-content-type={article.contentType} lang={article.language} dir={textDirection(article.language)}>
      <div {...site}>
        <Breadcrumb items={[{ name: 'Home', href: '/' }, { name: article.section.name, href: sectionPath(article.section.slug) }]} current={article.headline} />
      </div>
      <ArticleHeader article={article} site={site} />
      {article.media ? <LeadMedia media={article.media} title={article.headline} /> : null}
      <ArticleBlocks body={article.body} references={references} />
      {article.sourceCredit ? <SourceCredit source={article.sourceCredit} /> : null}
      {article.corrections.length ? <Corrections corrections={article.corrections} /> : null}
      {article.tags.length ? <TagList tags={article.tags} /> : null}
      {article.related.length ? <RelatedLinks links={article.related} /> : null}
    </article>
  );
}
