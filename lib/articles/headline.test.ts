import { describe, expect, it } from 'vitest';
import { headlineTooLong } from '@/lib/articles/headline';
import { articleInputSchema, fieldErrors } from '@/lib/articles/schema';

describe('the headline limit', () => {
  it('refuses a headline over 300 characters saying how long it is, and keeps one of 300 whole', () => {
    const pasted = `${'Ministers agree a budget '.repeat(13)}after talks`; // 336 characters
    const refused = articleInputSchema.safeParse({ headline: pasted, sectionId: 1 });
    expect(refused.success).toBe(false);
    expect(fieldErrors(refused.error!).headline).toBe('At most 300 characters: this headline has 336.');
    expect(headlineTooLong(1234)).toBe('At most 300 characters: this headline has 1,234.');
    const full = 'x'.repeat(300);
    expect(articleInputSchema.parse({ headline: full, sectionId: 1 }).headline).toBe(full);
  });
});
