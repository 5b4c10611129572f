import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMediaFile, mediaResponse, parseRange } from '@/lib/media/files';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-media-'));
fs.mkdirSync(path.join(root, '2016', '11'), { recursive: true });
fs.writeFileSync(path.join(root, '2016', '11', 'clip.mp4'), Buffer.from('0123456789'));
fs.writeFileSync(path.join(root, 'notes.txt'), 'secret');
fs.writeFileSync(path.join(os.tmpdir(), 'outside.jpg'), 'x');

describe('findMediaFile', () => {
  it('finds stored media by path segments', () => {
    expect(findMediaFile(['2016', '11', 'clip.mp4'], root)?.contentType).toBe('video/mp4');
  });

  it('refuses traversal, hidden files, unknown types and folders', () => {
    expect(findMediaFile(['..', 'outside.jpg'], root)).toBeNull();
    expect(findMediaFile(['2016', '..', '..', 'outside.jpg'], root)).toBeNull();
    expect(findMediaFile(['..%2Foutside.jpg'], root)).toBeNull();
    expect(findMediaFile(['a/../../outside.jpg'], root)).toBeNull();
    expect(findMediaFile(['.hidden.jpg'], root)).toBeNull();
    expect(findMediaFile(['notes.txt'], root)).toBeNull();
    expect(findMediaFile(['2016'], root)).toBeNull();
    expect(findMediaFile([], root)).toBeNull();
  });
});

describe('byte ranges', () => {
  it('parses the forms browsers send', () => {
    expect(parseRange('bytes=0-', 10)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=2-4', 10)).toEqual({ start: 2, end: 4 });
    expect(parseRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(parseRange('bytes=5-100', 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange('bytes=20-', 10)).toBe('unsatisfiable');
    expect(parseRange('items=1-2', 10)).toBeNull();
    expect(parseRange(null, 10)).toBeNull();
  });

  it('answers 206 with the requested bytes, 416 outside the file', async () => {
    const media = findMediaFile(['2016', '11', 'clip.mp4'], root)!;
    const partial = mediaResponse(media, 'bytes=2-4', 'GET');
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe('bytes 2-4/10');
    expect(await partial.text()).toBe('234');
    expect(mediaResponse(media, 'bytes=50-', 'GET').status).toBe(416);
    const whole = mediaResponse(media, null, 'GET');
    expect(whole.status).toBe(200);
    expect(await whole.text()).toBe('0123456789');
  });
});
