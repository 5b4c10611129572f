/** The body as stored: HTML sanitised against an allowlist on every write (lib/articles/sanitize.ts),
 * so it is rendered as is. */
export function ArticleBody({ html }: { html: string }) {
  return <div className="prose prose-lg max-w-none font-serif prose-a:text-accent" dangerouslySetInnerHTML={{ __html: html }} />;
}
