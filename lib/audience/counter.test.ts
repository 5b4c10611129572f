import { describe, expect, it } from 'vitest';
import { createViewCounter, hourOf, parseArticleId } from '@/lib/audience/counter.mjs';

const HOUR = 3_600_000;
const at = (ms: number) => () => ms;
const sorted = (batch: [number, number, number][]) => [...batch].sort((a, b) => a[1] - b[1] || a[0] - b[0]);

describe('parseArticleId', () => {
  it('reads positive whole ids up to PostgreSQL’s int and nothing else', () => {
    expect(['1', '42', '2147483647'].map(parseArticleId)).toEqual([1, 42, 2147483647]);
    expect(['', '0', '-1', '01', '1.5', '1e3', ' 1', '2147483648', '99999999999', 'abc', null, undefined].map(parseArticleId)).toEqual(
      Array(12).fill(null),
    );
  });
});

describe('the view counter', () => {
  it('adds views per article and UTC hour, and take() empties it', () => {
    let now = 10 * HOUR + 5;
    const counter = createViewCounter({ now: () => now });
    for (let n = 0; n < 3; n += 1) counter.count(7);
    counter.count(8);
    now = 11 * HOUR; // the next hour: a bucket of its own
    counter.count(7);
    expect(sorted(counter.take())).toEqual([[7, 10, 3], [8, 10, 1], [7, 11, 1]]);
    expect(counter.take()).toEqual([]);
    expect(counter.stats()).toMatchObject({ pending: 0, counted: 5, dropped: 0 });
    expect(hourOf(11 * HOUR - 1)).toBe(10);
  });

  it('caps ids not yet confirmed, but confirmed ids always count', () => {
    const counter = createViewCounter({ maxPendingUnverified: 2, now: at(HOUR) });
    expect([counter.count(1), counter.count(2), counter.count(3), counter.count(1)]).toEqual([true, true, false, true]);
    const batch = counter.take();
    counter.learn(batch, []); // 1 and 2 exist
    expect([counter.count(3), counter.count(4), counter.count(5), counter.count(1), counter.count(2)]).toEqual([true, true, false, true, true]);
    expect(counter.stats()).toMatchObject({ pending: 4, unverified: 2, known: 2, dropped: 2 });
  });

  it('refuses ids the database did not know, for the time it was told, within a bounded memory', () => {
    let now = HOUR;
    const counter = createViewCounter({ maxUnknown: 2, unknownTtlMs: 60_000, now: () => now });
    for (const id of [1, 2, 3]) counter.count(id);
    counter.learn(counter.take(), [1, 2, 3]);
    // Only two remembered: the oldest (1) went first.
    expect(counter.stats()).toMatchObject({ unknown: 2, known: 0 });
    expect([counter.count(1), counter.count(2), counter.count(3)]).toEqual([true, false, false]);
    now += 60_001;
    expect(counter.count(2)).toBe(true);
  });

  it('holds memory bounded under a flood of random ids', () => {
    const counter = createViewCounter({ maxPendingUnverified: 1000, maxUnknown: 5000, now: at(HOUR) });
    for (let round = 0; round < 20; round += 1) {
      for (let n = 0; n < 10_000; n += 1) counter.count(1 + Math.floor(Math.random() * 2_000_000_000));
      const batch = counter.take();
      expect(batch.length).toBeLessThanOrEqual(1000);
      counter.learn(batch, batch.map(([id]) => id));
    }
    const stats = counter.stats();
    expect(stats.pending).toBe(0);
    expect(stats.unknown).toBeLessThanOrEqual(5000);
    expect(stats.dropped).toBeGreaterThanOrEqual(20 * 9000);
  });

  it('puts a failed flush back, adding to what was counted meanwhile', () => {
    const counter = createViewCounter({ now: at(5 * HOUR) });
    counter.count(9);
    counter.count(9);
    const failed = counter.take();
    counter.count(9);
    counter.restore(failed);
    expect(counter.take()).toEqual([[9, 5, 3]]);
  });
});

describe('isBotAgent', () => {
  it('leaves known bots and a missing user agent uncounted, browsers counted, the same answer when remembered', async () => {
    const { isBotAgent } = await import('@/lib/audience/beacon.mjs');
    const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
    const agents = [chrome, 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'curl/8.5.0', '', undefined, chrome];
    expect(agents.map((agent) => isBotAgent(agent))).toEqual([false, true, true, true, true, false]);
  });
});
