// Embeds structured data for crawlers. serializeJsonLd escapes `<`, so a headline holding
// "</script>" stays inside the block.
import type { Thing, WithContext } from 'schema-dts';
import { serializeJsonLd } from '@/lib/seo/jsonld';

type Props = { data: WithContext<Thing> | readonly WithContext<Thing>[] };

export function JsonLd({ data }: Props) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
