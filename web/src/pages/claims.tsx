import { useState } from 'preact/hooks';
import { ApiError, api, Me, Page } from '../api';
import { href, Route } from '../route';
import { exploreParams, queryParams } from '../stats';
import { useApi } from '../useApi';
import { HistoryToggle } from './history';
import { ClaimEditor, prefilled } from './claim-editor';

interface Source {
  publisher: string;
  title?: string;
  published?: string;
  url?: string;
  quoted?: string;
}

interface ClaimQuery {
  measure: 'count' | 'share';
  outcome?: string[];
  from?: string;
  to?: string;
  fiscalYear?: number[];
  state?: string[];
  county?: string[];
  facility?: string[];
  chargeCategory?: string[];
  tolerance: { absolute?: number; relative?: number };
}

interface Claim {
  id: number;
  text: string;
  source: Source;
  claimedValue?: number;
  query?: ClaimQuery;
  notCheckableReason?: string;
  verified: boolean;
}

type Status = 'SUPPORTED' | 'CONTRADICTED' | 'PARTIAL_COVERAGE' | 'NOT_CHECKABLE';

interface Check {
  id: number;
  claimVersion: number;
  release?: { id: number; sha256: string };
  series?: { release: number; title: string; from: string; to: string; states: string[] }[];
  provenance: { query?: string; applicationVersion: string; computedAt: string };
  status: Status;
  claimedValue?: number;
  computedValue?: number;
  difference?: number;
  explanation: string;
  checkedBy: string;
  checkedAt: string;
}

interface Release {
  id: number;
  title: string;
  coverageFrom?: string;
  coverageTo?: string;
}

/** The statuses in words, so that none is told by colour alone; each says what the data showed, not who is right. */
const STATUS: Record<Status, string> = {
  SUPPORTED: 'the computed value is within the claim\'s tolerance',
  CONTRADICTED: 'the computed value differs from the claimed value by more than the claim\'s tolerance',
  PARTIAL_COVERAGE: 'the release covers only part of what the claim is about',
  NOT_CHECKABLE: 'the data cannot check this claim',
};

const SIZE = 20;

/** A count as a number, a share (0.52) as a percentage (52%). */
function formatNumber(value: number | undefined, share: boolean): string {
  if (value == null) return 'none';
  return share
    ? value.toLocaleString('en-US', { style: 'percent', maximumFractionDigits: 1 })
    : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** The explore view of a statistics query, if explore can show it. */
function exploreHref(query: URLSearchParams): string | null {
  const view = exploreParams(query);
  return view ? href('explore', view) : null;
}

function claimParams(query: ClaimQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ['outcome', 'state', 'county', 'facility', 'fiscalYear', 'chargeCategory'] as const) {
    if (query[name]?.length) params.set(name, query[name]!.join(','));
  }
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  return params;
}

/** Published claims, searched by words, each with the status of its latest check. */
export function ClaimList({ route, me }: { route: Route; me: Me }) {
  const q = route.params.get('q') ?? '';
  const page = Number(route.params.get('page') ?? '0');
  const query = new URLSearchParams({ page: String(page), size: String(SIZE) });
  if (q) query.set('q', q);
  const result = useApi<Page<Claim>>(`/api/v1/claims?${query}`);
  const search = (e: Event) => {
    e.preventDefault();
    const words = new FormData(e.currentTarget as HTMLFormElement).get('q');
    location.hash = href('claims', { q: typeof words === 'string' ? words.trim() : undefined });
  };
  return (
    <>
      <h1>Claims</h1>
      <p class="note">Numbers published about detainers, quoted as published, and what the loaded releases give for them.</p>
      {me.roles.includes('curator') && <p><a href={href('claims', undefined, 'new')}>New claim</a></p>}
      {/* The words are read from the form when it is sent, so typing is never overwritten by a late render. */}
      <form class="filters" role="search" key={q} onSubmit={search}>
        <label>Words in the text or publisher <input type="search" name="q" defaultValue={q} /></label>
        <div class="actions"><button type="submit" class="primary">Search</button></div>
      </form>
      {result.error && <p role="alert" class="error">{result.error.message}</p>}
      {result.data && (
        <>
          <p role="status">{result.data.total.toLocaleString('en-US')} claims</p>
          <ul class="cards" data-testid="claim-list">
            {result.data.items.map((c) => <ClaimItem key={c.id} claim={c} />)}
          </ul>
          <nav aria-label="Pages" class="pager">
            {page > 0 && <a href={href('claims', { q, page: String(page - 1) })}>Previous page</a>}
            {(page + 1) * SIZE < result.data.total && <a href={href('claims', { q, page: String(page + 1) })}>Next page</a>}
          </nav>
        </>
      )}
    </>
  );
}

function ClaimItem({ claim }: { claim: Claim }) {
  const checks = useApi<Check[]>(`/api/v1/claims/${claim.id}/checks`);
  // The list shows what the default question gives: the latest check against the release series, else the latest.
  const last = [...(checks.data ?? [])].reverse().find((c) => !c.release) ?? checks.data?.[checks.data.length - 1];
  return (
    <li data-testid="claim">
      <Quotation claim={claim} />
      <span class="meta">
        Claimed value: {formatNumber(claim.claimedValue, claim.query?.measure === 'share')} · Last check:{' '}
        {checks.data ? (last ? <StatusWord status={last.status} /> : 'not checked yet') : '…'}
      </span>
      <a href={href('claims', undefined, String(claim.id))}>Claim {claim.id}: details and checks</a>
    </li>
  );
}

function Quotation({ claim }: { claim: Claim }) {
  const s = claim.source;
  return (
    <figure class="claim">
      <blockquote cite={s.url}>{claim.text}</blockquote>
      <figcaption>
        {s.quoted && <>{s.quoted}, </>}
        {s.url ? <a href={s.url} rel="noopener noreferrer">{s.title ?? s.publisher}</a> : <cite>{s.title ?? s.publisher}</cite>}
        {s.title && <>, {s.publisher}</>}
        {s.published && <>, {s.published}</>}
        {claim.verified ? ' · text verified against the source' : ' · text not yet verified against the source'}
      </figcaption>
    </figure>
  );
}

function StatusWord({ status }: { status: Status }) {
  return <strong class={`status status-${status.toLowerCase()}`}>{status.replace('_', ' ')}</strong>;
}

/**
 * A claim, the question that checks it, its stored checks, and (for researchers) a check on demand. Keyed by the
 * claim, so that going straight from one claim to another starts afresh and never shows the other's result.
 */
export function ClaimPage({ id, me, route }: { id: string; me: Me; route: Route }) {
  if (id === 'new') {
    return (
      <>
        <p><a href={href('claims')}>All claims</a></p>
        <h1>New claim</h1>
        {me.roles.includes('curator')
          ? <ClaimEditor start={prefilled(route.params)} onDone={(saved) => { location.hash = href('claims', undefined, String(saved)); }} />
          : <p role="alert" class="error">Only curators add claims.</p>}
      </>
    );
  }
  return <ClaimView key={id} id={id} me={me} />;
}

function ClaimView({ id, me }: { id: string; me: Me }) {
  const claim = useApi<Claim>(`/api/v1/claims/${id}`);
  const checks = useApi<Check[]>(`/api/v1/claims/${id}/checks`);
  const releases = useApi<Release[]>('/api/v1/releases?kind=DETAINERS');
  const [release, setRelease] = useState('');
  const [latest, setLatest] = useState<Check[] | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  if (claim.error) return <p role="alert" class="error">{claim.error.message}</p>;
  if (!claim.data) return <p role="status">Loading…</p>;
  const c = claim.data;
  const share = c.query?.measure === 'share';
  const canCheck = ['researcher', 'curator', 'admin'].some((r) => me.roles.includes(r));
  const titles = new Map((releases.data ?? []).map((r) => [r.id, r.title]));

  const check = async (e: Event) => {
    e.preventDefault();
    setRunning(true);
    setError(null);
    try {
      const path = `/api/v1/claims/${id}/check${release ? `?release=${release}` : ''}`;
      setLatest(await (await api(path, { method: 'POST' })).json());
      checks.reload();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'The check could not be run.');
    } finally {
      setRunning(false);
    }
  };

  const claimExplore = c.query && exploreHref(claimParams(c.query));
  return (
    <>
      <p><a href={href('claims')}>All claims</a></p>
      <h1>Claim {c.id}</h1>
      <Quotation claim={c} />
      <dl class="facts">
        <dt>Claimed value</dt>
        <dd data-testid="claimed-value">{formatNumber(c.claimedValue, share)}{share && ' of the national total'}</dd>
        {c.query && (
          <>
            <dt>Question over the data</dt>
            <dd>
              <code class="query">{share ? 'share' : 'count'} of detainers with {claimParams(c.query).toString() || 'no filter'}</code>
              , tolerance {[c.query.tolerance.absolute != null && `±${formatNumber(c.query.tolerance.absolute, share)}`,
                c.query.tolerance.relative != null && `±${formatNumber(c.query.tolerance.relative, true)} of the claimed value`].filter(Boolean).join(' or ')}
              {claimExplore && <> · <a href={claimExplore}>Open this question in Explore</a></>}
            </dd>
          </>
        )}
        {c.notCheckableReason && (
          <>
            <dt>Not checkable</dt>
            <dd>{c.notCheckableReason}</dd>
          </>
        )}
      </dl>
      {canCheck && (
        <form class="filters" onSubmit={check} aria-label="Check this claim">
          <label>
            Release to check on
            <select value={release} onChange={(e) => setRelease((e.target as HTMLSelectElement).value)}>
              <option value="">The release series (each state and day from one release)</option>
              {(releases.data ?? []).map((r) => <option key={r.id} value={String(r.id)}>#{r.id} {r.title}</option>)}
            </select>
          </label>
          <div class="actions"><button type="submit" class="primary" disabled={running}>Check now</button></div>
        </form>
      )}
      {running && <p role="status">Checking…</p>}
      {error && <p role="alert" class="error">{error}</p>}
      {latest && (
        <section aria-labelledby="latest-title" data-testid="latest-checks">
          <h2 id="latest-title">Results of this check</h2>
          {latest.length === 0 && <p>No result.</p>}
          {latest.map((r) => <CheckResult key={r.id} result={r} share={share} titles={titles} />)}
        </section>
      )}
      <section aria-labelledby="history-title" data-testid="stored-checks">
        <h2 id="history-title">Stored checks</h2>
        {checks.data?.length === 0 && <p>This claim has not been checked yet.</p>}
        {[...(checks.data ?? [])].reverse().map((r) => <CheckResult key={r.id} result={r} share={share} titles={titles} />)}
      </section>
      {me.roles.includes('curator') && !editing && <p><button type="button" onClick={() => setEditing(true)}>Edit claim {c.id}</button></p>}
      {editing && <ClaimEditor id={id} onDone={() => { setEditing(false); claim.reload(); }} />}
      <HistoryToggle path={`/api/v1/claims/${c.id}/history`} title={`claim ${c.id}`} />
    </>
  );
}

function CheckResult({ result, share, titles }: { result: Check; share: boolean; titles: Map<number, string> }) {
  const explore = result.provenance.query && exploreHref(queryParams(result.provenance.query));
  return (
    <article class="check" data-testid="check-result">
      <p>
        <StatusWord status={result.status} />: {STATUS[result.status]}.
      </p>
      <dl class="facts">
        <dt>Computed</dt>
        <dd data-testid="computed-value">{formatNumber(result.computedValue, share)}</dd>
        <dt>Claimed</dt>
        <dd>{formatNumber(result.claimedValue, share)}</dd>
        {result.difference != null && (
          <>
            <dt>Difference (computed − claimed)</dt>
            <dd>{share ? `${(result.difference * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })} percentage points` : formatNumber(result.difference, false)}</dd>
          </>
        )}
        <dt>Release</dt>
        <dd>
          {result.release
            ? <>#{result.release.id} {titles.get(result.release.id) ?? '(no longer loaded)'}, sha256 <code>{result.release.sha256.slice(0, 16)}…</code></>
            : result.series?.length
              ? <>the release series: {result.series.map((p) => `#${p.release} ${p.title} for ${p.states.length === 1 ? p.states[0] : `${p.states.length} states`} ${p.from} to ${p.to}`).join('; ')}</>
              : 'none covers the claim\'s period'}
        </dd>
        <dt>Explanation</dt>
        <dd>{result.explanation}</dd>
        <dt>Checked</dt>
        <dd>
          by {result.checkedBy} at <time dateTime={result.checkedAt} data-testid="checked-at">{result.checkedAt}</time>, on statistics
          computed at <time dateTime={result.provenance.computedAt}>{result.provenance.computedAt}</time>, version{' '}
          {result.provenance.applicationVersion}, claim version {result.claimVersion}
          {result.provenance.query && <>, query <code class="query">{result.provenance.query}</code></>}
          {explore && <> · <a href={explore}>Open in Explore</a></>}
        </dd>
      </dl>
    </article>
  );
}
