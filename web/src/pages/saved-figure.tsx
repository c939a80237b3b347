import { useRef, useState } from 'preact/hooks';
import { href } from '../route';
import { Scroll } from '../figures/scroll';
import { TimeSeries } from '../figures/timeseries';
import { CompareSeries } from '../figures/compare';
import { downloadPng, downloadSvg } from '../figures/export';
import { EXPLORE_FILTERS, exploreParams, Filters, filtersOf, formatRow, formatValue, percentMeaning, queryParams, ReleaseRef, StatsAnswer, StatsRow } from '../stats';
import { useApi } from '../useApi';

interface Values {
  rows: StatsRow[];
  total?: number;
  releases: ReleaseRef[];
}

interface SavedFigure {
  id: number;
  url: string;
  title?: string;
  query: string;
  periodFrom?: string;
  periodTo?: string;
  saved: Values;
  rerun?: Values;
  reproduced: boolean;
  current?: Values;
  drifted: boolean;
  notes?: string[];
  createdAt: string;
  createdBy: string;
}

function groupName(row: StatsRow): string {
  const parts = Object.values(row.group).map((v) => (v == null ? 'not stated' : String(v)));
  return parts.length ? parts.join(' · ') : 'all';
}

function total(values: Values | undefined): string {
  return values?.total == null ? 'withheld' : formatValue(values.total, false);
}

/** A group's value (a percentage with its counts in the Percent view), "none" when the answer has no such group. */
function cell(rows: Map<string, StatsRow>, group: string, percent: boolean, filters: Filters, total: number | null): string {
  const row = rows.get(group);
  return row ? formatRow(row, percent, filters, total ?? null) : 'none';
}

const FILTER_NAMES: Record<string, string> = {
  state: 'state', county: 'county', facility: 'facility', outcome: 'outcome', from: 'from', to: 'to', release: 'releases',
};

/** A saved figure: the values saved with it beside what its releases, and any newer ones, give today. */
export function SavedFigurePage({ id }: { id: string }) {
  const figure = useApi<SavedFigure>(`/api/v1/figures/${id}`);
  if (figure.error) return <p role="alert" class="error">{figure.error.message}</p>;
  if (!figure.data) return <p role="status">Loading…</p>;
  const f = figure.data;
  const params = queryParams(f.query);
  const view = exploreParams(params);
  const filters = filtersOf(params, EXPLORE_FILTERS);
  const percent = params.get('measure') === 'share';
  const groupBy = params.get('groupBy') ?? '';
  const current = new Map((f.current?.rows ?? []).map((r) => [groupName(r), r]));
  const groups = [...f.saved.rows.map(groupName), ...[...current.keys()].filter((g) => !f.saved.rows.some((r) => groupName(r) === g))];
  const saved = new Map(f.saved.rows.map((r) => [groupName(r), r]));
  const title = f.title ?? `Figure ${f.id}`;
  const shownFilters = Object.entries(filters).filter(([name]) => name !== 'release');
  return (
    <>
      <h1>{title}</h1>
      <p class="meta">
        Figure {f.id}, saved by {f.createdBy} at <time dateTime={f.createdAt}>{f.createdAt}</time>
        {f.periodFrom && <>, period {f.periodFrom} to {f.periodTo}</>}
        {view && <> · <a href={href('explore', view)}>Open in Explore</a></>}
      </p>
      {f.drifted ? (
        <p class="conflict" role="status" data-testid="drift">
          <strong>Drifted:</strong> newer data give other values than when this figure was saved. Saved total{' '}
          <strong data-testid="saved-total">{total(f.saved)}</strong>, current total <strong data-testid="current-total">{total(f.current)}</strong>.
        </p>
      ) : (
        <p role="status" data-testid="drift">
          Not drifted: the data give the same values as when this figure was saved (total <strong data-testid="saved-total">{total(f.saved)}</strong>).
        </p>
      )}
      <p data-testid="figure-query">
        {percent ? <>Percent: the {percentMeaning(filters)}, with the counts beside each.</> : <>Counts of detainers.</>}{' '}
        {shownFilters.length > 0
          ? <>Filters: {shownFilters.map(([name, value]) => `${FILTER_NAMES[name] ?? name} ${value}`).join(', ')}.</>
          : <>No filter but the releases.</>}
      </p>
      <SavedChart figure={f} title={title} groupBy={groupBy} percent={percent} filters={filters} />
      {!f.reproduced && <p class="note">The saved query could not be run again on the same releases.</p>}
      {f.notes && f.notes.length > 0 && <ul class="note">{f.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
      <Scroll label="Table: saved and current values">
        <table class="data" data-testid="figure-values">
          <caption>Saved and current values</caption>
          <thead><tr><th scope="col">Group</th><th scope="col">Saved</th><th scope="col">Current</th></tr></thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g}>
                <th scope="row">{g}</th>
                <td class="num">{cell(saved, g, percent, filters, f.saved.total ?? null)}</td>
                <td class="num">{cell(current, g, percent, filters, f.current?.total ?? null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      <h2>Query and releases</h2>
      <p><code class="query">{f.query}</code></p>
      <ul>
        {f.saved.releases.map((r) => (
          <li key={r.id}>#{r.id} {r.title} ({r.coverageFrom ?? '?'} to {r.coverageTo ?? '?'}), sha256 <code>{r.sha256.slice(0, 16)}…</code></li>
        ))}
      </ul>
      <Citation figure={f} title={title} />
    </>
  );
}

/** The saved values drawn as the explore page drew them: a time series, or bars for any other grouping. */
function SavedChart({ figure, title, groupBy, percent, filters }: { figure: SavedFigure; title: string; groupBy: string; percent: boolean; filters: Filters }) {
  const box = useRef<HTMLDivElement>(null);
  const [period, compare] = groupBy.split(',');
  const [failure, setFailure] = useState<string | null>(null);
  const answer: StatsAnswer = {
    groupBy: groupBy.split(','), measure: percent ? 'share' : 'count', rows: figure.saved.rows, total: figure.saved.total ?? null,
    provenance: { releases: figure.saved.releases, query: figure.query, source: 'saved', applicationVersion: '', computedAt: figure.createdAt, dataGeneration: 0, notes: [] },
  };
  const image = async (kind: 'png' | 'svg') => {
    const svg = box.current?.querySelector<SVGSVGElement>('svg.chart');
    if (!svg) return;
    const caption = `DetainerLab figure ${figure.id} · ${figure.saved.releases.map((r) => `#${r.id} sha256 ${r.sha256.slice(0, 12)}…`).join('; ')} · ${permanentLink(figure)}`;
    try {
      if (kind === 'svg') downloadSvg(svg, title, caption, `figure-${figure.id}.svg`);
      else await downloadPng(svg, title, caption, `figure-${figure.id}.png`);
    } catch (error) {
      setFailure(`The ${kind.toUpperCase()} could not be made: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <section class="figure" aria-label={`Chart of ${title}`} data-testid="figure-chart">
      <div ref={box}>
        {(period === 'month' || period === 'fiscalYear') && compare
          ? <CompareSeries answer={answer} period={period} compareBy={compare} percent={percent} filters={filters} />
          : groupBy === 'month' || groupBy === 'fiscalYear'
          ? <TimeSeries answer={answer} period={groupBy} percent={percent} filters={filters} />
          : <Bars answer={answer} percent={percent} filters={filters} />}
      </div>
      {figure.saved.rows.length > 0 && (
        <div class="tools">
          <button type="button" onClick={() => image('png')}>Download PNG</button>
          <button type="button" onClick={() => image('svg')}>Download SVG</button>
        </div>
      )}
      {failure && <p role="alert" class="error">{failure}</p>}
    </section>
  );
}

/** Horizontal bars, largest first (the first 25), for a figure grouped by place, facility or outcome. */
function Bars({ answer, percent, filters }: { answer: StatsAnswer; percent: boolean; filters: Filters }) {
  const rows = [...answer.rows].map((r) => ({ name: groupName(r), row: r, value: (percent ? (filters.outcome ? r.shareWithinGroup : r.shareOfTotal) : r.count) ?? 0 }))
    .sort((a, b) => b.value - a.value).slice(0, 25);
  if (rows.length === 0) return <p class="empty">The saved answer has no groups to draw.</p>;
  const max = Math.max(...rows.map((r) => r.value), 0) || 1;
  const line = 22;
  const width = 640;
  const label = 220;
  return (
    <svg class="chart" role="img" aria-label="Bars of the saved values" width={width} height={rows.length * line + 8} viewBox={`0 0 ${width} ${rows.length * line + 8}`}>
      {rows.map((r, i) => (
        <g key={r.name}>
          <text x={label - 6} y={i * line + 16} text-anchor="end" class="tick">{r.name.length > 32 ? `${r.name.slice(0, 31)}…` : r.name}</text>
          <rect x={label} y={i * line + 4} height={line - 6} width={(r.value / max) * (width - label - 90)} class="bar"><title>{`${r.name}: ${formatRow(r.row, percent, filters, answer.total)}`}</title></rect>
          <text x={label + (r.value / max) * (width - label - 90) + 4} y={i * line + 16} class="tick">{formatValue(percent ? r.value * 100 : r.value, percent)}</text>
        </g>
      ))}
    </svg>
  );
}

function permanentLink(figure: SavedFigure): string {
  return `${location.origin}/${href('figures', undefined, String(figure.id))}`;
}

/**
 * How to cite the figure: in APA style, as BibTeX and as CSL-JSON (which Zotero and pandoc read), each with the
 * permanent link, the releases' full sha256 and today's access date.
 */
function Citation({ figure, title }: { figure: SavedFigure; title: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const link = permanentLink(figure);
  const saved = new Date(figure.createdAt);
  const accessed = new Date();
  const isoDay = (d: Date) => d.toISOString().slice(0, 10);
  const longDay = (d: Date) => d.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const data = figure.saved.releases.map((r) => `release #${r.id} "${r.title}" (${r.fileName}, sha256 ${r.sha256})`).join('; ');
  const apa = `DetainerLab. (${saved.getUTCFullYear()}, ${longDay(saved).replace(/, \d{4}$/, '')}). ${title} [Figure ${figure.id}, saved by ${figure.createdBy}]. `
    + `Data: ${data}. Retrieved ${longDay(accessed)}, from ${link}`;
  const bibtex = [
    `@misc{detainerlab_figure_${figure.id},`,
    `  author = {{DetainerLab}},`,
    `  title = {${title.replace(/[{}]/g, '')}},`,
    `  year = {${saved.getUTCFullYear()}},`,
    `  howpublished = {\\url{${link}}},`,
    `  note = {Figure ${figure.id}, saved by ${figure.createdBy} on ${isoDay(saved)}. Data: ${data.replace(/[{}]/g, '')}. Accessed ${isoDay(accessed)}},`,
    `  urldate = {${isoDay(accessed)}}`,
    `}`,
  ].join('\n');
  const parts = (d: Date) => [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]];
  const csl = JSON.stringify([{
    id: `detainerlab-figure-${figure.id}`, type: 'figure', title, author: [{ literal: 'DetainerLab' }],
    issued: { 'date-parts': parts(saved) }, accessed: { 'date-parts': parts(accessed) }, URL: link,
    number: String(figure.id), note: `Saved by ${figure.createdBy}. Data: ${data}`,
  }], null, 2);
  const copy = async (name: string, text: string) => {
    await navigator.clipboard?.writeText(text).catch(() => undefined);
    setCopied(name);
  };
  return (
    <section class="citation" aria-labelledby="cite-title" data-testid="citation">
      <h2 id="cite-title">Cite this figure</h2>
      {([['APA', apa, 'cite-apa'], ['BibTeX', bibtex, 'cite-bibtex'], ['CSL-JSON', csl, 'cite-csl']] as const).map(([name, text, id]) => (
        <div key={name}>
          <h3>{name}</h3>
          <pre data-testid={id}>{text}</pre>
          <button type="button" onClick={() => copy(name, text)}>Copy {name}</button>
          {copied === name && <span role="status"> Copied</span>}
        </div>
      ))}
    </section>
  );
}
