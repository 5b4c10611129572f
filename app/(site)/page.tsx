import type { Metadata } from 'next';
import { getHomeFront } from '@/lib/articles/queries';
import { HomeFrontView } from '@/components/front/HomeFrontView';
import { MostRead } from '@/components/front/MostRead';
import { getMostRead } from '@/lib/audience/queries';
import { JsonLd } from '@/components/seo/JsonLd';
import { homeMetadata } from '@/lib/seo/metadata';
import { homeJsonLd } from '@/lib/seo/jsonld';

export function generateMetadata(): Metadata {
  return homeMetadata();
}

export default async function HomePage() {
  const [front, mostRead] = await Promise.all([getHomeFront(), getMostRead()]);
  return (
    <>
      <JsonLd data={homeJsonLd()} />
      <HomeFrontView front={front} />
      <MostRead items={mostRead} />
    </>
  );
}
