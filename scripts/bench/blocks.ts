// --scenario blocks: what the story model costs a reader's first visit. Renders, one at a time and
// never cached, articles whose body is 20 blocks (3 pictures, an embed) and their twins with the same
// text as plain paragraphs (scripts/bench/blocks-prepare.ts), and weighs one page of each. Targets
// (issue 12): block render p50 ≤ 15 ms, and the block page no heavier than its plain twin.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { cpuMsPerRender, measureMisses, quantile } from './miss';

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

async function weigh(url: string): Promise<{ bytes: number; gzip: number; cache: string; html: string }> {
  const response = await fetch(url);
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return { bytes: body.length, gzip: zlib.gzipSync(body).length, cache: response.headers.get('x-nextjs-cache') ?? 'none', html: body.toString('utf8') };
}

/** Bytes of the page's RSC payload (the self.__next_f.push scripts Next inlines) and of its srcset attributes. */
export function anatomy(html: string): { rsc: number; srcset: number } {
  let rsc = 0;
  for (const match of html.matchAll(/<script[^>]*>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)) rsc += Buffer.byteLength(match[0]);
  let srcset = 0;
  for (const match of html.matchAll(/ (?:srcSet|srcset|imageSrcSet|imagesrcset)="[^"]*"/g)) srcset += Buffer.byteLength(match[0]);
  return { rsc, srcset };
}

/**
 * Today's page with the same text AND the same pictures: before blocks the body was one HTML string
 * with plain <img> tags (no renditions), rendered with dangerouslySetInnerHTML, so it went out twice:
 * in the HTML and as a string prop in the RSC payload. This takes the plain twin and adds each of the
 * block page's pictures as the old editor wrote them (<figure><img src alt loading><figcaption>), in
 * the HTML before the twin's paragraph that follows the picture, and in the payload JSON-escaped.
 */
export function withOldPictures(plainHtml: string, blockHtml: string): string {
  // The picture's file from its rendition's address: next/image's default (`/_next/image?url=%2Fmedia%2F…&w=…`)
  // or Lede's short one (`/media/1600w/…`, lib/media/rendition-url.ts).
  const original = (src: string) => (src.startsWith('/_next/image?url=') ? decodeURIComponent(src.slice('/_next/image?url='.length).split('&')[0]!) : src.replace(/^\/media\/\d+w\//, '/media/'));
  const figures = [...blockHtml.matchAll(/<figure><img [^>]*?alt="([^"]*)"[^>]*? src="([^"]+)"[^>]*>(?:<figcaption[^>]*>([\s\S]*?)<\/figcaption>)?<\/figure>/g)].map(
    ([, alt, src, caption]) => `<figure><img src="${original(src!)}" alt="${alt}" loading="lazy"><figcaption>${(caption ?? '').replace(/<[^>]+>/g, ' ').trim()}</figcaption></figure>`,
  );
  if (!figures.length) throw new Error('No picture found in the block page: the bench cannot build the old page with pictures.');
  // The payload's scripts carry the CSP nonce: <script nonce="…">self.__next_f.push(…).
  const rscAt = plainHtml.search(/<script[^>]*>self\.__next_f\.push/);
  if (rscAt < 0) throw new Error('No RSC payload found in the plain page.');
  const htmlPart = plainHtml.slice(0, rscAt);
  const rest = plainHtml.slice(rscAt);
  // Spread the figures over the body's paragraphs, as the block body has them.
  const paragraphs = [...htmlPart.matchAll(/<p dir="auto"/g)].map((match) => match.index!);
  let out = htmlPart;
  figures.forEach((figure, index) => {
    const at = paragraphs[Math.min(paragraphs.length - 1, 2 + index * 5)] ?? out.length;
    const shift = out.length - htmlPart.length;
    out = out.slice(0, at + shift) + figure + out.slice(at + shift);
  });
  const escaped = figures.map((figure) => JSON.stringify(JSON.stringify(figure)).slice(3, -3)).join('');
  return `${out}${rest.replace('"])</script>', `${escaped}"])</script>`)}`;
}

export async function runBlocksScenario(
  baseUrl: string,
  targets: { blockPaths: string[]; plainPaths: string[] },
  warmPaths: string[],
  say: (line: string) => void,
  serverPid?: number,
): Promise<Record<string, number | string>> {
  // Warm the JIT and the route on other articles first, so neither kind pays for the first render.
  say(`Warming up on ${Math.min(20, warmPaths.length)} other articles…`);
  await measureMisses(baseUrl, warmPaths.slice(0, 20));
  // Interleaved, block then its twin, so drift on a shared machine falls on both kinds alike.
  say(`Rendering ${targets.blockPaths.length} block articles and ${targets.plainPaths.length} plain twins, uncached, one at a time…`);
  const interleaved = targets.blockPaths.flatMap((path, index) => [path, targets.plainPaths[index]!]);
  const run = await measureMisses(baseUrl, interleaved, serverPid);
  const figures = (paths: string[]) => {
    const sorted = paths.flatMap((path) => (path in run.byPath ? [run.byPath[path]!] : [])).sort((a, b) => a - b);
    return { samples: sorted.length, failures: paths.length - sorted.length, p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
  };
  const blocks = figures(targets.blockPaths);
  const plain = figures(targets.plainPaths);
  const cache = Object.entries(run.cacheHeaders).map(([header, count]) => `${header}=${count}`).join(',');
  const blockPage = await weigh(`${baseUrl}${targets.blockPaths[0]}`);
  const plainPage = await weigh(`${baseUrl}${targets.plainPaths[0]}`);
  let oldPage = '';
  try {
    oldPage = withOldPictures(plainPage.html, blockPage.html);
  } catch (error) {
    say(`The old page with pictures could not be built: ${(error as Error).message}`);
  }
  // Kept for reading (data/bench is not committed): where a page's bytes go is easier to see than to say.
  const saved = path.join(process.cwd(), 'data', 'bench');
  fs.mkdirSync(saved, { recursive: true });
  fs.writeFileSync(path.join(saved, 'blocks-page-block.html'), blockPage.html);
  fs.writeFileSync(path.join(saved, 'blocks-page-plain.html'), plainPage.html);
  if (oldPage) fs.writeFileSync(path.join(saved, 'blocks-page-old-with-pictures.html'), oldPage);
  const blockAnatomy = anatomy(blockPage.html);
  const plainAnatomy = anatomy(plainPage.html);
  return {
    block_render_p50_ms: round(blocks.p50),
    block_render_p90_ms: round(blocks.p90),
    block_samples: blocks.samples,
    block_failures: blocks.failures,
    block_cpu_ms_per_render: round(cpuMsPerRender(run, targets.blockPaths), 2),
    plain_render_p50_ms: round(plain.p50),
    plain_render_p90_ms: round(plain.p90),
    plain_samples: plain.samples,
    plain_failures: plain.failures,
    plain_cpu_ms_per_render: round(cpuMsPerRender(run, targets.plainPaths), 2),
    block_page_bytes: blockPage.bytes,
    plain_page_bytes: plainPage.bytes,
    block_page_gzip_bytes: blockPage.gzip,
    plain_page_gzip_bytes: plainPage.gzip,
    block_vs_plain_bytes_ratio: round(blockPage.bytes / plainPage.bytes, 3),
    old_with_pictures_page_bytes: oldPage ? Buffer.byteLength(oldPage) : 'n/a',
    old_with_pictures_page_gzip_bytes: oldPage ? zlib.gzipSync(oldPage).length : 'n/a',
    block_vs_old_with_pictures_bytes_ratio: oldPage ? round(blockPage.bytes / Buffer.byteLength(oldPage), 3) : 'n/a',
    block_rsc_payload_bytes: blockAnatomy.rsc,
    plain_rsc_payload_bytes: plainAnatomy.rsc,
    block_srcset_attribute_bytes: blockAnatomy.srcset,
    plain_srcset_attribute_bytes: plainAnatomy.srcset,
    render_cache: cache,
    block_page_example: targets.blockPaths[0]!,
  };
}
