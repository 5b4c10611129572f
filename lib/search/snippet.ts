// The passage of a body shown under a search hit, cut and marked exactly as FTS5's
// snippet(…, 24) would (SQLite's fts5_aux.c: fts5SnippetFunction, fts5SnippetScore and the
// sentence finder), computed here from the body text instead of by the database.
// Why not snippet() itself: it needs its own MATCH, and FTS5 answers `rowid IN (…)` by running the
// match once per id; a prefix of four letters or more (the last word of every search is one) is
// merged from every word it starts in memory each time. At 1,000,000 articles the snippets of ten
// hits took 842–876 ms for "minister said" and 64–69 ms for "budget", more than finding and ranking
// the hits (docs/benchmarks.md, "Search"). snippet.test.ts holds this to FTS5's own output.

/** Characters FTS5's unicode61 tokenizer keeps in a token: its default categories L*, N* and Co, and
 * combining marks (a decomposed "é" is one token with FTS5 too: snippet.test.ts). */
const tokenPattern = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;

/** Letters FTS5's `remove_diacritics 2` folds that Unicode decomposition leaves alone. */
const foldedLetters: Record<string, string> = { ø: 'o', đ: 'd', ħ: 'h', ł: 'l', ŧ: 't', ŀ: 'l' };

/** A token as the tokenizer folds it: lower case, without diacritics. */
export function foldToken(token: string): string {
  // Most tokens of most bodies are plain ASCII: nothing to decompose.
  if (/^[\x00-\x7f]*$/.test(token)) return token.toLowerCase();
  return token
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øđħłŧŀ]/g, (letter) => foldedLetters[letter] ?? letter);
}

type Token = { start: number; end: number };

/** The sentence starts FTS5 knows: the first token, and any token after whitespace after "." or ":". */
function sentenceStarts(text: string, tokens: readonly Token[]): number[] {
  const starts: number[] = [];
  tokens.forEach((token, index) => {
    if (index === 0) {
      starts.push(0);
      return;
    }
    let at = token.start - 1;
    while (at >= 0 && ' \t\n\r'.includes(text[at]!)) at -= 1;
    if (at !== token.start - 1 && at >= 0 && (text[at] === '.' || text[at] === ':')) starts.push(index);
  });
  return starts;
}

/**
 * The passage of `text` FTS5 would show for `terms` (folded, all required, the last a prefix): the
 * `size` tokens with the most distinct terms, matches marked with `open`/`close`, `ellipsis` at each
 * cut end.
 */
export function snippetOf(text: string, terms: readonly string[], open: string, close: string, ellipsis: string, size: number = 24): string {
  const tokens: Token[] = [...text.matchAll(tokenPattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const folded = terms.map(foldToken);
  const last = folded.length - 1;
  // Each phrase instance (term, position), in FTS5's order: by position, then by term.
  const instances: { term: number; at: number }[] = [];
  tokens.forEach((token, at) => {
    const word = foldToken(text.slice(token.start, token.end));
    folded.forEach((term, index) => {
      if (index === last ? word.startsWith(term) : word === term) instances.push({ term: index, at });
    });
  });

  // fts5SnippetScore: 1,000 for each distinct term in [from, from + size), 1 for each repeat; and
  // the start that centres the matched span in the window. FTS5 looks at every instance for every
  // window; the instances are in position order, so only the window's own are visited here (a body
  // of 100,000 characters full of matches would otherwise cost a second of the event loop).
  const firstAtOrAfter = (position: number): number => {
    let low = 0;
    let high = instances.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (instances[middle]!.at < position) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const score = (from: number): { score: number; centred: number } => {
    const seen = new Set<number>();
    let total = 0;
    let first = -1;
    let end = 0;
    for (let index = firstAtOrAfter(from); index < instances.length && instances[index]!.at < from + size; index += 1) {
      const instance = instances[index]!;
      total += seen.has(instance.term) ? 1 : 1000;
      seen.add(instance.term);
      if (first < 0) first = instance.at;
      end = instance.at + 1;
    }
    let centred = first - Math.trunc((size - (end - first)) / 2);
    if (centred + size > tokens.length) centred = tokens.length - size;
    if (centred < 0) centred = 0;
    return { score: total, centred };
  };

  // FTS5 tries a window from the sentence start only when the body is longer than one window.
  const starts = tokens.length > size ? sentenceStarts(text, tokens) : [];
  let best = 0;
  let bestStart = 0;
  // The sentence an instance is in: the last start at or before it (instances come in position order).
  let sentenceIndex = 0;
  for (const instance of instances) {
    const own = score(instance.at);
    if (own.score > best) {
      best = own.score;
      bestStart = own.centred;
    }
    if (starts.length) {
      while (sentenceIndex < starts.length - 1 && starts[sentenceIndex + 1]! <= instance.at) sentenceIndex += 1;
      const sentence = starts[sentenceIndex]!;
      if (sentence < instance.at) {
        const fromSentence = score(sentence).score + (sentence === 0 ? 120 : 100);
        if (fromSentence > best) {
          best = fromSentence;
          bestStart = sentence;
        }
      }
    }
  }

  const lastToken = bestStart + size - 1;
  const marked = new Set(instances.filter((instance) => instance.at >= bestStart && instance.at <= lastToken).map((instance) => instance.at));
  let out = bestStart > 0 ? ellipsis : '';
  let offset = bestStart > 0 && tokens[bestStart] ? tokens[bestStart]!.start : 0;
  for (let at = bestStart; at <= Math.min(lastToken, tokens.length - 1); at += 1) {
    const token = tokens[at]!;
    if (marked.has(at)) out += `${text.slice(offset, token.start)}${open}${text.slice(token.start, token.end)}${close}`;
    else out += text.slice(offset, token.end);
    offset = token.end;
  }
  return lastToken >= tokens.length - 1 ? out + text.slice(offset) : out + ellipsis;
}
