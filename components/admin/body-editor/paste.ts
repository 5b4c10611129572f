// Pasted HTML from a word processor (Word, Google Docs, LibreOffice) or a web page, made plain before
// ProseMirror parses it against the body's schema: structure that the styles carry (Word's lists, bold
// and italic set by font-weight and font-style, a table's first row) becomes tags, and then every
// attribute, style, class, font, image, frame and script goes. ProseMirror's parse keeps only what the
// schema names; this step gives it the structure to find and leaves nothing else for it to guess at.
// Runs in the browser (DOMParser); e2e/admin-story-editor.spec.ts pastes real-looking clipboards.

const dropWithContent = 'script, style, template, noscript, title, meta, link, head, img, picture, svg, math, video, audio, iframe, object, embed, canvas, map, input, button, select, textarea, form';

/** Lede's own blocks, as a copy inside the editor puts them on the clipboard (schema-extensions.ts). */
const ledeBlock = /^(picture|video|embed|articleCard|pullQuote|factBox|table|quote)$/;
const keptData = new Set([
  'data-block', 'data-media-id', 'data-alt', 'data-caption', 'data-credit', 'data-provider', 'data-url', 'data-article-id', 'data-headline',
  'data-quote-attribution', 'data-pull-quote-text', 'data-pull-quote-attribution', 'data-fact-box-title', 'data-table-caption', 'data-head', 'data-cell',
]);

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

function wrapChildren(element: Element, tag: string): void {
  const wrapper = element.ownerDocument.createElement(tag);
  wrapper.append(...Array.from(element.childNodes));
  element.append(wrapper);
}

const styleOf = (element: Element) => (element.getAttribute('style') ?? '').toLowerCase();

/** Word's list paragraphs (mso-list: lN levelM) as nested ul/ol, its bullet or number dropped. */
function wordLists(body: HTMLElement): void {
  const isListParagraph = (node: Node | null): node is HTMLElement =>
    node instanceof HTMLElement && node.tagName === 'P' && (/mso-list:\s*l\d+\s+level\d/.test(styleOf(node)) || /MsoListParagraph/i.test(node.className));
  const paragraphs = Array.from(body.querySelectorAll('p')).filter(isListParagraph);
  const done = new Set<Element>();
  for (const first of paragraphs) {
    if (done.has(first)) continue;
    // The run of list paragraphs that follow each other (whitespace between them does not count).
    const run: HTMLElement[] = [];
    for (let node: Node | null = first; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE && !node.textContent?.trim()) continue;
      if (node.nodeType === Node.COMMENT_NODE) continue;
      if (!isListParagraph(node)) break;
      run.push(node);
    }
    const document = body.ownerDocument;
    const stack: { list: HTMLElement; level: number }[] = [];
    let root: HTMLElement | null = null;
    for (const paragraph of run) {
      done.add(paragraph);
      const level = Number(/level(\d)/.exec(styleOf(paragraph))?.[1] ?? '1');
      const marker = paragraph.querySelector('[style*="mso-list:Ignore" i], [style*="mso-list: Ignore" i]');
      const ordered = /^\s*(\d+|[a-z]|[ivxlc]+)[.)]/i.test(marker?.textContent ?? '');
      marker?.remove();
      while (stack.length && stack.at(-1)!.level > level) stack.pop();
      if (!stack.length || stack.at(-1)!.level < level) {
        const list = document.createElement(ordered ? 'ol' : 'ul');
        const parentItem = stack.at(-1)?.list.lastElementChild;
        if (parentItem) parentItem.append(list);
        else root = list;
        stack.push({ list, level });
      }
      const item = document.createElement('li');
      item.append(...Array.from(paragraph.childNodes));
      stack.at(-1)!.list.append(item);
    }
    if (root) first.before(root);
    for (const paragraph of run) paragraph.remove();
  }
}

/** Bold, italic, sub- and superscript that a word processor sets with styles, as tags. */
function stylesToTags(body: HTMLElement): void {
  for (const element of Array.from(body.querySelectorAll<HTMLElement>('[style]'))) {
    const weight = element.style.fontWeight;
    const heavy = weight === 'bold' || weight === 'bolder' || (/^\d+$/.test(weight) && Number(weight) >= 600);
    // Google Docs wraps the whole paste in <b style="font-weight:normal" id="docs-internal-guid-…">.
    if ((element.tagName === 'B' || element.tagName === 'STRONG') && (weight === 'normal' || weight === '400')) {
      unwrap(element);
      continue;
    }
    if (heavy && element.tagName !== 'B' && element.tagName !== 'STRONG' && !/^H\d$/.test(element.tagName)) wrapChildren(element, 'strong');
    if (element.style.fontStyle === 'italic' && element.tagName !== 'I' && element.tagName !== 'EM') wrapChildren(element, 'em');
    const align = element.style.verticalAlign;
    if (align === 'super' && element.tagName !== 'SUP') wrapChildren(element, 'sup');
    if (align === 'sub' && element.tagName !== 'SUB') wrapChildren(element, 'sub');
  }
}

/** A table as the body has one: a caption, a head row of th, body rows of td, every cell plain text. */
function plainTables(body: HTMLElement): void {
  const document = body.ownerDocument;
  for (const table of Array.from(body.querySelectorAll('table')).reverse()) {
    const rows = Array.from(table.rows).filter((row) => row.closest('table') === table);
    const caption = table.caption?.textContent?.trim() ?? '';
    const clean = document.createElement('table');
    // Always a caption, first: the editor's table is caption, header row, rows, in that order.
    clean.createCaption().textContent = caption;
    rows.forEach((row, index) => {
      const out = document.createElement('tr');
      for (const cell of Array.from(row.cells)) {
        const plain = document.createElement(index === 0 ? 'th' : 'td');
        plain.textContent = (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
        out.append(plain);
      }
      if (out.cells.length) clean.append(out);
    });
    if (clean.rows.length) table.replaceWith(clean);
    else table.remove();
  }
}

/** Pasted HTML → HTML holding only the structure the body editor's schema can parse. */
export function cleanPastedHtml(html: string): string {
  const document = new DOMParser().parseFromString(html, 'text/html');
  const { body } = document;
  // Clipboard artefacts: the newline Chrome and Safari add at the end of a copy.
  for (const element of Array.from(body.querySelectorAll('br.Apple-interchange-newline'))) element.remove();
  for (const element of Array.from(document.querySelectorAll(dropWithContent))) {
    // A paragraph that held only a picture goes with it, rather than staying behind as an empty line.
    const block = element.parentElement?.closest('p, li, h1, h2, h3, h4, h5, h6');
    element.remove();
    if (block && !block.textContent?.trim() && !block.querySelector('br')) block.remove();
  }
  // Comments (Word's <!--[if !supportLists]--> and friends).
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);

  wordLists(body);
  stylesToTags(body);
  plainTables(body);

  for (const element of Array.from(body.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase();
    // Word's <o:p>, <font>, and any namespaced tag: their text only.
    if (tag.includes(':') || tag === 'font') {
      unwrap(element);
      continue;
    }
    // The headline is the page's h1; the body has two levels below it.
    if (tag === 'h1' || /^h[4-6]$/.test(tag)) {
      const heading = document.createElement(tag === 'h1' ? 'h2' : 'h3');
      heading.append(...Array.from(element.childNodes));
      element.replaceWith(heading);
      continue;
    }
    const own = element.getAttribute('data-block');
    const keepData = own !== null && ledeBlock.test(own);
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (tag === 'a' && name === 'href') continue;
      if (keptData.has(name) && (keepData || element.closest('[data-block]'))) continue;
      element.removeAttribute(attribute.name);
    }
  }
  return body.innerHTML;
}
