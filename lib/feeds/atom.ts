// Atom 1.0 (RFC 4287) from a feed's head and entries. Titles and summaries are type="text" (the
// stored text, escaped once by the XML writer); content is type="html" (the sanitised body).
import type { FeedEntry, FeedFile, FeedHead } from '@/lib/feeds/entry';
import { xmlDeclaration, xmlElement, xmlEmptyElement, xmlParent } from '@/lib/xml/write';

const enclosure = (file: FeedFile): string => xmlEmptyElement('link', { rel: 'enclosure', href: file.url, type: file.type, length: file.length });

function entryXml(entry: FeedEntry): string {
  return xmlParent('entry', null, [
    xmlElement('title', entry.headline, { type: 'text' }),
    xmlElement('id', entry.id),
    // The article's own link first: readers take the first alternate link as the entry's address.
    xmlEmptyElement('link', { rel: 'alternate', href: entry.link }),
    xmlElement('updated', entry.updated.toISOString()),
    xmlElement('published', entry.published.toISOString()),
    entry.standfirst ? xmlElement('summary', entry.standfirst, { type: 'text' }) : '',
    xmlElement('content', entry.contentHtml, { type: 'html' }),
    ...entry.authors.map((author) => xmlParent('author', null, [xmlElement('name', author.name), xmlElement('uri', author.uri)])),
    ...entry.categories.map((category) => xmlEmptyElement('category', { term: category.term, scheme: category.domain, label: category.name })),
    // Atom lists both: the picture (or the video's poster) and the video.
    entry.image ? enclosure(entry.image) : '',
    entry.video ? enclosure(entry.video) : '',
  ]);
}

export function atomDocument(head: FeedHead, entries: readonly FeedEntry[]): string {
  return `${xmlDeclaration}${xmlParent('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': head.language }, [
    xmlElement('id', head.id),
    xmlElement('title', head.title, { type: 'text' }),
    xmlElement('subtitle', head.description, { type: 'text' }),
    xmlElement('updated', head.updated.toISOString()),
    xmlElement('generator', 'Lede'),
    xmlEmptyElement('link', { rel: 'alternate', href: head.link }),
    xmlEmptyElement('link', { rel: 'self', href: head.selfLinks.atom }),
    xmlElement('logo', head.logo),
    xmlElement('icon', head.icon),
    xmlElement('rights', head.copyright),
    ...entries.map(entryXml),
  ])}\n`;
}
