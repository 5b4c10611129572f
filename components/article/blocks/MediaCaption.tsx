/** The caption under a picture or video block: the block's caption and its credit (the block's own,
 * else the library's), or nothing when it has neither. */
export function MediaCaption({ caption, credit }: { caption: string; credit: string }) {
  if (!caption && !credit) return null;
  return (
    <figcaption dir="auto">
      {caption}
      {credit ? <span>{credit}</span> : null}
    </figcaption>
  );
}
