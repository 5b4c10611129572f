import { PageLink } from '@/components/site/PageLink';
import type { RelatedLinkView } from '@/lib/articles/types';
import { Picture } from '@/components/media/Picture';
import { VideoPlayer } from '@/components/media/VideoPlayer';
import { VideoMark } from '@/components/front/VideoMark';
import { CardKicker } from '@/components/front/CardKicker';

/** One related link as readers see it: a thumbnail (or, for video, a player that plays in place),
 * the kicker and the title, in the order the editor set. */
export function RelatedLinkCard({ link }: { link: RelatedLinkView }) {
  const isVideo = link.contentType === 'video' || link.media?.kind === 'video';
  const label = (
    <>
      {isVideo ? <VideoMark /> : null}
      <CardKicker kicker={link.kicker} isVideo={isVideo} />
      {link.title}
    </>
  );
  return (
    <li data-testid="related-link" data-content-type={isVideo ? 'video' : 'text'} className="flex flex-col gap-2">
      {link.media ? (
        isVideo && link.media.kind === 'video' ? (
          <VideoPlayer media={link.media} title={link.title} preload="none" />
        ) : (
          <Picture media={link.media} decorative sizes="(min-width: 1024px) 20vw, (min-width: 640px) 33vw, 100vw" className="aspect-[4/3] h-auto w-full object-cover" />
        )
      ) : null}
      <h3 className="font-serif text-base font-bold leading-snug">
        {link.external ? (
          <a href={link.href} rel="noopener noreferrer nofollow external" className="text-ink hover:text-accent hover:underline">
            {label}
          </a>
        ) : (
          <PageLink href={link.href} className="text-ink hover:text-accent hover:underline">
            {label}
          </PageLink>
        )}
      </h3>
    </li>
  );
}
