import { PageLink } from '@/components/site/PageLink';
import type { MostReadItem } from '@/lib/audience/queries';

/** "Most read": the last 24 hours' most viewed public articles, as last ranked (lib/audience/most-read.ts).
 * Nothing at all while no views were counted. */
export function MostRead({ items }: { items: MostReadItem[] }) {
  if (!items.length) return null;
  return (
    <section aria-labelledby="most-read-heading" className="mx-auto mt-12 max-w-3xl border-t-2 border-ink pt-3" data-testid="most-read">
      <h2 id="most-read-heading" className="mb-3 font-serif text-2xl font-bold">
        Most read
      </h2>
      <ol className="list-decimal space-y-2 pl-6">
        {items.map((item) => (
          <li key={item.articleId}>
            <PageLink href={item.path} className="font-serif text-lg text-ink underline-offset-2 hover:underline">
              {item.headline}
            </PageLink>
          </li>
        ))}
      </ol>
    </section>
  );
}
