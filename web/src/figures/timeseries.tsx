import { countsBehind, Filters, formatValue, StatsAnswer, valueOf } from '../stats';
import { continuousPeriods, Period, PeriodKind, periodOf } from './periods';
import { Scroll } from './scroll';
import { useWidth } from './size';

export interface Marker {
  date: string;
  label: string;
  kind: string;
}

interface Props {
  answer: StatsAnswer;
  period: PeriodKind;
  percent: boolean;
  filters: Filters;
  markers?: Marker[];
  /** The date of the event to shade the periods before and after, if one is chosen. */
  around?: string;
  onAround?: (date: string | undefined) => void;
}

const HEIGHT = 260;
const PAD = { left: 64, right: 12, top: 14, bottom: 30 };
/** Tick labels need about this many pixels each at 11 px. */
const LABEL_WIDTH = 64;

/**
 * Bars per month or fiscal year on a continuous axis: a period the releases cover without detainers is a zero, a
 * period no release covers is a gap; partial periods are hatched and named. Policy events and rulings are lines at
 * their period, and every one is listed below the chart, inside the axis or not.
 */
export function TimeSeries({ answer, period, percent, filters, markers = [], around, onAround }: Props) {
  const { ref, width } = useWidth<HTMLDivElement>(800);
  const periods = continuousPeriods(answer.rows, answer.provenance.releases, period, filters);
  const value = (p: Period) => (p.row ? valueOf(p.row, percent, filters) ?? 0 : 0);
  const max = Math.max(...periods.map(value), 0);
  const index = new Map(periods.map((p, i) => [p.key, i]));
  const band = (width - PAD.left - PAD.right) / Math.max(1, periods.length);
  const y = (v: number) => HEIGHT - PAD.bottom - (max > 0 ? v / max : 0) * (HEIGHT - PAD.top - PAD.bottom);
  const x = (i: number) => PAD.left + i * band;
  const labelEvery = Math.max(1, Math.ceil(LABEL_WIDTH / Math.max(band, 1)));
  const inside = markers.filter((m) => index.has(periodOf(m.date, period)));
  const outside = markers.filter((m) => !index.has(periodOf(m.date, period)));
  const aroundAt = around ? index.get(periodOf(around, period)) : undefined;
  const unit = period === 'month' ? 'month' : 'fiscal year';
  const name = `Detainers per ${unit}`;

  if (periods.length === 0 || answer.total === 0) {
    return <p class="empty" data-testid="empty">No detainers match these filters, so there is nothing to draw.</p>;
  }
  return (
    <>
      <div ref={ref} class="chart-box">
        <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" class="chart" aria-label={name}>
          <defs>
            <pattern id={`hatch-${period}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" class="hatch-ground" />
              <line x1="0" y1="0" x2="0" y2="6" class="hatch" />
            </pattern>
          </defs>
          {aroundAt !== undefined && (
            <g class="around">
              <rect x={PAD.left} y={PAD.top} width={Math.max(0, x(aroundAt) - PAD.left)} height={y(0) - PAD.top} class="before" />
              <rect x={x(aroundAt)} y={PAD.top} width={Math.max(0, width - PAD.right - x(aroundAt))} height={y(0) - PAD.top} class="after" />
              <text x={x(aroundAt) - 4} y={PAD.top + 12} text-anchor="end" class="tick">before</text>
              <text x={x(aroundAt) + 4} y={PAD.top + 12} class="tick">after</text>
            </g>
          )}
          {periods.map((p, i) => (p.covered ? (
            <rect key={p.key} x={x(i) + (band > 3 ? 1 : 0)} width={Math.max(1, band - (band > 3 ? 2 : 0))} y={y(value(p))}
              height={y(0) - y(value(p))} class={p.partial ? 'bar partial' : 'bar'} fill={p.partial ? `url(#hatch-${period})` : undefined}>
              <title>{`${p.key}: ${describe(p, percent, filters, answer.total)}`}</title>
            </rect>
          ) : (
            <rect key={p.key} x={x(i)} width={band} y={PAD.top} height={y(0) - PAD.top} class="gap">
              <title>{`${p.key}: no loaded release covers this ${unit}`}</title>
            </rect>
          )))}
          <line x1={PAD.left} x2={width - PAD.right} y1={y(0)} y2={y(0)} class="axis" />
          <text x={PAD.left - 6} y={y(max) + 4} text-anchor="end" class="tick">{formatValue(max, percent)}</text>
          <text x={PAD.left - 6} y={y(0)} text-anchor="end" class="tick">0</text>
          {periods.map((p, i) => i % labelEvery === 0 && (
            <text key={p.key} x={x(i) + band / 2} y={HEIGHT - 10} text-anchor="middle" class="tick">{p.key}</text>
          ))}
          {inside.map((m) => {
            const at = x(index.get(periodOf(m.date, period))!) + band / 2;
            return (
              <g key={`${m.kind}-${m.date}-${m.label}`} class={`marker ${m.kind}`}>
                <line x1={at} x2={at} y1={PAD.top} y2={y(0)} />
                <circle cx={at} cy={PAD.top} r={4}><title>{`${m.date} ${m.label}`}</title></circle>
              </g>
            );
          })}
        </svg>
      </div>
      <p class="legend">
        <span class="swatch bar-swatch" aria-hidden="true" /> detainers{' '}
        {periods.some((p) => p.partial) && <><span class="swatch partial-swatch" aria-hidden="true" /> partial {unit}: only part of it is covered or chosen{' '}</>}
        {periods.some((p) => !p.covered) && <><span class="swatch gap-swatch" aria-hidden="true" /> no loaded release covers it{' '}</>}
        {inside.length > 0 && <><span class="dot" aria-hidden="true" /> policy event or ruling</>}
      </p>
      {aroundAt !== undefined && <AroundSummary periods={periods} at={aroundAt} percent={percent} filters={filters} unit={unit} />}
      <details>
        <summary>Table of these figures</summary>
        <Scroll label={`Table: ${name}`}>
          <table class="data">
            <thead><tr><th scope="col">{period === 'month' ? 'Month' : 'Fiscal year'}</th><th scope="col">{percent ? 'Percent (counts)' : 'Detainers'}</th></tr></thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p.key}><td>{p.key}{p.partial ? ' (partial)' : ''}</td><td class="num">{describe(p, percent, filters, answer.total)}</td></tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      </details>
      {markers.length > 0 && (
        <>
          <ul class="markers" aria-label="Events marked on the chart">
            {inside.map((m) => <li key={`${m.kind}-${m.date}-${m.label}`}><span class={`dot ${m.kind}`} aria-hidden="true" /> {m.date}: {m.label}</li>)}
          </ul>
          {outside.length > 0 && (
            <details class="markers-outside">
              <summary>{outside.length} more {outside.length === 1 ? 'event lies' : 'events lie'} outside the period shown</summary>
              <ul>{outside.map((m) => <li key={`${m.kind}-${m.date}-${m.label}`}>{m.date}: {m.label}</li>)}</ul>
            </details>
          )}
          {onAround && inside.length > 0 && (
            <label class="around-picker">
              Shade before and after an event
              <select value={around ?? ''} onChange={(e) => onAround((e.target as HTMLSelectElement).value || undefined)}>
                <option value="">no shading</option>
                {[...new Map(inside.map((m) => [m.date, m])).values()].map((m) => (
                  <option key={m.date} value={m.date}>{m.date}: {m.label}</option>
                ))}
              </select>
            </label>
          )}
        </>
      )}
    </>
  );
}

/** A period's value in words: its count, or its percentage with the counts behind it; a gap is said to be one. */
function describe(p: Period, percent: boolean, filters: Filters, total: number | null): string {
  if (!p.covered) return 'not covered';
  if (!p.row) return percent ? formatValue(0, true) : '0';
  const counts = countsBehind(p.row, percent, filters, total);
  return formatValue(valueOf(p.row, percent, filters), percent) + (counts ? ` (${counts})` : '');
}

/**
 * The mean per period before and after the chosen event, over whole covered periods only. Shown as what the data
 * hold on each side; a difference is not by itself an effect of the event.
 */
function AroundSummary({ periods, at, percent, filters, unit }: { periods: Period[]; at: number; percent: boolean; filters: Filters; unit: string }) {
  const side = (list: Period[]) => {
    const whole = list.filter((p) => p.covered && !p.partial);
    const values = whole.map((p) => (p.row ? valueOf(p.row, percent, filters) ?? 0 : 0));
    return { n: whole.length, mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null };
  };
  const before = side(periods.slice(0, at));
  const after = side(periods.slice(at + 1));
  const mean = (m: number | null) => (m == null ? 'none' : percent ? formatValue(m, true) : Math.round(m).toLocaleString('en-US'));
  return (
    <p class="note" data-testid="around-summary">
      Mean per whole {unit}: before {mean(before.mean)} over {before.n}, after {mean(after.mean)} over {after.n} (the {unit}{' '}
      of the event itself and partial ones left out). Other things changed over the same time; a difference is not by
      itself an effect of the event.
    </p>
  );
}
