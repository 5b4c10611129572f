// The property the issue asks for: every valid body renders to HTML that html-validate accepts.
import fc from 'fast-check';
import { HtmlValidate } from 'html-validate';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ArticleBlocks } from '@/components/article/blocks/ArticleBlocks';
import { bodyDocumentSchema } from '@/lib/articles/body/schema';
import { bodyArbitrary } from '@/testing/body-arbitrary';
import { references } from '@/testing/body-fixtures';

// The recommended rules, less the ones about how React spells valid HTML (<br/>, controls="",
// style attributes and srcSet from next/image) rather than what it means.
export const htmlValidate = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    'void-style': 'off',
    'attribute-boolean-style': 'off',
    'attribute-empty-style': 'off',
    'no-inline-style': 'off',
    'no-trailing-whitespace': 'off',
    'attr-case': 'off',
  },
});

describe('ArticleBlocks (property)', () => {
  it('renders every valid body to HTML that html-validate accepts', async () => {
    await fc.assert(
      fc.asyncProperty(bodyArbitrary, async (body) => {
        expect(bodyDocumentSchema.safeParse(body).success).toBe(true);
        const html = renderToStaticMarkup(
          <main>
            <article>
              <h1>Headline</h1>
              <ArticleBlocks body={body} references={references} />
            </article>
          </main>,
        );
        const report = await htmlValidate.validateString(html);
        const messages = report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`));
        expect(messages, html).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
