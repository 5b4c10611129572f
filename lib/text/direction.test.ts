import { describe, expect, it } from 'vitest';
import { textDirection } from '@/lib/text/direction';

describe('textDirection', () => {
  it('is rtl for the languages written right to left, with or without a region', () => {
    for (const language of ['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv', 'sd', 'ug', 'ar-EG', 'fa-AF', 'he-IL', 'ku-Arab']) {
      expect(textDirection(language), language).toBe('rtl');
    }
  });

  it('is ltr for the rest, for a right-to-left language in a left-to-right script, and for nonsense', () => {
    for (const language of ['en', 'en-GB', 'de', 'fr', 'ru', 'zh-Hant', 'ja', 'hi', 'tr', 'ku', 'sd-Deva', 'az-Latn', 'x', '', '<script>']) {
      expect(textDirection(language), language).toBe('ltr');
    }
  });
});
