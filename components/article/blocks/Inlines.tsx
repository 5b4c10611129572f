import { Fragment, type ReactNode } from 'react';
import type { Inline, Mark } from '@/lib/articles/body/schema';
import { isExternalHref } from '@/lib/articles/body/links';

// Marks nest in one fixed order, whatever order they were stored in: the same text with the same
// marks is always the same markup (tests, diffs and caches compare it).
const markOrder: Mark['type'][] = ['link', 'bold', 'italic', 'subscript', 'superscript'];

function wrap(mark: Mark, children: ReactNode): ReactNode {
  switch (mark.type) {
    case 'bold':
      return <strong>{children}</strong>;
    case 'italic':
      return <em>{children}</em>;
    case 'subscript':
      return <sub>{children}</sub>;
    case 'superscript':
      return <sup>{children}</sup>;
    case 'link':
      return isExternalHref(mark.href) ? (
        <a href={mark.href} rel="noopener noreferrer">
          {children}
        </a>
      ) : (
        <a href={mark.href}>{children}</a>
      );
  }
}

/** Running text: runs with their marks (strong, em, sub, sup, a) and line breaks. */
export function Inlines({ content }: { content: readonly Inline[] }) {
  // A paragraph of one plain run (most of them) is its string: no array, no keyed fragment, which
  // the RSC payload would carry for every paragraph (about 40 bytes each; the HTML is the same).
  const only = content.length === 1 ? content[0] : undefined;
  if (only?.type === 'text' && !only.marks?.length) return only.text;
  return content.map((inline, index) => {
    if (inline.type === 'break') return <br key={index} />;
    // A link needs words to be followed (WCAG H30): a run of only spaces keeps its other marks.
    const blank = inline.text.trim() === '';
    const marks = [...(inline.marks ?? [])].filter((mark) => !(blank && mark.type === 'link')).sort((a, b) => markOrder.indexOf(b.type) - markOrder.indexOf(a.type));
    // A plain run is a string, which needs no key; only marked runs are elements.
    if (!marks.length) return inline.text;
    let node: ReactNode = inline.text;
    for (const mark of marks) node = wrap(mark, node);
    return <Fragment key={index}>{node}</Fragment>;
  });
}
