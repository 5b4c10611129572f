// npm run bench options: --articles N --duration S --connections C --database sqlite|postgres --port P.
import { parseArgs } from 'node:util';
import { z } from 'zod';

const schema = z.object({
  articles: z.coerce.number().int().min(0).max(50_000_000),
  duration: z.coerce.number().int().min(1).max(600),
  connections: z.coerce.number().int().min(1).max(1_000),
  database: z.enum(['sqlite', 'postgres']),
  port: z.coerce.number().int().min(1024).max(65535),
  misses: z.coerce.number().int().min(1).max(100_000),
  scenario: z.enum(['pages', 'coherence', 'soak', 'sanitize', 'upload', 'csp', 'blocks', 'side-by-side', 'media-uses', 'beacons', 'newsday', 'search']),
  aNodeOptions: z.string().max(500),
  beaconRate: z.coerce.number().int().min(1).max(100_000),
  rounds: z.coerce.number().int().min(1).max(20),
  changes: z.coerce.number().int().min(2).max(100_000),
  hold: z.coerce.number().int().min(0).max(60_000),
  minutes: z.coerce.number().min(0.5).max(24 * 60),
  publishEvery: z.coerce.number().min(0.5).max(3600),
  importEvery: z.coerce.number().min(0.5).max(24 * 60),
  behind: z.enum(['direct', 'nginx']),
  rates: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'a comma-separated list of whole numbers, rising')
    .transform((list) => list.split(',').map(Number))
    .refine((list) => list.every((rate, index) => rate >= 1 && rate <= 5_000 && (index === 0 || rate > list[index - 1]!)), 'rates from 1 to 5000, each above the one before'),
  stepSeconds: z.coerce.number().int().min(5).max(600),
});

export type BenchOptions = z.infer<typeof schema>;

export const usage = `npm run bench -- [--articles N] [--duration S] [--connections C] [--database sqlite|postgres] [--port P] [--misses M]
  --articles     at least this many articles in the bench database (default 10000; made once, reused)
  --duration     seconds of load per target page (default 10)
  --connections  concurrent connections (default 50)
  --database     sqlite (data/bench/bench-N.db) or postgres (database lede_bench on 127.0.0.1)
  --port         port of the server under test (default 3290)
  --misses       uncached articles rendered one by one for the miss figure (default 250, at least 200 advised)
  --scenario     pages (throughput of cached pages, miss renders: the default) or coherence (publish-to-visible
                 time per page kind while readers load the pages: docs/benchmarks.md), sanitize (how long
                 saving bodies of 100 KB to 1 MB holds the event loop, in process, no server build), upload
                 (peak memory of one video upload just under MEDIA_MAX_VIDEO_BYTES, streamed vs buffered),
                 csp (home and article req/s with and without the Content-Security-Policy, the same build,
                 alternating), blocks (uncached render of articles of 20 blocks with 3 pictures and an
                 embed, and their page bytes against the same text as plain paragraphs; --misses pairs)
                 side-by-side (two servers of one build at once, A with NODE_OPTIONS=--a-node-options, B as
                 npm start runs it, rendering fresh block articles and twins alternately: --misses measured
                 pairs per server per round, --rounds rounds, the ports swapped each round)
                 media-uses (the media-use check at --articles articles: the old scan of every body
                 against the MediaUse index, in process, on a throwaway SQLite or PostgreSQL database),
                 beacons (article req/s alone and under a fixed rate of view beacons, views written,
                 memory under a flood of unknown ids), soak (npm run soak: mixed traffic for --minutes)
                 or newsday (a news site's day: Zipf readers, fronts, search, feeds, a crawler,
                 browser prefetches, an editor: docs/benchmarks.md) or search (search pages through the
                 server over fixed queries by kind, one at a time for --rounds passes, then 8 at once)
  --beacon-rate  beacons: view beacons a second the generator sends (default 5000)
  --rounds       pages, csp and search: how many times each target or mode is measured, in turn (default 2);
                 side-by-side: rounds (use an even number, so each server starts first as often)
  --a-node-options=…  side-by-side: NODE_OPTIONS of server A, given with "=" (default empty)
  --changes      coherence: how many publishes and unpublishes (default 300)
  --hold         coherence: ms between one change's answer and the next change (default 1200)
  --minutes      soak (npm run soak): how long to run mixed traffic (default 30)
  --publish-every  soak: seconds between the editor's publishes and unpublishes (default 5)
  --import-every   soak: minutes between imports of 25 legacy articles (default 5)
  --behind       newsday: direct (default) or nginx (deploy/nginx.conf in front of the server);
                 beacons: nginx answers the beacons (deploy/nginx.conf) and the server reads its view log
  --rates        newsday: arrivals per second to step through (default 2,5,10,20,40,80,160,320)
  --step-seconds newsday: seconds per step (default 20); then --minutes at the best step`;

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      articles: { type: 'string', default: '10000' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '50' },
      database: { type: 'string', default: 'sqlite' },
      port: { type: 'string', default: '3290' },
      misses: { type: 'string', default: '250' },
      scenario: { type: 'string', default: 'pages' },
      changes: { type: 'string', default: '300' },
      hold: { type: 'string', default: '1200' },
      minutes: { type: 'string', default: '30' },
      'publish-every': { type: 'string', default: '5' },
      'import-every': { type: 'string', default: '5' },
      'beacon-rate': { type: 'string', default: '5000' },
      rounds: { type: 'string', default: '2' },
      behind: { type: 'string', default: 'direct' },
      rates: { type: 'string', default: '2,5,10,20,40,80,160,320' },
      'step-seconds': { type: 'string', default: '20' },
      'a-node-options': { type: 'string', default: '' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const parsed = schema.safeParse({ ...values, publishEvery: values['publish-every'], importEvery: values['import-every'], beaconRate: values['beacon-rate'], stepSeconds: values['step-seconds'], aNodeOptions: values['a-node-options'] });
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n')}\n\n${usage}`);
    process.exit(2);
  }
  return parsed.data;
}
