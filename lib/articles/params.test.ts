import { describe, expect, it } from 'vitest';
import { parseCursor } from '@/lib/articles/cursor';
import { MAX_RECORD_ID, validRecordId } from '@/lib/articles/params';

describe('ids and cursors in addresses', () => {
  // Issue 10, defect 6: on PostgreSQL an id past the 32-bit integer made the query throw (a 500).
  it('a page cursor naming an id no row can have is no cursor', () => {
    expect(parseCursor(`1700000000000-${MAX_RECORD_ID}`)).toEqual({ publishedAt: new Date(1_700_000_000_000), id: MAX_RECORD_ID });
    expect(parseCursor(`1700000000000-${MAX_RECORD_ID + 1}`)).toBeNull();
    expect(parseCursor('999999999999999-9999999999')).toBeNull();
  });

  it('a row id is plain digits from 1 to the largest integer', () => {
    expect(validRecordId('207')).toBe(207);
    expect(validRecordId(String(MAX_RECORD_ID))).toBe(MAX_RECORD_ID);
    for (const value of [String(MAX_RECORD_ID + 1), '99999999999999999999', '1e3', '0x10', '007', '0', '-1', '', ' 1', '1.0']) expect(validRecordId(value), value).toBeNull();
  });
});
