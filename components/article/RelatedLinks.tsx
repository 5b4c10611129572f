import type { RelatedLinkView } from '@/lib/articles/types';
import { RelatedLinkCard } from '@/components/article/RelatedLinkCard';

export function RelatedLinks({ links }: { links: RelatedLinkView[] }) {
  return (
    <section aria-labelledby="related-heading" className="mt-12 border-t-2 border-ink pt-3">
      <h2 id="related-heading" className="mb-4 font-serif text-2xl font-bold">
        Related
      </h2>
      <ol data-testid="related-links" className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {links.map((link) => (
          <RelatedLinkCard key={link.id} link={link} />
        ))}
      </ol>
    </section>
  );
}
