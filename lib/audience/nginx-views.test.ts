// deploy/nginx.conf's view beacon, run for real: nginx answers it, writes only "<time> <id>" for what
// is not a known bot, and the app's reader counts exactly those views. The user agents are nobody's
// here: every browser in user-agents' data and every crawler example in crawler-user-agents.
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isbot } from 'isbot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNginx, startNginx, type RunningNginx } from '@/scripts/support/nginx';
import { createViewCounter } from './counter.mjs';
import { BEGIN_MARK, END_MARK, nginxBotsMap } from './nginx-bots.mjs';
import { createViewLogReader } from './view-log.mjs';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const shipped = fs.readFileSync(path.join(projectRoot, 'deploy', 'nginx.conf'), 'utf8');
const require = createRequire(import.meta.url);
// user-agents exports only its random picker: its data file is read as a file.
const browsers = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('user-agents')), 'user-agents.json'), 'utf8')) as Array<{ userAgent: string }>;
const crawlers = require('crawler-user-agents') as Array<{ instances?: string[] }>;
const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

it('deploy/nginx.conf carries the bots map of the isbot version installed (npx tsx scripts/generate-nginx-bots.ts)', () => {
  const block = shipped.slice(shipped.indexOf(BEGIN_MARK), shipped.indexOf(END_MARK) + END_MARK.length);
  expect(block).toBe(nginxBotsMap());
});

describe.skipIf(!findNginx())('the view beacon answered by nginx', () => {
  let nginx: RunningNginx;
  beforeAll(async () => {
    // No app behind it: the beacon never reaches one.
    nginx = await startNginx({ projectRoot, upstream: '127.0.0.1:9', workerConnections: 4096 });
  }, 60_000);
  afterAll(async () => nginx?.stop());

  const beacon = (query: string, init: RequestInit & { agent?: string } = {}) =>
    fetch(`${nginx.url}/api/views${query}`, { method: 'POST', ...init, headers: { 'user-agent': init.agent ?? chrome, ...init.headers } });
  const readLines = () => (fs.existsSync(nginx.viewLog) ? fs.readFileSync(nginx.viewLog, 'utf8').split('\n').filter(Boolean) : []);
  /** nginx writes its buffer every second: waits until `count` lines are there, then a flush more. */
  async function linesAfterFlush(count: number) {
    const deadline = Date.now() + 15_000;
    while (readLines().length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    return readLines();
  }

  it('refuses what is not a view with a message that says how to call it, and writes nothing for it', async () => {
    const before = readLines().length;
    const get = await fetch(`${nginx.url}/api/views?article=5`, { headers: { 'user-agent': chrome } });
    expect([get.status, get.headers.get('allow'), get.headers.get('cache-control'), await get.text()]).toEqual([
      405, 'POST', 'no-store', 'The view beacon takes POST only: POST /api/views?article=<id>.\n',
    ]);
    for (const query of ['', '?article=', '?article=0', '?article=042', '?article=-3', '?article=12345678901', '?article=4x', '?id=4']) {
      const response = await beacon(query);
      expect([query, response.status, response.headers.get('cache-control'), await response.text()]).toEqual([
        query, 400, 'no-store', 'The view beacon needs an article id, a whole number from 1: POST /api/views?article=<id>.\n',
      ]);
    }
    const ok = await beacon('?article=5');
    expect([ok.status, ok.headers.get('cache-control'), await ok.text()]).toEqual([204, 'no-store', '']);
    const lines = await linesAfterFlush(before + 1);
    expect(lines.slice(before).map((line) => line.split(' ')[1])).toEqual(['5']);
  });

  it('gives exactly 1,000 views for 1,000 concurrent beacons, each line only a time and an id', async () => {
    // Past what the other tests logged.
    createViewLogReader({ file: nginx.viewLog, positionFile: path.join(nginx.dir, 'position.json'), counter: createViewCounter() }).tick();
    const counter = createViewCounter();
    const counting = createViewLogReader({ file: nginx.viewLog, positionFile: path.join(nginx.dir, 'position.json'), counter });
    const start = readLines().length;
    const answers = await Promise.all(Array.from({ length: 1000 }, () => beacon('?article=777').then((response) => response.status)));
    expect(answers.filter((status) => status === 204)).toHaveLength(1000);
    const lines = await linesAfterFlush(start + 1000);
    counting.tick();
    expect(counter.take().reduce((sum, [id, , views]) => sum + (id === 777 ? views : 0), 0)).toBe(1000);
    // Nothing that could tell a reader apart: no address, no agent, no path; the time and the article.
    for (const line of lines) expect(line).toMatch(/^\d{10}\.\d{3} [1-9]\d*$/);
  });

  it('leaves uncounted exactly the user agents isbot calls bots: every browser and crawler example known', async () => {
    const agents = [...new Set([...browsers.map((entry) => entry.userAgent), ...crawlers.flatMap((crawler) => crawler.instances ?? [])])];
    expect(agents.length).toBeGreaterThan(2_500);
    const start = readLines().length;
    // Article id = 100,000 + the agent's place in the list: the log then says which ones counted.
    for (let from = 0; from < agents.length; from += 50) {
      await Promise.all(agents.slice(from, from + 50).map((agent, index) => beacon(`?article=${100_000 + from + index}`, { agent })));
    }
    const expected = agents.flatMap((agent, index) => (isbot(agent) ? [] : [100_000 + index])).sort((a, b) => a - b);
    const lines = await linesAfterFlush(start + expected.length);
    const counted = lines.slice(start).map((line) => Number(line.split(' ')[1])).sort((a, b) => a - b);
    const disagree = [...new Set([...expected, ...counted])].filter((id) => expected.includes(id) !== counted.includes(id)).map((id) => agents[id - 100_000]);
    expect(disagree).toEqual([]);
    expect(counted).toEqual(expected);
    // No user agent at all: a bot (browsers always send one).
    const before = readLines().length;
    await new Promise((resolve, reject) => {
      // fetch always sends a user agent of its own; this request sends none.
      const request = http.request(`${nginx.url}/api/views?article=31`, { method: 'POST', headers: { 'content-length': 0 } }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      });
      request.on('error', reject);
      request.end();
    });
    await beacon('?article=32');
    expect((await linesAfterFlush(before + 1)).slice(before).map((line) => line.split(' ')[1])).toEqual(['32']);
  }, 120_000);
});
