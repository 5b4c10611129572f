import type { Metadata } from 'next';
import Link from 'next/link';
import { Forbidden } from '@/components/admin/Forbidden';
import { AdminTable } from '@/components/admin/AdminTable';
import { ViewsChart } from '@/components/admin/audience/ViewsChart';
import { sectionViewsByHour, siteViewsByHour, topArticlesToday } from '@/lib/audience/queries';
import { requirePageUser } from '@/lib/auth/current';
import { can } from '@/lib/auth/roles';
import { config } from '@/lib/config';

export const metadata: Metadata = { title: 'Audience' };

/** The newsroom's audience dashboard (docs/decisions/0022-audience-counts.md): views per hour over the
 * last 7 days for the site and each section, and today's most viewed articles. */
export default async function AudiencePage() {
  const user = await requirePageUser();
  if (!can(user.role, 'audience.read')) return <Forbidden what="Editors and admins read the audience dashboard." />;
  const now = new Date();
  const [site, sections, top] = await Promise.all([siteViewsByHour(now), sectionViewsByHour(now), topArticlesToday(now)]);
  const zone = config.SITE_TIMEZONE;
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Audience</h1>
      <p className="mb-6 text-sm text-gray-700">
        Views counted on this site, without cookies and without storing anything about readers; known bots are not counted.
        Hours in {zone}. The latest second or two of views arrive with the next count.
      </p>
      <h2 className="mb-3 font-serif text-2xl font-bold">Today’s most viewed articles</h2>
      {top.length ? (
        <AdminTable caption="Today’s most viewed articles" columns={['Article', 'Section', 'Views today']}>
          {top.map((row) => (
            <tr key={row.articleId} className="border-b border-gray-200" data-testid="top-article">
              <td className="py-1 pr-3"><Link className="text-blue-800 underline" href={`/admin/articles/${row.articleId}`}>{row.headline}</Link></td>
              <td className="py-1 pr-3">{row.sectionName}</td>
              <td className="py-1 text-right tabular-nums">{row.views}</td>
            </tr>
          ))}
        </AdminTable>
      ) : (
        <p className="mb-6">No views counted today yet.</p>
      )}
      <h2 className="mb-3 mt-8 font-serif text-2xl font-bold">The whole site, last 7 days</h2>
      <ViewsChart id="site" title="Views per hour, whole site, last 7 days" points={site} timeZone={zone} />
      <h2 className="mb-3 font-serif text-2xl font-bold">By section, last 7 days</h2>
      {sections.map((section) => (
        <section key={section.sectionId} aria-labelledby={`section-${section.sectionId}-heading`}>
          <h3 id={`section-${section.sectionId}-heading`} className="mb-1 font-serif text-xl font-bold">{section.name}</h3>
          <ViewsChart id={`section-${section.sectionId}`} title={`Views per hour, ${section.name}, last 7 days`} points={section.hours} timeZone={zone} />
        </section>
      ))}
    </>
  );
}
