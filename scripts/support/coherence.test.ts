// The readers of the coherence checks (e2e/cache-coherence.spec.ts, e2e/scale-out.spec.ts, the
// coherence bench): a change is held until every page has been asked for after its deadline, and a
// page that is slow to answer keeps it waiting, up to the limit.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReaders } from './coherence';

let server: http.Server;
let base = '';
/** /slow answers after this many ms. */
let slowMs = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const answer = () => response.end(`<p>Ctx${request.url === '/slow' ? 'n1a' : 'n0a'}</p>`);
    if (request.url === '/slow') setTimeout(answer, slowMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('startReaders', () => {
  it('says when every page has been asked for since a moment, and records what each answer showed', async () => {
    slowMs = 0;
    const readers = startReaders({ bases: [base], probes: () => [{ kind: 'home', path: '/' }, { kind: 'article', path: '/slow' }], loops: 2, markerPattern: /Ctxn\d+a/g });
    try {
      const since = Date.now();
      expect(readers.observedSince(since + 60_000)).toBe(false);
      expect(await readers.waitUntilObservedSince(since, 5_000)).toBe(true);
      expect(readers.observedSince(since)).toBe(true);
    } finally {
      const observations = await readers.stop();
      expect(new Set(observations.map((each) => `${each.path} ${each.markers.join()}`))).toEqual(new Set(['/ Ctxn0a', '/slow Ctxn1a']));
    }
  });

  it('waits for the slowest page, and gives up at the limit when a page is never answered in time', async () => {
    slowMs = 700;
    const readers = startReaders({ bases: [base], probes: () => [{ kind: 'home', path: '/' }, { kind: 'article', path: '/slow' }], loops: 1, markerPattern: /Ctxn\d+a/g });
    try {
      const since = Date.now();
      // One loop asks for / and /slow in turn: /slow's answer after `since` takes 700 ms or more.
      const waited = Date.now();
      expect(await readers.waitUntilObservedSince(since, 200)).toBe(false);
      expect(Date.now() - waited).toBeGreaterThanOrEqual(200);
      expect(await readers.waitUntilObservedSince(since, 5_000)).toBe(true);
      expect(Date.now() - since).toBeGreaterThanOrEqual(700);
    } finally {
      await readers.stop();
    }
  });
});
