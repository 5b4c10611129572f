/** The kicker in front of a card's headline. A bare "VIDEO" kicker on a video story says what the
 * video mark already says, so it is shown once, as the mark. */
export function CardKicker({ kicker, isVideo }: { kicker: string; isVideo: boolean }) {
  if (!kicker || (isVideo && kicker.trim().toUpperCase() === 'VIDEO')) return null;
  return <span className="mr-1 text-accent">{kicker}:</span>;
}
