// What the trivial status pages show (/status/static, /status/bare): a heading and a way home, no
// database, nothing dynamic, so their throughput is what Next itself serves on the machine.
import Link from 'next/link';

export function RunningNotice() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="font-serif text-3xl font-bold">Lede is running</h1>
      <p className="mt-4">
        <Link href="/" className="text-accent underline">
          Go to the home page
        </Link>
      </p>
    </main>
  );
}
