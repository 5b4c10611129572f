/** Marks a video story on cards: words for everyone, not only an icon. */
export function VideoMark() {
  return (
    <span className="mr-2 inline-flex items-center gap-1 rounded bg-ink px-1.5 py-0.5 text-xs font-bold uppercase tracking-wide text-white">
      <svg aria-hidden="true" viewBox="0 0 10 10" className="h-2.5 w-2.5 fill-current">
        <path d="M2 1l7 4-7 4z" />
      </svg>
      Video
    </span>
  );
}
