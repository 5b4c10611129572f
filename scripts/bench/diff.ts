// The revisions' word diff (lib/revisions/diff.ts) on long bodies (docs/benchmarks.md): for bodies of
// 4,000 and 50,000 tokens (words, the spaces between them and tags), the time to diff one word
// changed, two far apart, one changed every 100 words, one paragraph inserted, and every word
// different (the worst case: nothing in common). `changedParts` counts the added and removed parts:
// a diff that gave up shows the whole stretch as one removed and one added part. Pure, in process, no database. A benchmark, not a test: it reports.
//   npx tsx scripts/bench/diff.ts
import { diffText } from '@/lib/revisions/diff';

// About two tokens a word (the word and the space after it); one paragraph tag pair every 60 words.
function body(tokens: number, word: (index: number) => string): string {
  const parts: string[] = [];
  for (let index = 0; parts.length < tokens; index += 1) {
    if (index % 60 === 0) parts.push(index ? '</p><p>' : '<p>');
    parts.push(word(index), ' ');
  }
  return `${parts.slice(0, tokens).join('')}</p>`;
}

const words = ['the', 'minister', 'said', 'budget', 'vote', 'delayed', 'spring', 'council', 'report', 'markets'];
const plain = (index: number) => `${words[index % words.length]}${index % 7}`;

for (const tokens of [4_000, 50_000]) {
  const before = body(tokens, plain);
  // Word indexes: about half the tokens are words.
  const quarter = Math.floor(tokens / 8);
  const cases: Record<string, string> = {
    'one word changed': body(tokens, (index) => (index === quarter ? 'CHANGED' : plain(index))),
    // What trimming the common start and end cannot shrink: everything between the two is compared.
    'two words changed, far apart': body(tokens, (index) => (index === quarter || index === quarter * 3 ? 'CHANGED' : plain(index))),
    'a word changed every 100': body(tokens, (index) => (index % 100 === 50 ? 'CHANGED' : plain(index))),
    'one paragraph inserted': before.replace('</p><p>', `</p><p>${'inserted words '.repeat(40)}</p><p>`),
    'every word different': body(tokens, (index) => `other${index}`),
  };
  for (const [name, after] of Object.entries(cases)) {
    const started = performance.now();
    const parts = diffText(before, after);
    const ms = performance.now() - started;
    const changed = parts.filter((part) => part.kind !== 'same').length;
    console.log(JSON.stringify({ tokens, case: name, ms: Math.round(ms * 10) / 10, parts: parts.length, changedParts: changed }));
  }
}
