// What the trivial status pages show (/status/static, /status/bare): a heading and a way home, no
// database, nothing dynamic, so their throughput is what Next itself serves on the machine.
import { PageLink } from '@/components/site/PageLink';

export function RunningNotice() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="font-serif text-3xl font-bold">Lede is running</h1>
      <p className="mt-4">
        <PageLink href="/" className="text-accent underline">
          Go to the home page
        </PageLink>
      </p>
    </main>
  );
}
