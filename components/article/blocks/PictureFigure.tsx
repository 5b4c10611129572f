'use client';
// A picture block's whole <figure>, rendered from the few values it needs. The picture is a client
// component anyway (components/media/Rendition.tsx: its loader is a function), so its props are in the
// page's RSC payload whatever we do; rendering the figure and its caption here as well means the
// payload carries those values once, instead of the figure, figcaption and credit as an element tree
// around the picture's props (about 170 bytes a picture, docs/decisions/0023-render-path.md). Its size
// comes from the body's stylesheet (app/globals.css), not a class on each picture (decision 0032).
import { MediaCaption } from '@/components/article/blocks/MediaCaption';
import { Rendition } from '@/components/media/Rendition';

/** A body picture is shown at the column's width: 720 CSS pixels from 768 up, the screen's below.
 * The space before 100vw matters: next/image reads it to leave out widths below the smallest screen. */
export const columnSizes = '(min-width: 768px) 720px, 100vw';

type PictureFigureProps = { src: string; width: number; height: number; alt: string; caption: string; credit: string };

export function PictureFigure({ src, width, height, alt, caption, credit }: PictureFigureProps) {
  return (
    <figure>
      <Rendition src={src} width={width} height={height} alt={alt} sizes={columnSizes} className={null} />
      <MediaCaption caption={caption} credit={credit} />
    </figure>
  );
}
