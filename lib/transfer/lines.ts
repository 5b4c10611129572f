// An NDJSON file read a line at a time (node:readline), each line with its number for messages, and
// no line held past a limit: a file is input like any other, and one endless line must not hold the
// import's memory hostage.
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline, Transform } from 'node:stream';

export class TransferFormatError extends Error {
  constructor(file: string, line: number, reason: string) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'TransferFormatError';
  }
}

// No line Lede writes comes near this: a record holds at most a 100,000-character body and its plain
// text, six characters each at worst once escaped as JSON. A longer line is not a record, and
// readline would hold all of it in memory: the file stops there instead.
export const maxLineLength = 16_000_000;

/** The file's lines, numbered from 1; a line longer than `maxLineLength` stops the file at its number. */
export async function* numberedLines(file: string): AsyncGenerator<{ number: number; text: string }> {
  // Counts the characters since the last line break as they stream past, so an endless line is
  // stopped at the limit instead of being held whole.
  let number = 1;
  let length = 0;
  const guard = new Transform({
    decodeStrings: false,
    transform(chunk: string, _encoding, done) {
      for (let start = 0; start < chunk.length; ) {
        const end = chunk.indexOf('\n', start);
        length += (end === -1 ? chunk.length : end) - start;
        if (length > maxLineLength) return done(new TransferFormatError(file, number, `line ${number} is longer than ${maxLineLength.toLocaleString('en')} characters: not a Lede export record, and not read further`));
        if (end === -1) break;
        number += 1;
        length = 0;
        start = end + 1;
      }
      done(null, chunk);
    },
  });
  const input = pipeline(fs.createReadStream(file, { encoding: 'utf8' }), guard, () => {});
  let count = 0;
  // crlfDelay: a \r\n is one line break, whichever chunk the \n arrives in.
  for await (const text of readline.createInterface({ input, crlfDelay: Infinity })) {
    count += 1;
    yield { number: count, text: count === 1 ? text.replace(/^\uFEFF/, '') : text };
  }
}
