import type { HourlyViews } from '@/lib/audience/queries';

type Props = {
  /** Unique on the page: the ids of the chart's title and description. */
  id: string;
  title: string;
  points: HourlyViews[];
  timeZone: string;
};

const WIDTH = 672;
const HEIGHT = 160;
const LEFT = 44;
const BOTTOM = 20;

const hourFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const dayFormat = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric' });
const hourOfDay = (timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });

/**
 * Views per hour as a server-rendered SVG bar chart (no script): `role="img"` named by its <title>
 * and described by its <desc> (total, peak), with the exact numbers in a real table behind it (a
 * <details> a screen reader or a curious editor opens). Hours are labelled in the site's time zone.
 */
export function ViewsChart({ id, title, points, timeZone }: Props) {
  const total = points.reduce((sum, point) => sum + point.views, 0);
  const peak = points.reduce((best, point) => (point.views > best.views ? point : best), points[0] ?? { hour: '', views: 0 });
  const max = Math.max(1, peak.views);
  const plotWidth = WIDTH - LEFT;
  const plotHeight = HEIGHT - BOTTOM;
  const barWidth = plotWidth / Math.max(1, points.length);
  const hours = hourFormat(timeZone);
  const days = dayFormat(timeZone);
  const hourOnly = hourOfDay(timeZone);
  const description = total
    ? `${total.toLocaleString('en-GB')} views from ${hours.format(new Date(points[0]!.hour))} to ${hours.format(new Date(points.at(-1)!.hour))}; the busiest hour, ${hours.format(new Date(peak.hour))}, had ${peak.views.toLocaleString('en-GB')}.`
    : 'No views counted in these hours.';
  return (
    <figure className="mb-8" data-testid={`chart-${id}`}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full max-w-3xl" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={LEFT} y1={plotHeight} x2={WIDTH} y2={plotHeight} stroke="#374151" />
        <text x={LEFT - 6} y={10} textAnchor="end" fontSize="11" fill="#374151">{max}</text>
        <text x={LEFT - 6} y={plotHeight} textAnchor="end" fontSize="11" fill="#374151">0</text>
        {points.map((point, index) =>
          point.views ? (
            <rect
              key={point.hour}
              x={LEFT + index * barWidth}
              y={plotHeight - (point.views / max) * (plotHeight - 4)}
              width={Math.max(1, barWidth - 0.5)}
              height={(point.views / max) * (plotHeight - 4)}
              fill="#1e40af"
            />
          ) : null,
        )}
        {points.map((point, index) =>
          hourOnly.format(new Date(point.hour)) === '00' ? (
            <g key={`day-${point.hour}`}>
              <line x1={LEFT + index * barWidth} y1={plotHeight} x2={LEFT + index * barWidth} y2={plotHeight + 4} stroke="#374151" />
              <text x={LEFT + index * barWidth + 2} y={HEIGHT - 4} fontSize="11" fill="#374151">{days.format(new Date(point.hour))}</text>
            </g>
          ) : null,
        )}
      </svg>
      <figcaption className="mt-1 text-sm text-gray-700">{description}</figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-blue-800">Views per hour: {title}</summary>
        <table className="mt-2 border-collapse text-left">
          <caption className="sr-only">{title}, views per hour</caption>
          <thead>
            <tr className="border-b-2 border-gray-400">
              <th scope="col" className="py-1 pr-4">Hour ({timeZone})</th>
              <th scope="col" className="py-1 text-right">Views</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.hour} className="border-b border-gray-200">
                <th scope="row" className="py-0.5 pr-4 font-normal"><time dateTime={point.hour}>{hours.format(new Date(point.hour))}</time></th>
                <td className="py-0.5 text-right tabular-nums">{point.views}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
