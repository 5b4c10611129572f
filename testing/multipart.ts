// Multipart bodies made on demand for upload tests and benches: a file part is its head bytes, then
// zeros up to its size, produced chunk by chunk as the reader pulls (never held whole).
// 64 KiB: the size of the chunks Node's HTTP server hands a request body over in.
const chunkSize = 64 * 1024;
export const testBoundary = '----lede-test-boundary';

export type Part = { name: string; filename?: string; head?: Buffer; size?: number; value?: string };

export function multipartStream(parts: Part[], boundary: string = testBoundary): ReadableStream<Uint8Array> {
  const chunks = function* () {
    for (const part of parts) {
      const disposition = part.filename === undefined ? `form-data; name="${part.name}"` : `form-data; name="${part.name}"; filename="${part.filename}"`;
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.filename === undefined ? '' : 'Content-Type: application/octet-stream\r\n'}\r\n`);
      if (part.value !== undefined) yield Buffer.from(part.value);
      else {
        yield part.head!;
        let left = part.size! - part.head!.length;
        const zeros = Buffer.alloc(chunkSize);
        while (left > 0) {
          const length = Math.min(left, chunkSize);
          // A fresh copy each time: a reader that kept every chunk would show in memory.
          yield Buffer.from(zeros.subarray(0, length));
          left -= length;
        }
      }
      yield Buffer.from('\r\n');
    }
    yield Buffer.from(`--${boundary}--\r\n`);
  };
  const iterator = chunks();
  return new ReadableStream({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
}

export function uploadRequest(parts: Part[], url = 'http://127.0.0.1/api/admin/media'): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${testBoundary}`, accept: 'application/json' },
    body: multipartStream(parts),
    duplex: 'half',
  } as RequestInit);
}

/** ISO BMFF "ftyp isom": the first bytes of an MP4. */
export const mp4Head = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\x02\0isomiso2', 'latin1')]);
