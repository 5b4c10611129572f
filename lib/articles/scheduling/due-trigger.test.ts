// The due trigger, against a stand-in for the internal route on this process's configured port: when
// it asks (the first request, something due, RECHECK_MS gone by, a refresh carried out), when it does
// not, and that it asks its own address with the internal secret.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { noteDueAt, recheckDueSoon, runDueWorkIfNeeded } from '@/lib/articles/scheduling/due-trigger';
import { internalSecret } from '@/lib/instance/internal-secret';

// lib/config.ts reads PORT once: set before the imports (one of the ports these tests may use).
const port = vi.hoisted(() => {
  process.env.PORT = '4301';
  return 4301;
});

type Call = { method: string; url: string; secret: string | undefined };
const calls: Call[] = [];
let nextDueAt: number | null = null;
const server = http.createServer((request, response) => {
  calls.push({ method: request.method ?? '', url: request.url ?? '', secret: request.headers['x-lede-internal'] as string | undefined });
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ published: [], breakingEnded: [], nextDueAt }));
});

beforeAll(() => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('runDueWorkIfNeeded', () => {
  it('asks the due route on its own port, with the internal secret, and then stays quiet until something falls due', async () => {
    const start = Date.now();
    nextDueAt = start + 60_000;
    await runDueWorkIfNeeded(start);
    expect(calls).toEqual([{ method: 'POST', url: '/api/internal/due', secret: internalSecret() }]);

    // Checked a moment ago and nothing due before start + 60 s: no call.
    await runDueWorkIfNeeded(start + 1_000);
    expect(calls).toHaveLength(1);

    // An editor on this instance schedules something sooner: asked as soon as it falls due.
    noteDueAt(start + 2_000);
    await runDueWorkIfNeeded(start + 1_500);
    expect(calls).toHaveLength(1);
    await runDueWorkIfNeeded(start + 2_000);
    expect(calls).toHaveLength(2);
  });

  it('asks again at the next request after a page refresh from the outbox (a schedule set on another instance)', async () => {
    nextDueAt = null;
    const before = calls.length;
    await runDueWorkIfNeeded();
    expect(calls).toHaveLength(before);
    recheckDueSoon();
    await runDueWorkIfNeeded();
    expect(calls).toHaveLength(before + 1);
  });

  it('lets one check serve the requests that arrive while it runs', async () => {
    recheckDueSoon();
    const before = calls.length;
    await Promise.all([runDueWorkIfNeeded(), runDueWorkIfNeeded(), runDueWorkIfNeeded()]);
    expect(calls).toHaveLength(before + 1);
  });
});
