import { describe, expect, it } from 'vitest';
import { startOfDayIn } from '@/lib/audience/days';

describe('startOfDayIn', () => {
  it('is local midnight as an instant, across zones and a daylight-saving day', () => {
    const at = new Date('2026-11-28T18:04:00Z');
    expect(startOfDayIn('UTC', at).toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(startOfDayIn('Asia/Tehran', at).toISOString()).toBe('2026-11-28T20:30:00.000Z'.replace('28T20', '27T20'));
    expect(startOfDayIn('America/New_York', new Date('2026-11-29T03:00:00Z')).toISOString()).toBe('2026-11-28T05:00:00.000Z');
    // 8 March 2026, New York springs forward at 02:00: midnight was still EST (-05:00).
    expect(startOfDayIn('America/New_York', new Date('2026-03-08T20:00:00Z')).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDayIn('Pacific/Auckland', new Date('2026-11-28T18:04:00Z')).toISOString()).toBe('2026-11-28T11:00:00.000Z');
  });
});
