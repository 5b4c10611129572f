// The body allowlist. Every write of body HTML passes through sanitizeBody (through the body field of
// lib/articles/schema.ts), so what is stored is safe to render as it is: no script, no event
// handlers, no style, no javascript:/data: URLs, no frames.
import sanitizeHtml from 'sanitize-html';

/**
 * How deep tags may nest in a body. htmlparser2 (under sanitize-html) keeps its open elements in an
 * array it unshifts on every open tag and searches on every close tag, so each tag costs time in
 * proportion to the depth: '<b>'.repeat(160000) took 7 s. Refusing deeper input keeps that cost at
 * most this constant a tag, so sanitising is linear in the body's size. Real articles nest under 10
 * (a link in bold in a list item in a quote); 100 leaves room for pasted HTML.
 */
export const bodyNestingLimit = 100;

/** Body HTML whose tags nest deeper than bodyNestingLimit: refused, never sanitised. */
export class BodyNestingError extends Error {
  constructor() {
    super(`The body nests tags more than ${bodyNestingLimit} deep; flatten it (at most ${bodyNestingLimit} tags inside one another).`);
    this.name = 'BodyNestingError';
  }
}

const allowedTags = [
  'p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'a',
  'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption', 'img', 'hr', 'code', 'pre',
];

const options: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // Whatever is not allowed goes with its content when the content is code or styling, and otherwise
  // leaves its text behind (an unknown <span> keeps its words).
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'title', 'xmp', 'noembed', 'noframes', 'plaintext'],
  transformTags: {
    // Headings below the headline's h1; a stray h1 or h5 becomes the nearest allowed level.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const external = /^https?:\/\//i.test(href);
      const out: Record<string, string> = { href };
      if (attribs.title) out.title = attribs.title;
      if (external) {
        out.rel = 'noopener noreferrer';
        if (attribs.target === '_blank') out.target = '_blank';
      }
      return { tagName, attribs: out };
    },
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** Clean body HTML: only the allowlist survives. Idempotent (cleaning clean HTML changes nothing).
 * Throws BodyNestingError when tags nest deeper than bodyNestingLimit. */
export function sanitizeBody(html: string): string {
  // The parser reports every element it opens and every one it closes (implied closes included), so
  // opens minus closes is the depth of its own stack. Stopping at the limit stops the parse at once:
  // the work done before is at most the limit a tag.
  let depth = 0;
  const counted: sanitizeHtml.IOptions = {
    ...options,
    onOpenTag: () => {
      depth += 1;
      if (depth > bodyNestingLimit) throw new BodyNestingError();
    },
    onCloseTag: () => {
      depth -= 1;
    },
  };
  return sanitizeHtml(html, counted).trim();
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*|#39);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** The plain text of sanitised body HTML: paragraphs separated by blank lines, for search and summaries. */
export function bodyToText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h[2-4]|li|blockquote|figure|figcaption|pre)>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Both at once: what every write of a body stores. */
export function cleanBody(html: string): { body: string; bodyText: string } {
  const body = sanitizeBody(html);
  return { body, bodyText: bodyToText(body) };
}
