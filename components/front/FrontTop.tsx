import { PageLink } from '@/components/site/PageLink';
import type { FrontStory } from '@/lib/fronts/compose';
import { formatDay } from '@/lib/format/dates';
import { Picture } from '@/components/media/Picture';
import { VideoMark } from '@/components/front/VideoMark';
import { CardKicker } from '@/components/front/CardKicker';

/**
 * The top of a front: the lead beside a column of top stories. On a 1280×900 screen the lead and at
 * least four more headlines are above the fold (the lead picture is 16:9 in two thirds of the width,
 * not 4:3 across the page); on a phone the lead headline is above it (docs/newsroom.md). The lead
 * picture is the page's largest paint: loaded first (priority) at the widths it is shown.
 */
export function FrontTop({ lead, top }: { lead: FrontStory; top: FrontStory[] }) {
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] lg:gap-8">
      <section aria-label="Top story" data-testid="front-lead">
        <article data-testid="story-card" data-content-type={lead.contentType} className="flex flex-col gap-2">
          {lead.media ? (
            <PageLink href={lead.path} tabIndex={-1} aria-hidden="true">
              <Picture
                media={lead.media}
                decorative
                priority
                sizes="(min-width: 1152px) 740px, (min-width: 1024px) 64vw, 100vw"
                className="aspect-[16/9] h-auto w-full object-cover"
              />
            </PageLink>
          ) : null}
          <h2 className="font-serif text-2xl font-bold leading-tight sm:text-3xl lg:text-4xl">
            <PageLink href={lead.path} className="text-ink hover:text-accent hover:underline">
              {lead.contentType === 'video' ? <VideoMark /> : null}
              <CardKicker kicker={lead.kicker} isVideo={lead.contentType === 'video'} />
              {lead.headline}
            </PageLink>
          </h2>
          {lead.standfirst ? <p className="text-lg text-muted">{lead.standfirst}</p> : null}
          <p className="text-xs text-muted">
            <time dateTime={lead.publishedAt}>{formatDay(lead.publishedAt)}</time>
            <span aria-hidden="true"> · </span>
            {lead.section.name}
          </p>
        </article>
      </section>
      {top.length ? (
        <section aria-labelledby="top-stories-heading" className="border-t-2 border-ink pt-3 lg:border-t-0 lg:border-l lg:border-gray-300 lg:pl-6 lg:pt-0">
          <h2 id="top-stories-heading" className="mb-3 font-serif text-xl font-bold">Top stories</h2>
          <ol className="divide-y divide-gray-300" data-testid="front-top">
            {top.map((story) => (
              <li key={story.id} className="py-3 first:pt-0">
                <article data-testid="story-card" data-content-type={story.contentType}>
                  <h3 className="font-serif text-lg font-bold leading-snug">
                    <PageLink href={story.path} className="text-ink hover:text-accent hover:underline">
                      {story.contentType === 'video' ? <VideoMark /> : null}
                      <CardKicker kicker={story.kicker} isVideo={story.contentType === 'video'} />
                      {story.headline}
                    </PageLink>
                  </h3>
                  <p className="mt-1 text-xs text-muted">
                    <time dateTime={story.publishedAt}>{formatDay(story.publishedAt)}</time>
                    <span aria-hidden="true"> · </span>
                    {story.section.name}
                  </p>
                </article>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
