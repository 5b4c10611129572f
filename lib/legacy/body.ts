// Legacy bodies are plain text paragraphs: Lede escapes them into <p> HTML and stores that as every
// body is stored, through the article schema's body field (the one sanitiser), with the plain text
// made from it for search and summaries.
import { bodySchema } from '@/lib/articles/schema';
import { bodyToText } from '@/lib/articles/sanitize';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character]!);
}

/** The escaped paragraphs before the sanitiser (for measuring the body's length before parsing it). */
export function paragraphsToHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
}

export function paragraphsToBody(paragraphs: readonly string[]): { body: string; bodyText: string } {
  const body = bodySchema.parse(paragraphsToHtml(paragraphs));
  return { body, bodyText: bodyToText(body) };
}
