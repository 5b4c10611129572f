import { PageLink } from '@/components/site/PageLink';
import { SearchForm } from '@/components/front/SearchForm';

export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-2xl py-10">
      <h1 className="font-serif text-4xl font-bold">Page not found</h1>
      <p className="mt-4 text-lg">
        There is no page at this address. It may have moved or been taken down. Try the{' '}
        <PageLink href="/" className="text-accent underline">
          front page
        </PageLink>{' '}
        or search:
      </p>
      <div className="mt-6">
        <SearchForm query="" />
      </div>
    </div>
  );
}
