// A trivial static page with no database behind it, which the request proxy sees like any other
// page. The benchmark measures it beside /status/bare (the same page, which the proxy never sees):
// the two differ by what the proxy costs a page (docs/benchmarks.md).
import type { Metadata } from 'next';
import { RunningNotice } from '@/components/status/RunningNotice';

export const dynamic = 'force-static';

export const metadata: Metadata = { title: 'Status', robots: { index: false, follow: true } };

export default function StatusPage() {
  return <RunningNotice />;
}
