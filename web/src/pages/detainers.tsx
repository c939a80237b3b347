import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { download, Me } from '../api';
import { href, Route } from '../route';
import { useApi } from '../useApi';
import { Filters, filtersOf, Provenance } from '../stats';
import { RowFilterFields } from './row-filters';
import { useRouteDraft } from '../useRouteDraft';

interface RowPage {
  items: Record<string, unknown>[];
  next: string | null;
  limit: number;
  provenance: Provenance;
}

interface Annotation {
  id: number;
  bodyHtml: string;
  author: string;
  visibility: string;
  team: string | null;
}

const COLUMNS: { field: string; label: string }[] = [
  { field: 'prepareDate', label: 'Prepare date' },
  { field: 'state', label: 'State' },
  { field: 'county', label: 'County' },
  { field: 'facility', label: 'Facility' },
  { field: 'facilityRaw', label: 'Facility as published' },
  { field: 'detainerType', label: 'Detainer type' },
  { field: 'outcome', label: 'Outcome' },
  { field: 'liftReason', label: 'Lift reason as published' },
];
/** The orders the API pages by (a cursor needs a total order on the server); other columns are not sortable. */
const SORTS: Record<string, string> = { source: 'Release, sheet, row', prepareDate: 'Prepare date' };
const LIMIT = 50;

const refOf = (row: Record<string, unknown>) => `${row.releaseId}/${row.sourceSheet}/${row.sourceRow}`;

/**
 * The detainer rows themselves, under Explore's filters, a page at a time by cursor; each row opens with its
 * provenance and its annotations, and the whole filtered set downloads as CSV under a name that says what it holds.
 */
export function DetainersPage({ route, me }: { route: Route; me: Me }) {
  const filters = filtersOf(route.params);
  const sort = route.params.get('sort') === 'prepareDate' ? 'prepareDate' : 'source';
  const cursor = route.params.get('cursor') ?? '';
  const open = route.params.get('row');
  const [draft, setDraft] = useRouteDraft<Filters>(filters, JSON.stringify(filters));
  const query = new URLSearchParams();
  Object.entries(filters).forEach(([name, value]) => value && query.set(name, value));
  const rows = useApi<RowPage>(`/api/v1/detainers?${query}&limit=${LIMIT}${sort === 'source' ? '' : `&sort=${sort}`}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
  const [exportError, setExportError] = useState<string | null>(null);
  const go = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams(route.params);
    Object.entries(changes).forEach(([name, value]) => (value ? params.set(name, value) : params.delete(name)));
    location.hash = href('detainers', params);
  };
  const described = Object.entries(filters).map(([name, value]) => `${name}-${value}`).join('_').replace(/[^A-Za-z0-9_.-]+/g, '-');
  const fileName = `detainers_${described || 'all-releases'}_by-${sort}.csv`;
  return (
    <>
      <h1>Detainer rows</h1>
      <p>The rows of the loaded releases exactly as published, with the release, sheet and row each comes from.</p>
      <form class="filters" aria-label="Filters" onSubmit={(e) => { e.preventDefault(); go({ ...draft, cursor: undefined, row: undefined }); }}>
        <RowFilterFields draft={draft} setDraft={setDraft} />
        <div class="actions"><button type="submit" class="primary">Show rows</button></div>
      </form>
      {rows.error && <p role="alert" class="error">{rows.error.message}</p>}
      {rows.loading && <p role="status">Loading rows…</p>}
      {rows.data && (
        <>
          <p data-testid="row-provenance">From {rows.data.provenance.releases.map((r) => `${r.title} (${r.fileName})`).join('; ') || 'no release'}.
            {' '}{rows.data.provenance.notes.join(' ')} Query: <code>{rows.data.provenance.query}</code></p>
          <div class="actions">
            <button type="button" onClick={() => download(`/api/v1/detainers/export?${query}${sort === 'source' ? '' : `&sort=${sort}`}`, 'text/csv', fileName)
              .catch((e: Error) => setExportError(e.message))}>Download all matching rows as CSV</button>
            <span class="verification">{fileName}</span>
          </div>
          {exportError && <p role="alert" class="error">{exportError}</p>}
          <div class="scroll-x" tabIndex={0} role="region" aria-label="Detainer rows, scrolls sideways">
            <table class="rows" data-testid="rows">
              <caption>{rows.data.items.length} rows on this page, in order of {SORTS[sort].toLowerCase()}</caption>
              <thead>
                <tr>
                  <th scope="col"><SortButton label="Source (release/sheet/row)" active={sort === 'source'} onSort={() => go({ sort: undefined, cursor: undefined })} /></th>
                  {COLUMNS.map((c) => (
                    <th key={c.field} scope="col">{c.field === 'prepareDate'
                      ? <SortButton label={c.label} active={sort === 'prepareDate'} onSort={() => go({ sort: 'prepareDate', cursor: undefined })} />
                      : c.label}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.data.items.map((row) => (
                  <tr key={refOf(row)} data-row={refOf(row)}>
                    <td><a href={href('detainers', { ...Object.fromEntries(route.params), row: refOf(row) })}>{refOf(row)}</a></td>
                    {COLUMNS.map((c) => <td key={c.field}>{row[c.field] == null ? '' : String(row[c.field])}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Pages" class="pager">
            {cursor && <a href={href('detainers', { ...Object.fromEntries(route.params), cursor: undefined, row: undefined })}>First page</a>}
            {rows.data.next && <a href={href('detainers', { ...Object.fromEntries(route.params), cursor: rows.data.next, row: undefined })}>Next page</a>}
          </nav>
          {open && <RowDetail rowRef={open} page={rows.data} curator={me.roles.includes('curator')} />}
        </>
      )}
    </>
  );
}

function SortButton({ label, active, onSort }: { label: string; active: boolean; onSort: () => void }) {
  return <button type="button" class="link" aria-pressed={active} onClick={onSort}>{label}{active ? ' ▲' : ''}</button>;
}

/** One row with where it comes from (release, file, sheet, row, sha256) and the annotations on it. */
function RowDetail({ rowRef, page, curator }: { rowRef: string; page: RowPage; curator: boolean }) {
  const row = page.items.find((r) => refOf(r) === rowRef);
  const release = page.provenance.releases.find((r) => String(r.id) === rowRef.split('/')[0]);
  const annotations = useApi<{ items: Annotation[] }>(`/api/v1/annotations?targetKind=DETAINER_ROW&target=${encodeURIComponent(rowRef)}&size=100`);
  const last = rowRef.lastIndexOf('/');
  return (
    <section class="row-detail" aria-label={`Row ${rowRef}`} data-testid="row-detail">
      <h2>Row {rowRef}</h2>
      {curator && <p><a href={href('cases', { row: rowRef }, 'new')}>Start a case record linked to this row</a></p>}
      <dl class="facts">
        <dt>Release</dt><dd>{release ? `${release.title} (id ${release.id})` : rowRef.split('/')[0]}</dd>
        <dt>File</dt><dd>{release?.fileName ?? 'not in this answer'}</dd>
        <dt>Sheet</dt><dd>{rowRef.slice(rowRef.indexOf('/') + 1, last)}</dd>
        <dt>Row</dt><dd>{rowRef.slice(last + 1)}</dd>
        <dt>sha256</dt><dd><code>{release?.sha256 ?? 'not in this answer'}</code></dd>
      </dl>
      {row ? (
        <dl class="facts" data-testid="row-fields">
          {Object.entries(row).map(([name, value]) => <Fragment key={name}><dt>{name}</dt><dd>{value == null ? '(blank)' : String(value)}</dd></Fragment>)}
        </dl>
      ) : <p>This row is not on the current page; page back to read its fields.</p>}
      <h3>Annotations on this row</h3>
      {annotations.error && <p role="alert" class="error">{annotations.error.message}</p>}
      {annotations.data && (annotations.data.items.length === 0 ? <p>None that you may read.</p> : (
        <ul class="annotations">
          {annotations.data.items.map((a) => (
            <li key={a.id} class="annotation">
              <div dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
              <p class="meta">{a.author} · {a.visibility === 'TEAM' ? `team ${a.team}` : a.visibility.toLowerCase()}</p>
            </li>
          ))}
        </ul>
      ))}
    </section>
  );
}
