import { href } from '../route';
import { exploreParams, formatValue, queryParams, ReleaseRef, StatsRow } from '../stats';
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

/** A group's count, "withheld" when suppressed, "none" when the answer has no such group. */
function cell(counts: Map<string, number | null>, group: string): string {
  return counts.has(group) ? formatValue(counts.get(group)!, false) : 'none';
}

/** A saved figure: the values saved with it beside what its releases, and any newer ones, give today. */
export function SavedFigurePage({ id }: { id: string }) {
  const figure = useApi<SavedFigure>(`/api/v1/figures/${id}`);
  if (figure.error) return <p role="alert" class="error">{figure.error.message}</p>;
  if (!figure.data) return <p role="status">Loading…</p>;
  const f = figure.data;
  const view = exploreParams(queryParams(f.query));
  const current = new Map((f.current?.rows ?? []).map((r) => [groupName(r), r.count]));
  const groups = [...f.saved.rows.map(groupName), ...[...current.keys()].filter((g) => !f.saved.rows.some((r) => groupName(r) === g))];
  const saved = new Map(f.saved.rows.map((r) => [groupName(r), r.count]));
  return (
    <>
      <h1>{f.title ?? `Figure ${f.id}`}</h1>
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
      {!f.reproduced && <p class="note">The saved query could not be run again on the same releases.</p>}
      {f.notes && f.notes.length > 0 && <ul class="note">{f.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
      <div class="scroll">
        <table class="data" data-testid="figure-values">
          <caption>Saved and current values</caption>
          <thead><tr><th scope="col">Group</th><th scope="col">Saved</th><th scope="col">Current</th></tr></thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g}>
                <th scope="row">{g}</th>
                <td class="num">{cell(saved, g)}</td>
                <td class="num">{cell(current, g)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Query and releases</h2>
      <p><code class="query">{f.query}</code></p>
      <ul>
        {f.saved.releases.map((r) => (
          <li key={r.id}>#{r.id} {r.title} ({r.coverageFrom ?? '?'} to {r.coverageTo ?? '?'}), sha256 <code>{r.sha256.slice(0, 16)}…</code></li>
        ))}
      </ul>
    </>
  );
}
