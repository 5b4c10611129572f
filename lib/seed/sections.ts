// The demo site's sections, in navigation order. e2e tests and the bench rely on these slugs.
import type { Section } from '@/lib/generated/prisma/client';
import { upsertSection } from '@/lib/sections/commands';

export const demoSections = [
  { slug: 'world', name: 'World', description: 'News from every continent.' },
  { slug: 'middle-east', name: 'Middle East', description: 'Politics, conflict and daily life across the region.' },
  { slug: 'politics', name: 'Politics', description: 'Governments, parliaments and the people who vote for them.' },
  { slug: 'business', name: 'Business', description: 'Markets, companies, trade and work.' },
  { slug: 'science-tech', name: 'Science & Tech', description: 'Research, technology and the people behind them.' },
  { slug: 'culture', name: 'Culture', description: 'Books, film, music, art and ideas.' },
] as const;

export type DemoSectionSlug = (typeof demoSections)[number]['slug'];

export async function ensureDemoSections(): Promise<Map<string, Section>> {
  const sections = new Map<string, Section>();
  for (const [position, section] of demoSections.entries()) sections.set(section.slug, await upsertSection({ ...section, position }));
  return sections;
}
