'use client';

// Shown inside the site's chrome when a page fails to render. It says what happened in plain words
// and never shows the error's details: those go to the server log.
export default function SiteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl py-10">
      <h1 className="font-serif text-4xl font-bold">Something went wrong</h1>
      <p className="mt-4 text-lg">This page could not be shown just now. Please try again in a moment.</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-ink px-4 py-2 font-semibold text-white">
        Try again
      </button>
    </div>
  );
}
