// The bots map's trie (regex-trie.mjs) must match exactly the user agents the plain list matches:
// checked on user agents nobody here wrote (every browser in user-agents' data, every crawler example
// in crawler-user-agents) and on random strings built from the patterns' own pieces (fast-check).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fc from 'fast-check';
import { list } from 'isbot';
import { describe, expect, it } from 'vitest';
import { alternationAsTrie, leadWithLiteral, splitAlternatives } from './regex-trie.mjs';

const require = createRequire(import.meta.url);
const browsers = (JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('user-agents')), 'user-agents.json'), 'utf8')) as Array<{ userAgent: string }>).map(
  (entry) => entry.userAgent,
);
const crawlers = (require('crawler-user-agents') as Array<{ instances?: string[] }>).flatMap((entry) => entry.instances ?? []);

const plain = new RegExp(list.join('|'), 'i');
const asTrie = new RegExp(alternationAsTrie(list.join('|')), 'i');

describe('an alternation rewritten as a trie of literal prefixes', () => {
  it('splits only top-level alternatives', () => {
    expect(splitAlternatives('a(b|c)|[|]d|e\\|f')).toEqual(['a(b|c)', '[|]d', 'e\\|f']);
  });

  it('moves a leading assertion past the first literal character, keeping what matches', () => {
    expect(leadWithLiteral('(?<! cu)bots?(?:\\b|_)')).toBe('b(?<! cub)ots?(?:\\b|_)');
    expect(leadWithLiteral('(?<! channel\\/|google\\/)google(?!app)')).toBe('g(?<! channel\\/g|google\\/g)oogle(?!app)');
    expect(leadWithLiteral('(?:^|[^g])news(?!sapphire)')).toBe('n(?<!gn)ews(?!sapphire)');
    expect(leadWithLiteral('\\bperl\\b')).toBe('p(?<!\\wp)erl\\b');
    expect(leadWithLiteral('\\b\\w+\\/1\\.0;')).toBe('\\/(?<=\\w\\/)1\\.0;');
    // Shapes it does not know stay as they were.
    expect(leadWithLiteral('\\bs?x')).toBe('\\bs?x');
    expect(leadWithLiteral('[a-z]+y')).toBe('[a-z]+y');
  });

  it('shares literal prefixes, drops what an alternative that already matched covers, and groups the anchored ones', () => {
    expect(alternationAsTrie('check\\b|checker|chrome-lighthouse|^rss|^read|^reed|rss\\b')).toBe(
      'ch(?:eck(?:\\b|er)|rome-lighthouse)|rss\\b|^r(?:e(?:ad|ed)|ss)',
    );
    expect(alternationAsTrie('spider|spi|spice')).toBe('spi');
  });

  it("matches exactly what isbot's list matches, on every browser and crawler example known", () => {
    const disagreements = [...browsers, ...crawlers].filter((agent) => plain.test(agent) !== asTrie.test(agent));
    expect(browsers.length + crawlers.length).toBeGreaterThan(1000);
    expect(disagreements).toEqual([]);
  });

  it("matches exactly what isbot's list matches, on random strings made of the patterns' pieces", () => {
    // Pieces: every literal run of the patterns, so random strings often come close to a match.
    const pieces = [...new Set(list.flatMap((pattern) => pattern.replace(/\\(.)/g, '$1').split(/[^A-Za-z0-9 ./;:@_-]+/)).filter(Boolean))];
    const agent = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(' ', '/', ';', '(', ')', 'g', 'cu', 'lib', 'cam', '1.0;', ' channel/', 'google/', 'G'), fc.string({ maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(agent, (candidate) => plain.test(candidate) === asTrie.test(candidate)),
      { numRuns: 20_000 },
    );
  });
});
