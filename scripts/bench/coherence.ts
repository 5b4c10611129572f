// `npm run bench -- --scenario coherence`: reader loops request home, a section front, a tag page,
// the site feed and the article being changed, without pause, while an editor publishes and
// unpublishes articles through the newsroom's JSON API, a change every --hold ms. Prints, with
// progress, the worst and median time from the newsroom's answer to the page showing the change (and
// staying so) per page kind, how many answers were judged, and any page that showed an old state
// after 1 s or went back to one.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describeVerdicts, judgeCoherence, startReaders, frontProbes, type Change } from '../support/coherence';
import { projectRoot } from '../support/next-build';

type CoherenceData = { drafts: { id: number; path: string }[]; section: string; tag: string; session: string };

function coherenceData(count: number, word: string, env: NodeJS.ProcessEnv): Promise<CoherenceData> {
  const tsx = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, path.join('scripts', 'bench', 'coherence-data.ts'), String(count), word], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`coherence-data exited ${code}`)))));
}

export type CoherenceFigures = Record<string, number | string>;

export async function runCoherenceScenario(baseUrl: string, env: NodeJS.ProcessEnv, options: { changes: number; holdMs: number; loops: number }): Promise<CoherenceFigures> {
  const word = `Bench${Date.now().toString(36)}`;
  const articles = Math.ceil(options.changes / 2);
  const data = await coherenceData(articles, word, env);
  let current = 0;
  const fronts = frontProbes(data.section, data.tag);
  const readers = startReaders({ bases: [baseUrl], probes: () => [...fronts, { kind: 'article', path: data.drafts[current]!.path }], loops: options.loops, markerPattern: new RegExp(`${word}n\\d+a`, 'g') });
  const changes: Change[] = [];
  const started = Date.now();
  try {
    for (let index = 0; index < options.changes; index += 1) {
      const articleIndex = Math.floor(index / 2);
      const draft = data.drafts[articleIndex]!;
      current = articleIndex;
      const verb = index % 2 === 0 ? 'publish' : 'unpublish';
      const sent = Date.now();
      const response = await fetch(`${baseUrl}/api/admin/articles/${draft.id}/${verb}`, {
        method: 'POST',
        headers: { origin: baseUrl, cookie: `lede_session=${data.session}`, 'content-type': 'application/json' },
        body: '{}',
      });
      if (response.status !== 200) throw new Error(`${verb} ${draft.id} answered ${response.status}`);
      changes.push({ label: `${verb} #${articleIndex}`, markers: [`${word}n${articleIndex}a`], articlePath: draft.path, expected: { marker: verb === 'publish' ? `${word}n${articleIndex}a` : null }, sent, acknowledged: Date.now() });
      if ((index + 1) % 20 === 0) process.stdout.write(`\r[bench] coherence: ${index + 1}/${options.changes} changes, ${readers.count()} reader answers`);
      await new Promise((resolve) => setTimeout(resolve, options.holdMs));
    }
  } finally {
    process.stdout.write('\n');
  }
  const observations = await readers.stop();
  const seconds = (Date.now() - started) / 1000;
  const { verdicts, figures } = judgeCoherence(changes, observations, 1_000);
  // "unobserved": no reader asked for that page between 1 s after the change and the next change (a
  // --hold too short for the readers to come round); the others are wrong answers.
  const wrong = verdicts.filter((verdict) => verdict.problem !== 'unobserved');
  if (wrong.length) console.log(`[bench] coherence problems:\n${describeVerdicts(wrong, 30)}`);
  const out: CoherenceFigures = {
    coherence_changes: changes.length,
    coherence_hold_ms: options.holdMs,
    coherence_reader_loops: options.loops,
    coherence_reader_answers: observations.length,
    coherence_reader_rps: Math.round(observations.length / seconds),
    coherence_violations: wrong.length,
    coherence_unobserved_windows: verdicts.length - wrong.length,
  };
  for (const figure of figures) {
    out[`coherence_${figure.kind}_worst_ms`] = Number.isFinite(figure.worstMs) ? figure.worstMs : 'never';
    out[`coherence_${figure.kind}_p50_ms`] = Number.isFinite(figure.p50Ms) ? figure.p50Ms : 'never';
  }
  return out;
}
