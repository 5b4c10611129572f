// `npm run bench -- --scenario newsday`: a news site's day against one server, direct or behind
// deploy/nginx.conf (--behind nginx). Visitors arrive at a fixed rate (open loop: nobody waits for
// the previous answer) and follow scripts/bench/newsday-model.ts; each reader page view is followed
// by the prefetch requests Chromium makes for that kind of page (scripts/bench/newsday-browser.ts);
// an editor publishes every --publish-every seconds. The offered rate is stepped up (--rates, each
// --step-seconds long) until the page views' p99 passes 250 ms or an error occurs; the highest
// step that held is then run for --minutes, with the server's memory every minute. A benchmark: it
// reports, it does not assert (docs/benchmarks.md, "News day").
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { profilePageViews, type PageViewProfile } from './newsday-browser';
import type { NewsdayData } from './newsday-data';
import { startEditor, type Draft } from './newsday-editor';
import { MIX, PAGE_VIEW_KINDS, pageLinks, trafficModel, type TrafficModel, type Visit } from './newsday-model';
import { PhaseTally, percentile, type Outcome } from './newsday-stats';
import { treeRssMegabytes } from './rss';
import { pageCacheReport } from './soak';
import { measureLoad } from './load';
import { projectRoot } from '../support/next-build';
import { startNginx, type RunningNginx } from '../support/nginx';

export type NewsdayOptions = { minutes: number; rates: number[]; stepSeconds: number; publishEverySeconds: number; behind: 'direct' | 'nginx'; p99LimitMs: number };

const say = (line: string) => console.log(`[newsday] ${line}`);
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

function tsxJson<T>(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<T> {
  const tsx = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, path.join('scripts', 'bench', script), ...args], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as T) : reject(new Error(`${script} exited ${code}`)))));
}

/** Which browser profile a reader visit replays (search pages list results: links like a front). */
const PROFILE_OF: Partial<Record<Visit['kind'], string>> = { article: 'article', home: 'home', section: 'section', tag: 'tag', search: 'search' };

async function visit(front: string, item: Visit, profiles: Record<string, PageViewProfile>, tally: PhaseTally): Promise<void> {
  const request = async (kind: Outcome['kind'], pathname: string, headers: Record<string, string> = {}): Promise<string | null> => {
    const started = performance.now();
    try {
      const response = await fetch(`${front}${pathname}`, { headers, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
      const body = kind === 'prefetch' || !PAGE_VIEW_KINDS.has(kind) ? (await response.arrayBuffer(), null) : await response.text();
      tally.add({ kind, path: pathname, ms: performance.now() - started, status: response.status, nextCache: response.headers.get('x-nextjs-cache'), nginxCache: response.headers.get('x-cache-status') });
      return body;
    } catch (error) {
      tally.add({ kind, path: pathname, ms: performance.now() - started, status: 0, nextCache: null, nginxCache: null, error: (error as Error).message });
      return null;
    }
  };
  const html = await request(item.kind, item.path);
  const profile = PROFILE_OF[item.kind] ? profiles[PROFILE_OF[item.kind]!] : undefined;
  if (!html || !profile?.prefetches.length) return;
  // The browser prefetches the page's own links with the router's headers: as many as Chromium did.
  const links = pageLinks(html).slice(0, profile.prefetches.length);
  await Promise.all(
    links.map((link, index) => {
      const shape = profile.prefetches[index % profile.prefetches.length]!;
      const rsc = new URL(shape.path, 'http://x').searchParams.get('_rsc');
      return request('prefetch', `${link}${link.includes('?') ? '&' : '?'}_rsc=${rsc ?? 'bench'}`, shape.headers);
    }),
  );
}

/** Offers `rate` arrivals per second for `seconds`, open loop, with a progress line every 5 s. */
async function runPhase(label: string, front: string, model: TrafficModel, profiles: Record<string, PageViewProfile>, rate: number, seconds: number, onMinute?: (minute: number) => void): Promise<PhaseTally> {
  const tally = new PhaseTally(PAGE_VIEW_KINDS);
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  const end = started + seconds * 1000;
  let sent = 0;
  let lastLine = started;
  let answered = 0;
  let minute = 0;
  while (performance.now() < end) {
    // Every arrival due by now is sent now: a late timer never lowers the offered rate.
    const due = Math.floor(((performance.now() - started) / 1000) * rate) + 1;
    while (sent < due) {
      sent += 1;
      const running = visit(front, model.next(), profiles, tally);
      inFlight.add(running);
      void running.finally(() => {
        inFlight.delete(running);
        answered += 1;
      });
    }
    const now = performance.now();
    if (now - lastLine >= 5_000) {
      lastLine = now;
      const elapsed = (now - started) / 1000;
      process.stderr.write(`  ${label}: ${elapsed.toFixed(0)}/${seconds} s, ${sent} arrivals, ${answered} answered, ${inFlight.size} in flight, page view p99 ${round(tally.pageViewP99())} ms, ${tally.errors().length} errors\n`);
    }
    if (onMinute && now - started >= (minute + 1) * 60_000) onMinute(++minute);
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(20, ((sent + 1) / rate) * 1000 - (performance.now() - started)))));
  }
  await Promise.all(inFlight);
  return tally;
}

export async function runNewsdayScenario(origin: string, env: NodeJS.ProcessEnv, serverPid: number, articleCount: number, options: NewsdayOptions): Promise<Record<string, number | string>> {
  const word = `Newsday${Date.now().toString(36)}`;
  const stepTime = options.rates.length * options.stepSeconds + options.minutes * 60;
  say(`Reading the archive and writing ${Math.ceil(stepTime / options.publishEverySeconds) + 5} drafts for the editor…`);
  const data = await tsxJson<NewsdayData>('newsday-data.ts', ['20000', '20000'], env);
  const editorData = await tsxJson<{ drafts: Draft[]; session: string }>('coherence-data.ts', [String(Math.ceil(stepTime / options.publishEverySeconds) + 5), word], env);

  let nginx: RunningNginx | null = null;
  if (options.behind === 'nginx') {
    nginx = await startNginx({ projectRoot, upstream: new URL(origin).host, files: true, workerConnections: 4096 });
    say(`nginx (deploy/nginx.conf) on ${nginx.url} in front of ${origin}; files on ${nginx.filesUrl}.`);
  }
  const front = nginx?.url ?? origin;
  try {
    const sitemapIndex = await (await fetch(`${front}/sitemap.xml`)).text();
    const sitemaps = ['/sitemap.xml', ...[...sitemapIndex.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname)];
    const model = trafficModel(data, articleCount, sitemaps);
    say(`${data.newest.length} newest and ${data.archive.length} archive articles, ${data.sections.length} sections, ${data.tags.length} tags, ${sitemaps.length} sitemaps. Newest 1,000 articles take ${round(model.newestShare(1000) * 100)} % of article views.`);
    say(`Mix: ${MIX.map(([kind, share]) => `${kind} ${round(share * 100)} %`).join(', ')}.`);

    // Warm: the fronts and the newest articles cached, the JIT warm.
    for (const pathname of ['/', ...data.sections, ...data.tags.slice(0, 10), ...data.newest.slice(0, 300)]) await (await fetch(`${front}${pathname}`)).arrayBuffer();

    // What Chromium asks the app for on one page view of each kind.
    const profiles = await profilePageViews(front, { home: '/', section: data.sections[0]!, article: data.newest[0]!, tag: data.tags[0]!, search: '/search?q=election' });
    for (const [kind, profile] of Object.entries(profiles)) say(`Chromium, ${kind} ${profile.path}: ${profile.appRequests} app request(s), of which ${profile.prefetches.length} prefetch(es)${profile.prefetches[0] ? ` (e.g. ${profile.prefetches[0].path} ${JSON.stringify(profile.prefetches[0].headers)})` : ''}.`);


    const before = await pageCacheReport(origin, env);
    const editor = startEditor({ origin, front, session: editorData.session, drafts: editorData.drafts, marker: (index) => `${word}n${index}a`, everySeconds: options.publishEverySeconds });
    const steps: string[] = [];
    let best: { rate: number } | null = null;
    for (const rate of options.rates) {
      const tally = await runPhase(`step ${rate}/s`, front, model, profiles, rate, options.stepSeconds);
      const figures = tally.figures(options.stepSeconds);
      steps.push(`${rate}:${figures.page_view_p99_ms}ms/${figures.errors}err`);
      say(`step ${rate} arrivals/s: ${figures.page_views_per_s} page views/s, p99 ${figures.page_view_p99_ms} ms, ${figures.origin_requests_per_page_view} origin requests per page view, ${figures.errors} errors.`);
      if (!(figures.page_view_p99_ms <= options.p99LimitMs) || figures.errors) break;
      best = { rate };
    }
    const sustainedRate = best?.rate ?? options.rates[0]!;
    const memory: { minute: number; rssMb: number; cacheMb: number | null; heapMb?: number }[] = [{ minute: 0, rssMb: treeRssMegabytes(serverPid), cacheMb: before.cacheMb, heapMb: before.heapMb }];
    say(`Sustained: ${sustainedRate} arrivals/s for ${options.minutes} min (server RSS ${memory[0]!.rssMb.toFixed(0)} MB).`);
    const sustainedStart = await pageCacheReport(origin, env);
    const editorAtStart = editor.result.publishes;
    const sustained = await runPhase('sustained', front, model, profiles, sustainedRate, options.minutes * 60, (minute) => {
      void pageCacheReport(origin, env).then((report) => {
        const rssMb = treeRssMegabytes(serverPid);
        memory.push({ minute, rssMb, cacheMb: report.cacheMb, heapMb: report.heapMb });
        say(`minute ${minute}/${options.minutes}: server RSS ${rssMb.toFixed(0)} MB (page cache ${report.cacheMb?.toFixed(0) ?? '?'} MB, V8 heap ${report.heapMb?.toFixed(0) ?? '?'} MB); ${editor.result.publishes} publishes.`);
      });
    });
    const sustainedEnd = await pageCacheReport(origin, env);
    const publishesDuring = editor.result.publishes - editorAtStart;

    // Behind nginx: the home page through the micro-cache against the same bytes as a file, under the mix.
    let fileRatio: Record<string, number> = {};
    if (nginx?.filesDir && nginx.filesUrl) {
      fs.writeFileSync(path.join(nginx.filesDir, 'home.html'), Buffer.from(await (await fetch(`${nginx.url}/`)).arrayBuffer()));
      const background = runPhase('mix under the file comparison', front, model, profiles, sustainedRate, 20);
      const page = await measureLoad('home via micro-cache', `${nginx.url}/`, { connections: 50, duration: 8 });
      const file = await measureLoad('home as a file', `${nginx.filesUrl}/home.html`, { connections: 50, duration: 8 });
      await background;
      fileRatio = { home_micro_cache_rps: round(page.rps), home_file_rps: round(file.rps), home_vs_file_rps_ratio: round(page.rps / file.rps, 3) };
    }
    const editorResult = await editor.stop();
    const afterAll = await pageCacheReport(origin, env);

    const figures = sustained.figures(options.minutes * 60);
    const publishTimes = [...editorResult.publishToHomeMs].sort((a, b) => a - b);
    for (const problem of sustained.errors().slice(0, 8)) say(`error: ${problem.kind} ${problem.path} ${problem.status} ${problem.error ?? ''}`);
    for (const problem of editorResult.errors.slice(0, 5)) say(`editor error: ${problem}`);
    const counted = (end: number | undefined, start: number | undefined) => (end === undefined || start === undefined ? 'n/a (the cache report did not answer)' : end - start);
    const homeRenders = counted(sustainedEnd.homeRenders, sustainedStart.homeRenders);
    return {
      behind: options.behind,
      steps: steps.join(' '),
      sustained_arrivals_per_s: sustainedRate,
      sustained_page_views_per_s: figures.page_views_per_s,
      sustained_held_p99: best ? 'yes' : `no (the lowest step, ${sustainedRate}/s, already exceeded ${options.p99LimitMs} ms)`,
      ...figures,
      ...fileRatio,
      publishes: editorResult.publishes,
      publish_errors: editorResult.errors.length,
      publish_to_home_p50_ms: round(percentile(publishTimes, 50)),
      publish_to_home_max_ms: round(publishTimes.at(-1) ?? Number.NaN),
      publish_never_on_home: editorResult.neverShown,
      home_renders_during_sustained: homeRenders,
      publishes_during_sustained: publishesDuring,
      home_renders_per_publish: typeof homeRenders === 'number' && publishesDuring ? round(homeRenders / publishesDuring, 2) : 'n/a',
      page_renders_total: counted(afterAll.pageRenders, before.pageRenders),
      rss_per_minute_mb: memory.map((sample) => sample.rssMb.toFixed(0)).join(','),
      page_cache_per_minute_mb: memory.map((sample) => sample.cacheMb?.toFixed(0) ?? '?').join(','),
      heap_per_minute_mb: memory.map((sample) => sample.heapMb?.toFixed(0) ?? '?').join(','),
    };
  } finally {
    await nginx?.stop();
  }
}
