// Cache coherence, measured from outside: reader loops request public pages without pause while an
// editor changes articles, and every answer is kept (when it was asked, when it came, its status and
// which marker words it carried). After the run, `judgeCoherence` checks each change against what
// every page answered meanwhile: the new state on every page within the allowed delay after the
// newsroom acknowledged it, and never the old state again once the new one was shown.
// Used by e2e/cache-coherence.spec.ts and e2e/scale-out.spec.ts (pass/fail) and by
// `npm run bench -- --scenario coherence` (worst publish-to-visible time per page kind).
import { articlesSitemapPath, newsSitemapPath } from '@/lib/sitemaps/urls';

export type PageKind = 'article' | 'home' | 'section' | 'tag' | 'feed' | 'author' | 'news-sitemap' | 'archive-sitemap';
export type Probe = { kind: PageKind; path: string };
export type Observation = { kind: PageKind; path: string; base: string; start: number; end: number; status: number; markers: string[] };

/** What every page must show once a change is visible: `marker` on the fronts (or no marker of
 * this article at all when null), and the article page answering 200 (with the marker) or 404. */
export type Expected = { marker: string | null };
export type Change = {
  label: string;
  /** All marker words this article ever carries: any of them on a page means "this article". */
  markers: readonly string[];
  articlePath: string;
  expected: Expected;
  /** When the editor's request left, and when the newsroom answered it. */
  sent: number;
  acknowledged: number;
};

/** A sitemap lists an article by its address, whose slug is its first headline lower-cased: its
 * markers are read without regard to case, and judged by presence (the article listed or not),
 * since the address keeps the first headline's marker after an edit. */
const byAddress = (kind: PageKind): boolean => kind === 'archive-sitemap';

/** The fronts every article change shows on: home, its section, its tag, the site feed. */
export function frontProbes(section: string, tag: string): Probe[] {
  return [
    { kind: 'home', path: '/' },
    { kind: 'section', path: `/${section}` },
    { kind: 'tag', path: `/tag/${tag}` },
    { kind: 'feed', path: '/feeds/rss.xml' },
  ];
}

/** The sitemaps an article change shows in: the news sitemap (its headline) and the archive file of
 * the month it is published in, taken as the month now (UTC), called again before every request. */
export function sitemapProbes(now: Date = new Date()): Probe[] {
  return [
    { kind: 'news-sitemap', path: newsSitemapPath },
    { kind: 'archive-sitemap', path: articlesSitemapPath({ year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, part: 1 }) },
  ];
}

export type ReaderOptions = {
  bases: readonly string[];
  /** Called before every request: the pages to read now (the article page follows the change). */
  probes: () => readonly Probe[];
  loops: number;
  markerPattern: RegExp;
  /** Stop early after this long (a bound for a run that hangs). */
  maxMs?: number;
};

export type Readers = {
  stop: () => Promise<Observation[]>;
  count: () => number;
  /** Whether every page of `probes()` has been asked for, on every base, at or after `since` and
   * answered: a change can only be judged by answers asked for after its deadline. */
  observedSince: (since: number) => boolean;
  /** Waits until observedSince(since), polling, for at most `maxMs`; true if it came. A test holds each
   * change this long so that a slow machine leaves no page unread in a window (an "unobserved"
   * verdict proves nothing either way, and once failed a CI run at load). */
  waitUntilObservedSince: (since: number, maxMs: number) => Promise<boolean>;
};

export function startReaders(options: ReaderOptions): Readers {
  const observations: Observation[] = [];
  const caseless = new RegExp(options.markerPattern.source, 'gi');
  /** base + path -> the latest start of an answered request. */
  const latestStart = new Map<string, number>();
  let running = true;
  const started = Date.now();
  const loop = async (offset: number) => {
    let turn = offset;
    while (running && Date.now() - started < (options.maxMs ?? 30 * 60_000)) {
      const probes = options.probes();
      const probe = probes[turn % probes.length]!;
      const base = options.bases[Math.floor(turn / probes.length) % options.bases.length]!;
      turn += 1;
      const start = Date.now();
      try {
        const response = await fetch(`${base}${probe.path}`, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
        const text = await response.text();
        const markers = [...new Set(text.match(byAddress(probe.kind) ? caseless : options.markerPattern) ?? [])];
        observations.push({ ...probe, base, start, end: Date.now(), status: response.status, markers });
        const key = `${base} ${probe.path}`;
        latestStart.set(key, Math.max(latestStart.get(key) ?? 0, start));
      } catch {
        // A refused connection (an instance that was just killed) is no answer: nothing to judge.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };
  const loops = Array.from({ length: options.loops }, (_, index) => loop(index * 3));
  const observedSince = (since: number) =>
    options.bases.every((base) => options.probes().every((probe) => (latestStart.get(`${base} ${probe.path}`) ?? 0) >= since));
  return {
    count: () => observations.length,
    observedSince,
    waitUntilObservedSince: async (since, maxMs) => {
      const until = Date.now() + maxMs;
      while (!observedSince(since)) {
        if (Date.now() >= until) return false;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return true;
    },
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return observations.sort((a, b) => a.start - b.start);
    },
  };
}

function matches(observation: Observation, change: Change): boolean {
  const { marker } = change.expected;
  if (byAddress(observation.kind)) {
    const listed = observation.markers.some((found) => change.markers.some((own) => own.toLowerCase() === found.toLowerCase()));
    return observation.status === 200 && listed === (marker !== null);
  }
  const own = observation.markers.filter((marker) => change.markers.includes(marker));
  if (observation.kind === 'article') {
    if (observation.path !== change.articlePath) return true;
    return marker ? observation.status === 200 && own.length === 1 && own[0] === marker : observation.status === 404;
  }
  if (observation.status !== 200) return false;
  return marker ? own.length === 1 && own[0] === marker : own.length === 0;
}

export type Verdict = {
  change: string;
  page: string;
  problem: 'late' | 'never' | 'reverted' | 'unobserved';
  detail: string;
};
export type Figures = { kind: PageKind; changes: number; worstMs: number; p50Ms: number; samples: number };

/**
 * Judges every change against the answers given between it and the next change. `withinMs`: the
 * allowed delay after the acknowledgement. Answers that were still in flight when the next change
 * was sent are left out (they may rightly show either state).
 */
export function judgeCoherence(changes: readonly Change[], observations: readonly Observation[], withinMs = 1_000): { verdicts: Verdict[]; figures: Figures[] } {
  const verdicts: Verdict[] = [];
  const latencies = new Map<PageKind, number[]>();
  const samples = new Map<PageKind, number>();
  changes.forEach((change, index) => {
    const until = changes[index + 1]?.sent ?? Infinity;
    const inWindow = observations.filter((o) => o.start >= change.sent && o.end <= until && (o.kind !== 'article' || o.path === change.articlePath));
    const pages = new Map<string, Observation[]>();
    for (const observation of inWindow) {
      const key = `${observation.base}${observation.path}`;
      pages.set(key, [...(pages.get(key) ?? []), observation]);
    }
    for (const [page, answers] of pages) {
      const kind = answers[0]!.kind;
      const late = answers.filter((o) => o.start >= change.acknowledged + withinMs);
      samples.set(kind, (samples.get(kind) ?? 0) + late.length);
      if (!late.length) {
        verdicts.push({ change: change.label, page, problem: 'unobserved', detail: `no answer asked for later than ${withinMs} ms after the acknowledgement` });
      }
      const wrong = late.find((o) => !matches(o, change));
      // From the last wrong answer on, every answer was right: the change became visible then.
      let lastWrong = -1;
      answers.forEach((o, i) => {
        if (!matches(o, change)) lastWrong = i;
      });
      const firstRight = answers.findIndex((o) => matches(o, change));
      if (lastWrong === answers.length - 1) {
        verdicts.push({ change: change.label, page, problem: 'never', detail: `still wrong ${answers[lastWrong]!.start - change.acknowledged} ms after the acknowledgement (status ${answers[lastWrong]!.status}, markers ${answers[lastWrong]!.markers.join(' ') || 'none'})` });
        latencies.set(kind, [...(latencies.get(kind) ?? []), Infinity]);
        return;
      }
      const visibleAt = lastWrong < 0 ? answers[0]!.start : answers[lastWrong + 1]!.start;
      latencies.set(kind, [...(latencies.get(kind) ?? []), Math.max(0, visibleAt - change.acknowledged)]);
      if (wrong) {
        verdicts.push({ change: change.label, page, problem: 'late', detail: `wrong ${wrong.start - change.acknowledged} ms after the acknowledgement (status ${wrong.status}, markers ${wrong.markers.join(' ') || 'none'})` });
      }
      if (firstRight >= 0 && lastWrong > firstRight && answers[lastWrong]!.start >= answers[firstRight]!.end) {
        verdicts.push({ change: change.label, page, problem: 'reverted', detail: `right at ${answers[firstRight]!.start - change.acknowledged} ms, wrong again at ${answers[lastWrong]!.start - change.acknowledged} ms` });
      }
    }
  });
  const figures: Figures[] = [...latencies.entries()].map(([kind, values]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { kind, changes: values.length, worstMs: sorted[sorted.length - 1] ?? 0, p50Ms: sorted[Math.floor(sorted.length / 2)] ?? 0, samples: samples.get(kind) ?? 0 };
  });
  return { verdicts, figures };
}

export function describeVerdicts(verdicts: readonly Verdict[], most = 15): string {
  const lines = verdicts.slice(0, most).map((v) => `${v.problem.padEnd(10)} ${v.change} on ${v.page}: ${v.detail}`);
  if (verdicts.length > most) lines.push(`… and ${verdicts.length - most} more`);
  return lines.join('\n');
}
