// An article body as feed HTML (RSS content:encoded, Atom content type="html"), written as a string
// from the blocks. Not React's static renderer: the feed's markup is its own (absolute URLs for
// readers with no base URL, no classes, no client island, an embed as a plain link, a video as its
// poster linking to the file), so sharing the page's components would mean a second mode in each;
// a string writer is one small pure function per block, fast for 50 items, and its output is
// asserted exactly (lib/feeds/body-html.test.ts). Every text and attribute goes through `text` or
// `attribute`; nothing from the body is written raw. The XML writer escapes the result again.
import { blockSchema, type Block, type BodyDocument, type Inline, type ListItem, type Mark } from '@/lib/articles/body/schema';
import { embedProviderName, parseProviderUrl } from '@/lib/articles/body/embeds';
import { isExternalHref } from '@/lib/articles/body/links';
import type { BodyReferences } from '@/lib/articles/body/references';
import { asideLabels } from '@/lib/articles/body/aside-labels';
import { absoluteUrl } from '@/lib/articles/urls';
import type { MediaView } from '@/lib/articles/types';

const text = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attribute = (value: string): string => text(value).replace(/"/g, '&quot;');
const absolute = (url: string): string => (/^https?:\/\//.test(url) ? url : absoluteUrl(url));

const markOrder: Mark['type'][] = ['link', 'bold', 'italic', 'subscript', 'superscript'];
const markTags: Record<Exclude<Mark['type'], 'link'>, string> = { bold: 'strong', italic: 'em', subscript: 'sub', superscript: 'sup' };

function inlines(content: readonly Inline[]): string {
  return content
    .map((inline) => {
      if (inline.type === 'break') return '<br>';
      const blank = inline.text.trim() === '';
      const marks = [...(inline.marks ?? [])].filter((mark) => !(blank && mark.type === 'link')).sort((a, b) => markOrder.indexOf(b.type) - markOrder.indexOf(a.type));
      let html = text(inline.text);
      for (const mark of marks) {
        if (mark.type === 'link') html = `<a href="${attribute(mark.href)}"${isExternalHref(mark.href) ? ' rel="noopener noreferrer"' : ''}>${html}</a>`;
        else html = `<${markTags[mark.type]}>${html}</${markTags[mark.type]}>`;
      }
      return html;
    })
    .join('');
}

function list(ordered: boolean, items: readonly ListItem[]): string {
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>${items.map((item) => `<li>${inlines(item.content)}${item.list ? list(item.list.ordered, item.list.items) : ''}</li>`).join('')}</${tag}>`;
}

const attribution = (who: string): string => (who ? `<footer><cite>${text(who)}</cite></footer>` : '');

function caption(words: string, credit: string): string {
  const parts = [words, credit].filter(Boolean).map(text);
  return parts.length ? `<figcaption>${parts.join(' ')}</figcaption>` : '';
}

function picture(media: MediaView | undefined, alt: string, words: string, credit: string): string {
  if (!media || media.kind !== 'image') return '';
  const size = media.width && media.height ? ` width="${media.width}" height="${media.height}"` : '';
  return `<figure><img src="${attribute(absolute(media.url))}" alt="${attribute(alt)}"${size}>${caption(words, credit || media.credit)}</figure>`;
}

function video(media: MediaView | undefined, words: string, credit: string): string {
  if (!media || media.kind !== 'video') return '';
  // Feed readers drop <video>: its poster, linking to the file, plays anywhere.
  const still = media.posterUrl
    ? `<img src="${attribute(absolute(media.posterUrl))}" alt="${attribute(media.alt || words || 'Video')}"${media.posterWidth && media.posterHeight ? ` width="${media.posterWidth}" height="${media.posterHeight}"` : ''}>`
    : text(words || media.alt || 'Watch the video');
  return `<figure><a href="${attribute(absolute(media.url))}">${still}</a>${caption(words, credit || media.credit)}</figure>`;
}

function block(item: Block, label: string, references: BodyReferences): string {
  switch (item.type) {
    case 'paragraph':
      return `<p>${inlines(item.content)}</p>`;
    case 'heading':
      return item.content.some((inline) => inline.type === 'text' && inline.text.trim()) ? `<h${item.level}>${inlines(item.content)}</h${item.level}>` : '';
    case 'list':
      return list(item.ordered, item.items);
    case 'quote':
      return `<blockquote>${item.paragraphs.map((paragraph) => `<p>${inlines(paragraph)}</p>`).join('')}${attribution(item.attribution)}</blockquote>`;
    case 'pullQuote':
      return `<aside aria-label="${attribute(label)}"><blockquote><p>${text(item.text)}</p>${attribution(item.attribution)}</blockquote></aside>`;
    case 'picture':
      return picture(references.media[item.mediaId], item.alt, item.caption, item.credit);
    case 'video':
      return video(references.media[item.mediaId], item.caption, item.credit);
    case 'embed': {
      const parsed = parseProviderUrl(item.provider, item.url);
      if (!parsed) return '';
      const name = embedProviderName(item.provider);
      return `<p><a href="${attribute(parsed.url)}" rel="noopener noreferrer">${text(item.caption ? `${name}: ${item.caption}` : `View on ${name}`)}</a></p>`;
    }
    case 'factBox':
      return `<aside aria-label="${attribute(label)}">${item.title.trim() ? `<h2>${text(item.title)}</h2>` : ''}${item.paragraphs.map((paragraph) => `<p>${inlines(paragraph)}</p>`).join('')}</aside>`;
    case 'table': {
      const head = `<thead><tr>${item.header.map((cell) => `<th scope="col">${text(cell)}</th>`).join('')}</tr></thead>`;
      const rows = item.rows.length ? `<tbody>${item.rows.map((row) => `<tr>${row.map((cell) => `<td>${text(cell)}</td>`).join('')}</tr>`).join('')}</tbody>` : '';
      return `<table>${item.caption ? `<caption>${text(item.caption)}</caption>` : ''}${head}${rows}</table>`;
    }
    case 'divider':
      return '<hr>';
    case 'articleCard': {
      const article = references.articles[item.articleId];
      return article ? `<p><a href="${attribute(absoluteUrl(article.path))}">${text(article.headline)}</a></p>` : '';
    }
  }
}

/** The body as feed HTML; '' for a body with nothing to show. */
export function bodyFeedHtml(body: BodyDocument, references: BodyReferences): string {
  // Only what the schema accepts: stored bodies are read without a full parse (stored-fields.ts).
  const blocks = body.blocks.filter((item) => blockSchema.safeParse(item).success);
  const labels = asideLabels(blocks);
  return blocks.map((item, index) => block(item, labels.get(index) ?? '', references)).join('');
}
