// A plain-SVG bar chart (no chart library): categories along the x axis, one bar per series in each,
// each bar optionally a link. Numbers are formatted in the current locale.
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export const SERIES_COLOURS = ['#2f6f4f', '#c27c2c', '#3b6ea5', '#a34a5b', '#6b5ca5', '#4a8f8c', '#8a6d3b', '#5d6b78'];

const HEIGHT = 220;
const TOP = 16;
const BOTTOM = 36;
const LEFT = 40;

export function BarChart({
  categories,
  series,
  testId,
  label,
  links,
  format,
}: {
  categories: string[];
  series: ChartSeries[];
  testId: string;
  /** The accessible name of the chart. */
  label: string;
  /** A link per category (single-series charts). */
  links?: (string | null)[];
  format?: (value: number) => string;
}) {
  const { formatNumber } = useI18n();
  const navigate = useNavigate();
  const show = format ?? formatNumber;
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const groupWidth = Math.max(48, Math.min(120, 640 / Math.max(1, categories.length)));
  const width = LEFT + groupWidth * categories.length + 8;
  const plot = HEIGHT - TOP - BOTTOM;
  const barWidth = Math.max(4, (groupWidth - 12) / Math.max(1, series.length));
  const ticks = [0, 0.5, 1].map((f) => f * max);

  return (
    <figure className="chart" data-testid={testId}>
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: `${width * 1.4}px` }}
        preserveAspectRatio="xMinYMin meet"
      >
        {ticks.map((tick) => {
          const y = TOP + plot - (tick / max) * plot;
          return (
            <g key={tick}>
              <line x1={LEFT} x2={width} y1={y} y2={y} className="chart-grid" />
              <text x={LEFT - 6} y={y + 4} textAnchor="end" className="chart-tick">
                {show(Math.round(tick * 100) / 100)}
              </text>
            </g>
          );
        })}
        {categories.map((category, ci) => {
          const x0 = LEFT + ci * groupWidth + 6;
          const link = links?.[ci] ?? null;
          return (
            <g key={category} data-testid="chart-category" data-category={category}>
              {series.map((s, si) => {
                const value = s.values[ci];
                const h = value === null || value === undefined ? 0 : (value / max) * plot;
                const x = x0 + si * barWidth;
                return (
                  <g key={s.name}>
                    <rect
                      x={x}
                      y={TOP + plot - h}
                      width={Math.max(2, barWidth - 2)}
                      height={Math.max(h, value ? 1 : 0)}
                      fill={SERIES_COLOURS[si % SERIES_COLOURS.length]}
                      className={link ? 'chart-bar chart-bar-link' : 'chart-bar'}
                      data-value={value ?? ''}
                      onClick={link ? () => void navigate(link) : undefined}
                    >
                      <title>{`${s.name ? `${s.name} · ` : ''}${category}: ${value === null || value === undefined ? '—' : show(value)}`}</title>
                    </rect>
                    {series.length === 1 && value !== null && value !== undefined && (
                      <text x={x + (barWidth - 2) / 2} y={TOP + plot - h - 4} textAnchor="middle" className="chart-value">
                        {show(value)}
                      </text>
                    )}
                  </g>
                );
              })}
              <text x={x0 + (groupWidth - 12) / 2} y={HEIGHT - BOTTOM + 16} textAnchor="middle" className="chart-label">
                {category.length > 14 ? `${category.slice(0, 13)}…` : category}
              </text>
            </g>
          );
        })}
        <line x1={LEFT} x2={width} y1={TOP + plot} y2={TOP + plot} className="chart-axis" />
      </svg>
      {series.length > 1 && (
        <figcaption className="chart-legend">
          {series.map((s, si) => (
            <span key={s.name} className="chart-legend-item">
              <span className="chart-swatch" style={{ background: SERIES_COLOURS[si % SERIES_COLOURS.length] }} aria-hidden="true" />
              {s.name}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
