import { PageLink } from '@/components/site/PageLink';

/**
 * The short 404 message for notFound() inside a page. Next writes a layout's not-found element into
 * the RSC payload of every page under that layout, so this one is a heading and a way on, no more;
 * the 404 page readers usually meet (app/global-not-found.tsx) has the search form too
 * (docs/decisions/0033-global-not-found.md).
 */
export function NotFoundNote() {
  return (
    <div className="mx-auto max-w-2xl py-10">
      <h1 className="font-serif text-4xl font-bold">Page not found</h1>
      <p className="mt-4 text-lg">
        There is no page at this address. <PageLink href="/">Go to the front page</PageLink>
      </p>
    </div>
  );
}
