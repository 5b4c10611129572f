// The benchmark's baseline: /status/static's page at an address the request proxy's matcher leaves
// out (proxy.ts), so nothing of Lede runs before Next serves it. Article, section and home page
// throughput are measured against it in the same run (docs/benchmarks.md, issue 14).
import type { Metadata } from 'next';
import { RunningNotice } from '@/components/status/RunningNotice';

export const dynamic = 'force-static';

export const metadata: Metadata = { title: 'Status', robots: { index: false, follow: true } };

export default function BareStatusPage() {
  return <RunningNotice />;
}
