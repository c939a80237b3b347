import { formatValue, StatsAnswer, valueOf, Filters } from '../stats';

export interface Marker {
  date: string;
  label: string;
  kind: string;
}

interface Props {
  answer: StatsAnswer;
  period: 'month' | 'fiscalYear';
  percent: boolean;
  filters: Filters;
  markers?: Marker[];
}

const WIDTH = 800;
const HEIGHT = 240;
const PAD = { left: 56, right: 8, top: 12, bottom: 28 };

/** Bars per month or fiscal year, with policy and ruling events drawn as lines at their period. */
export function TimeSeries({ answer, period, percent, filters, markers = [] }: Props) {
  const rows = answer.rows.filter((r) => r.group[period] != null);
  const values = rows.map((r) => valueOf(r, percent, filters) ?? 0);
  const max = Math.max(1, ...values);
  const band = (WIDTH - PAD.left - PAD.right) / Math.max(1, rows.length);
  const y = (v: number) => HEIGHT - PAD.bottom - (v / max) * (HEIGHT - PAD.top - PAD.bottom);
  const labelEvery = Math.ceil(rows.length / 12);
  const keyOf = (date: string) => (period === 'month' ? date.slice(0, 7) : String(fiscalYear(date)));
  const index = new Map(rows.map((r, i) => [String(r.group[period]), i]));
  const shownMarkers = markers.filter((m) => index.has(keyOf(m.date)));
  return (
    <>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" class="chart" aria-label={`Detainers per ${period === 'month' ? 'month' : 'fiscal year'}`}>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} class="axis" />
        <text x={PAD.left - 6} y={y(max) + 4} text-anchor="end" class="tick">{formatValue(max, percent)}</text>
        <text x={PAD.left - 6} y={y(0)} text-anchor="end" class="tick">0</text>
        {rows.map((r, i) => (
          <g key={String(r.group[period])}>
            <rect x={PAD.left + i * band + 1} width={Math.max(1, band - 2)} y={y(values[i])} height={y(0) - y(values[i])} class="bar">
              <title>{`${r.group[period]}: ${formatValue(valueOf(r, percent, filters), percent)}`}</title>
            </rect>
            {i % labelEvery === 0 && (
              <text x={PAD.left + i * band + band / 2} y={HEIGHT - 8} text-anchor="middle" class="tick">{String(r.group[period])}</text>
            )}
          </g>
        ))}
        {shownMarkers.map((m) => {
          const x = PAD.left + index.get(keyOf(m.date))! * band + band / 2;
          return (
            <g key={`${m.kind}-${m.date}-${m.label}`} class={`marker ${m.kind}`}>
              <line x1={x} x2={x} y1={PAD.top} y2={y(0)} />
              <circle cx={x} cy={PAD.top} r={4}><title>{`${m.date} ${m.label}`}</title></circle>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>Table of these figures</summary>
        <table class="data">
          <thead><tr><th scope="col">{period === 'month' ? 'Month' : 'Fiscal year'}</th><th scope="col">{percent ? 'Percent' : 'Detainers'}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={String(r.group[period])}><td>{String(r.group[period])}</td><td class="num">{formatValue(valueOf(r, percent, filters), percent)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
      {shownMarkers.length > 0 && (
        <ul class="markers" aria-label="Events marked on the chart">
          {shownMarkers.map((m) => <li key={`${m.kind}-${m.date}-${m.label}`}><span class={`dot ${m.kind}`} aria-hidden="true" /> {m.date}: {m.label}</li>)}
        </ul>
      )}
    </>
  );
}

/** U.S. federal fiscal years run October to September and are named by their end year. */
function fiscalYear(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 10 ? year + 1 : year;
}
