// What a Node heap snapshot holds, and what grew between two: self size per kind of object (V8's
// type and constructor name), the largest strings grouped by how they begin, and the ArrayBuffer
// backing stores by size (8 KiB ones are Node's shared Buffer pool slabs). How docs/benchmarks.md
// ("Soak") found what grows:
//
//   NODE_OPTIONS="--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=/tmp/heap" npm run soak -- --minutes 12
//   kill -USR2 <next-server pid>      # twice, minutes apart (each snapshot forces a full GC)
//   node --max-old-space-size=3000 scripts/bench/heap-summary.mjs /tmp/heap/A.heapsnapshot /tmp/heap/B.heapsnapshot
import fs from 'node:fs';

function load(file) {
  const snapshot = JSON.parse(fs.readFileSync(file, 'utf8'));
  const meta = snapshot.snapshot.meta;
  const width = meta.node_fields.length;
  const types = meta.node_types[0];
  const [type, name, self] = ['type', 'name', 'self_size'].map((field) => meta.node_fields.indexOf(field));
  const kinds = new Map();
  const strings = new Map();
  const buffers = new Map();
  let total = 0;
  const add = (map, key, size) => {
    const row = map.get(key) ?? { count: 0, size: 0 };
    row.count += 1;
    row.size += size;
    map.set(key, row);
  };
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const kind = types[snapshot.nodes[i + type]];
    const label = snapshot.strings[snapshot.nodes[i + name]];
    const size = snapshot.nodes[i + self];
    total += size;
    add(kinds, ['object', 'native', 'closure'].includes(kind) ? `${kind}:${label.slice(0, 60)}` : kind, size);
    if (kind === 'string' && size >= 10_000) add(strings, JSON.stringify(label.slice(0, 40)), size);
    if (label === 'system / JSArrayBufferData') add(buffers, size === 8192 ? '8 KiB (pool slab)' : size < 4096 ? '< 4 KiB' : size < 65536 ? '4-64 KiB' : '>= 64 KiB', size);
  }
  return { total, kinds, strings, buffers };
}

const mb = (bytes) => (bytes / 1048576).toFixed(2).padStart(8);
const [before, after] = process.argv.slice(2).map(load);
if (!before) throw new Error('usage: node scripts/bench/heap-summary.mjs A.heapsnapshot [B.heapsnapshot]');
console.log(`live heap: ${mb(before.total)} MB${after ? ` -> ${mb(after.total)} MB` : ''}`);
for (const [title, key, limit] of [['by kind', 'kinds', 25], ['strings >= 10 kB, by beginning', 'strings', 8], ['ArrayBuffer backing stores', 'buffers', 8]]) {
  console.log(`\n${title}: MB count${after ? ' | MB count | growth MB' : ''}`);
  const keys = new Set([...before[key].keys(), ...(after ? after[key].keys() : [])]);
  const rows = [...keys].map((label) => {
    const a = before[key].get(label) ?? { count: 0, size: 0 };
    const b = after?.[key].get(label) ?? { count: 0, size: 0 };
    return { label, a, b, growth: b.size - a.size };
  });
  rows.sort((x, y) => (after ? y.growth - x.growth : y.a.size - x.a.size));
  for (const row of rows.slice(0, limit)) {
    console.log(`${row.label.padEnd(64)} ${mb(row.a.size)} ${String(row.a.count).padStart(7)}${after ? ` | ${mb(row.b.size)} ${String(row.b.count).padStart(7)} | ${mb(row.growth)}` : ''}`);
  }
}
