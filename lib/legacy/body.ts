// Legacy bodies are plain text paragraphs: Lede stores them as escaped <p> HTML (already inside the
// sanitiser's allowlist) and keeps the plain text beside it for search and summaries.
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character]!);
}

export function paragraphsToBody(paragraphs: readonly string[]): { body: string; bodyText: string } {
  return {
    body: paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n'),
    bodyText: paragraphs.join('\n\n'),
  };
}
