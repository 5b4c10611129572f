// The resolver's memory without a database: what it keeps, for how long, and how much.
import { beforeEach, describe, expect, it } from 'vitest';
import { currentGeneration, forgetAllAnswers, forgetAnswers, MAX_KNOWN_ANSWERS, recall, remember, resolverStats, slugTag } from '@/lib/routing/known-answers';

beforeEach(() => forgetAllAnswers());

describe('known answers', () => {
  it('does not keep an answer read before a refresh that came during the read', () => {
    const generation = currentGeneration();
    forgetAnswers(['article:9']);
    remember('/world/a', { kind: 'page' }, ['article:1'], generation);
    expect(recall('/world/a')).toBeUndefined();
    remember('/world/a', { kind: 'page' }, ['article:1'], currentGeneration());
    expect(recall('/world/a')).toEqual({ kind: 'page' });
  });

  it('forgets by tag, by a path naming the slug, and everything with the root layout', () => {
    remember('/world/a', { kind: 'page' }, ['article:1', slugTag('a')], currentGeneration());
    remember('/sport/a', { kind: 'moved', path: '/world/a' }, ['article:1', slugTag('a')], currentGeneration());
    remember('tag:x', { kind: 'page' }, ['tag:x'], currentGeneration());
    forgetAnswers(['_N_T_/culture/a']);
    expect([recall('/world/a'), recall('/sport/a'), recall('tag:x')]).toEqual([undefined, undefined, { kind: 'page' }]);
    forgetAnswers(['_N_T_/layout']);
    expect(resolverStats().known).toBe(0);
  });

  it(`keeps at most ${MAX_KNOWN_ANSWERS} answers, the oldest going first`, () => {
    for (let i = 0; i <= MAX_KNOWN_ANSWERS; i += 1) remember(`/s/a${i}`, { kind: 'page' }, [`article:${i}`], currentGeneration());
    expect(resolverStats().known).toBeLessThanOrEqual(MAX_KNOWN_ANSWERS);
    expect(recall('/s/a0')).toBeUndefined();
    expect(recall(`/s/a${MAX_KNOWN_ANSWERS}`)).toEqual({ kind: 'page' });
  });
});
