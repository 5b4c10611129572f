// The app's server keeps an idle connection past Node's 5 s default, longer than nginx's upstream
// keepalive (60 s): a client that reuses a connection after a pause must not find it closed under it.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServer, HEADERS_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS } from './http-server.mjs';

const servers: ReturnType<typeof createAppServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Reads from `socket` until a whole response with `Content-Length` body has come. */
function readResponse(socket: net.Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(text)?.[1] ?? NaN);
      if (end !== -1 && text.length >= end + 4 + length) {
        socket.off('data', onData);
        socket.off('close', onClose);
        resolve(text);
      }
    };
    const onClose = () => reject(new Error(`the server closed the connection (after: ${JSON.stringify(text)})`));
    socket.on('data', onData);
    socket.once('close', onClose);
  });
}

describe('createAppServer', () => {
  it('waits longer than nginx (60 s) before closing an idle connection', () => {
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000);
    expect(HEADERS_TIMEOUT_MS).toBeGreaterThan(KEEP_ALIVE_TIMEOUT_MS);
    const server = createAppServer();
    expect([server.keepAliveTimeout, server.headersTimeout]).toEqual([KEEP_ALIVE_TIMEOUT_MS, HEADERS_TIMEOUT_MS]);
  });

  it('answers a POST sent on a connection left idle for longer than Node’s default 5 s', async () => {
    const server = createAppServer();
    servers.push(server);
    server.on('request', (request, response) => {
      request.resume();
      request.on('end', () => response.end(`${request.method} answered`));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    try {
      socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(await readResponse(socket)).toMatch(/^HTTP\/1\.1 200[\s\S]*GET answered$/);
      // Node 20 closes such a connection about 6 s after the answer (5 s and a margin of its own).
      await new Promise((resolve) => setTimeout(resolve, 7_500));
      expect(socket.destroyed || socket.readyState !== 'open', 'the idle connection was closed').toBe(false);
      socket.write('POST /api/admin/articles/1/publish HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}');
      expect(await readResponse(socket)).toMatch(/^HTTP\/1\.1 200[\s\S]*POST answered$/);
    } finally {
      socket.destroy();
    }
  }, 15_000);
});
