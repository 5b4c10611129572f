// Turns an async sequence of XML pieces into a byte stream pulled by the client: the next database
// batch is read only when the previous one has been sent, so memory stays flat whatever the size.
import { publicCacheControl } from '@/lib/security/page-headers.mjs';

export function streamText(pieces: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pieces[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** Pieces joined into chunks of about `size` characters: fewer, larger writes to the socket. */
export async function* batchText(pieces: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let buffer = '';
  for await (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

export const xmlHeaders = {
  'Content-Type': 'application/xml; charset=utf-8',
  // What a CDN may keep, like every public page (docs/caching.md, "Behind a CDN"): a sitemap lists
  // what is published, so it follows a change as fast as the pages do.
  'Cache-Control': publicCacheControl(),
} as const;
