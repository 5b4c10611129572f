import type { ContributorProfile } from '@/lib/contributors/types';
import { Picture } from '@/components/media/Picture';

/** The top of an author page below its heading: photo, bio and profile links. The links are the
 * contributor's own profiles, so they carry rel="me" (Mastodon and others verify a profile by it). */
export function AuthorProfile({ contributor }: { contributor: ContributorProfile }) {
  return (
    <section aria-label={`About ${contributor.name}`} className="flex flex-col gap-4 sm:flex-row sm:items-start" data-testid="author-profile">
      {contributor.photo ? (
        <div className="w-32 shrink-0">
          <Picture media={contributor.photo} sizes="128px" priority className="h-auto w-32 rounded" />
        </div>
      ) : null}
      <div className="flex flex-col gap-3">
        {contributor.bio
          ? contributor.bio.split('\n\n').map((paragraph, index) => (
              <p key={index} className="max-w-prose font-serif text-lg" dir="auto">
                {paragraph}
              </p>
            ))
          : null}
        {contributor.links.length ? (
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Elsewhere">
            {contributor.links.map((link) => (
              <li key={link.kind}>
                <a href={link.url} rel="me noopener" className="underline">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {contributor.retired ? <p className="text-sm text-muted">No longer writes for us; their stories stay here.</p> : null}
      </div>
    </section>
  );
}
