import type { Metadata } from 'next';
import { getHomeFront } from '@/lib/articles/queries';
import { HomeFrontView } from '@/components/front/HomeFrontView';
import { JsonLd } from '@/components/seo/JsonLd';
import { homeMetadata } from '@/lib/seo/metadata';
import { homeJsonLd } from '@/lib/seo/jsonld';

export function generateMetadata(): Metadata {
  return homeMetadata();
}

export default async function HomePage() {
  const front = await getHomeFront();
  return (
    <>
      <JsonLd data={homeJsonLd()} />
      <HomeFrontView front={front} />
    </>
  );
}
