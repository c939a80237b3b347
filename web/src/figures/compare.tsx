import { Filters, formatRow, StatsAnswer, StatsRow, valueOf } from '../stats';
import { PeriodKind } from './periods';
import { Scroll } from './scroll';
import { useWidth } from './size';

interface Props {
  answer: StatsAnswer;
  period: PeriodKind;
  /** The second grouping: each of its values is a series. */
  compareBy: string;
  percent: boolean;
  filters: Filters;
}

const HEIGHT = 260;
const PAD = { left: 64, right: 12, top: 14, bottom: 30 };
const LABEL_WIDTH = 64;

/** The name of a group's value; a null value (no county, no charge code, a 2015 row) is said to be unknown. */
const seriesName = (value: string | number | null | undefined) => (value == null ? 'not recorded' : String(value));

/**
 * Detainers per period, one line per value of a second grouping (a policy regime, an outcome, a gender, ...), with a
 * table of every period and series: in percent mode each cell carries the counts behind its percentage. Only the
 * periods with detainers are drawn; a period no series has is left out rather than shown as zero.
 */
export function CompareSeries({ answer, period, compareBy, percent, filters }: Props) {
  const { ref, width } = useWidth<HTMLDivElement>(800);
  const periods = [...new Set(answer.rows.map((r) => String(r.group[period])))].sort();
  const series = [...new Set(answer.rows.map((r) => seriesName(r.group[compareBy])))].sort();
  const cells = new Map<string, StatsRow>(answer.rows.map((r) => [`${r.group[period]}|${seriesName(r.group[compareBy])}`, r]));
  const value = (p: string, s: string) => {
    const row = cells.get(`${p}|${s}`);
    return row ? valueOf(row, percent, filters) : 0;
  };
  const max = Math.max(0, ...periods.flatMap((p) => series.map((s) => value(p, s) ?? 0)));
  const band = (width - PAD.left - PAD.right) / Math.max(1, periods.length);
  const x = (i: number) => PAD.left + i * band + band / 2;
  const y = (v: number) => HEIGHT - PAD.bottom - (max > 0 ? v / max : 0) * (HEIGHT - PAD.top - PAD.bottom);
  const labelEvery = Math.max(1, Math.ceil(LABEL_WIDTH / Math.max(band, 1)));
  const unit = period === 'month' ? 'Month' : 'Fiscal year';

  if (periods.length === 0 || answer.total === 0) {
    return <p class="empty" data-testid="empty">No detainers match these filters, so there is nothing to draw.</p>;
  }
  return (
    <>
      <div ref={ref} class="chart-box">
        <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" class="chart"
          aria-label={`Detainers per ${unit.toLowerCase()}, one line per ${compareBy}: ${series.join(', ')}`}>
          {series.map((s, k) => (
            <g key={s} class={`series series-${k % 6}`} data-series={s}>
              <polyline fill="none" points={periods.map((p, i) => `${x(i)},${y(value(p, s) ?? 0)}`).join(' ')} />
              {periods.map((p, i) => (
                <circle key={p} cx={x(i)} cy={y(value(p, s) ?? 0)} r={3}>
                  <title>{`${p}, ${s}: ${cells.has(`${p}|${s}`) ? formatRow(cells.get(`${p}|${s}`)!, percent, filters, answer.total) : '0'}`}</title>
                </circle>
              ))}
            </g>
          ))}
          <line x1={PAD.left} x2={width - PAD.right} y1={y(0)} y2={y(0)} class="axis" />
          <text x={PAD.left - 6} y={y(max) + 4} text-anchor="end" class="tick">{percent ? `${max.toFixed(1)} %` : max.toLocaleString('en-US')}</text>
          <text x={PAD.left - 6} y={y(0)} text-anchor="end" class="tick">0</text>
          {periods.map((p, i) => i % labelEvery === 0 && (
            <text key={p} x={x(i)} y={HEIGHT - 10} text-anchor="middle" class="tick">{p}</text>
          ))}
        </svg>
      </div>
      <p class="legend" data-testid="compare-legend">
        {series.map((s, k) => <span key={s} class="legend-item"><span class={`swatch series-swatch series-${k % 6}`} aria-hidden="true" /> {s}{' '}</span>)}
      </p>
      <Scroll label={`Table: detainers per ${unit.toLowerCase()} by ${compareBy}`}>
        <table class="data" data-testid="compare-table">
          <thead>
            <tr><th scope="col">{unit}</th>{series.map((s) => <th key={s} scope="col" data-series={s}>{s}</th>)}</tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p} data-period={p}>
                <th scope="row">{p}</th>
                {series.map((s) => {
                  const row = cells.get(`${p}|${s}`);
                  return <td key={s} class="num" data-series={s}>{row ? formatRow(row, percent, filters, answer.total) : '0'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </>
  );
}
