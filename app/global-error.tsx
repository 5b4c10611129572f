'use client';

// Last resort when even the root layout fails: a plain page with no details of the error.
export default function GlobalError() {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: '2rem' }}>
        <main>
          <h1>Something went wrong</h1>
          <p>This page could not be shown just now. Please try again in a moment.</p>
          <p>
            <a href="/">Go to the front page</a>
          </p>
        </main>
      </body>
    </html>
  );
}
