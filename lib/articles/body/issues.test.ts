import { describe, expect, it } from 'vitest';
import { bodyIssueMessage } from '@/lib/articles/body/issues';
import { bodyDocumentSchema } from '@/lib/articles/body/schema';

const messages = (document: unknown) => (bodyDocumentSchema.safeParse(document).error?.issues ?? []).map((issue) => bodyIssueMessage(issue, document));

describe('bodyIssueMessage', () => {
  it('names the block, its kind and what is wrong', () => {
    const document = {
      version: 1,
      blocks: [
        { type: 'paragraph', content: [] },
        { type: 'script', html: '<script>alert(1)</script>' },
        { type: 'paragraph', content: [{ type: 'text', text: 'Click', marks: [{ type: 'link', href: 'javascript:alert(1)' }] }] },
        { type: 'picture', mediaId: 3, alt: ' ' },
        { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'strike' }] }] },
        { type: 'divider', html: '<hr onclick=alert(1)>' },
      ],
    };
    expect(messages(document)).toEqual([
      'Block 2: that is not a kind of block an article body has.',
      'Block 3 (paragraph): A link goes to an https://, http:// or mailto: address.',
      'Block 4 (picture): Describe the picture for readers who cannot see it (alt text is required).',
      'Block 5 (paragraph): text can be bold, italic, subscript, superscript or a link, nothing else.',
      'Block 6 (divider): it holds fields a divider does not have.',
    ]);
  });

  it('says when the body is not a document at all', () => {
    expect(messages({ version: 2, blocks: 'x' })).toEqual([
      'The body did not arrive in the editor’s format. Reload the page and try again (your text is still in the editor).',
      'The body did not arrive in the editor’s format. Reload the page and try again (your text is still in the editor).',
    ]);
  });

  it('passes the whole-body limits through as they are', () => {
    const long = { version: 1, blocks: Array.from({ length: 11 }, () => ({ type: 'pullQuote', text: 'x'.repeat(1000), attribution: '' })).concat(
      Array.from({ length: 100 }, () => ({ type: 'paragraph', content: [{ type: 'text', text: 'y'.repeat(1000) }] })) as never[],
    ) };
    expect(messages(long)).toEqual(['The body is too long (100,000 characters of text at most).']);
  });
});
