import { useState } from 'preact/hooks';
import { ApiError, Me, sendJson } from '../api';
import { href, Route } from '../route';
import { useApi, usePagedApi } from '../useApi';

interface Candidate {
  county: string;
  name: string;
  why: string;
}

interface PlaceView {
  id: number;
  state?: string;
  facility: string;
  facilityCode: string;
  city: string;
  status: 'NEW' | 'PROPOSED' | 'UNRESOLVED' | 'ACCEPTED' | 'REJECTED';
  method?: string;
  county?: string;
  countyName?: string;
  proposedCounty?: string;
  proposedCountyName?: string;
  confidence: number;
  evidence: Record<string, unknown>;
  candidates: Candidate[];
  detainers: number;
  decidedBy?: string;
  version: number;
}

/** Statuses in words, so that none is told by colour alone. */
const STATUS: Record<PlaceView['status'], string> = {
  NEW: 'not resolved yet',
  PROPOSED: 'resolved automatically, in use',
  UNRESOLVED: 'no county in use',
  ACCEPTED: 'accepted by a curator',
  REJECTED: 'rejected by a curator',
};

const METHOD: Record<string, string> = {
  CURATED: 'curated',
  CODE: 'facility code',
  NAME_PATTERN: 'facility name',
  GAZETTEER: 'city (gazetteer)',
};

/**
 * The review of published places: the unresolved and undecided ones, most detainers first, each with what was
 * published, the proposal and its evidence and candidates; curators accept, correct or reject under If-Match.
 */
export function Places({ route, me }: { route: Route; me: Me }) {
  const status = route.params.get('status') ?? '';
  const cursor = route.params.get('cursor') ?? '';
  const limit = route.params.get('limit') ?? '';
  const query = new URLSearchParams({ limit: limit || '100' });
  if (status) query.set('status', status);
  if (cursor) query.set('cursor', cursor);
  const list = usePagedApi<PlaceView>(route.id ? null : `/api/v1/places/review?${query}`);
  const one = useApi<PlaceView>(route.id ? `/api/v1/places/review/${encodeURIComponent(route.id)}` : null);
  const places = route.id ? (one.data ? [one.data] : []) : list.data?.items ?? [];
  const error = route.id ? one.error : list.error;
  const curator = me.roles.includes('curator');
  return (
    <section aria-labelledby="places-title">
      <h1 id="places-title">Places to review</h1>
      <p>
        Each row is a place as ICE published it (facility, city, state) and the county it resolves to. Statistics use
        the county of places resolved automatically and of places a curator accepted; unresolved places count under an
        unknown county.
      </p>
      {!route.id && (
        <label>
          Show{' '}
          <select value={status}
            onChange={(e) => (location.hash = href('places', { status: e.currentTarget.value, limit }))}>
            <option value="">unresolved and undecided</option>
            <option value="UNRESOLVED">unresolved</option>
            <option value="PROPOSED">resolved automatically</option>
            <option value="ACCEPTED">accepted</option>
            <option value="REJECTED">rejected</option>
          </select>
        </label>
      )}
      {error && <p role="alert" class="error">{error.message}</p>}
      {(route.id ? one.loading : list.loading) && <p role="status">Loading…</p>}
      <table class="places" data-testid="places">
        <thead>
          <tr>
            <th scope="col">Facility as published</th>
            <th scope="col">City, state</th>
            <th scope="col" class="num">Detainers</th>
            <th scope="col">Status</th>
            <th scope="col">County</th>
            <th scope="col">Evidence</th>
            {curator && <th scope="col">Decision</th>}
          </tr>
        </thead>
        <tbody>
          {places.map((p) => (
            <PlaceRow key={`${p.id}-${p.version}`} place={p} curator={curator}
              onDecided={() => (route.id ? one.reload() : list.reload())} />
          ))}
        </tbody>
      </table>
      {!route.id && list.data && list.data.items.length === 0 && <p>Nothing to review.</p>}
      {!route.id && (cursor || list.data?.next) && (
        <nav aria-label="Pages" class="pager">
          {cursor && <a href={href('places', { status, limit })}>First page</a>}
          {list.data?.next && <a href={href('places', { status, limit, cursor: list.data.next })}>Next page</a>}
        </nav>
      )}
    </section>
  );
}

function PlaceRow({ place, curator, onDecided }: { place: PlaceView; curator: boolean; onDecided: () => void }) {
  const [county, setCounty] = useState(place.county ?? place.proposedCounty ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (action: 'ACCEPT' | 'REJECT') => {
    setBusy(true);
    setProblem(null);
    try {
      await sendJson(`/api/v1/places/review/${place.id}`, 'PUT',
        { action, countyCode: action === 'ACCEPT' && county.trim() ? county.trim() : undefined },
        { 'If-Match': `"place-${place.id}-v${place.version}"` });
      onDecided();
    } catch (e) {
      const err = e as ApiError;
      const fields = err.problem?.errors?.map((f) => `${f.field} ${f.message}`).join('; ');
      setProblem(fields || err.message);
    } finally {
      setBusy(false);
    }
  };
  const label = place.facility || '(no facility)';
  return (
    <tr data-place={place.id}>
      <th scope="row">{label}{place.facilityCode && <> <span class="code">({place.facilityCode})</span></>}</th>
      <td>{[place.city, place.state].filter(Boolean).join(', ') || 'not stated'}</td>
      <td class="num">{place.detainers.toLocaleString('en-US')}</td>
      <td data-testid="status">{STATUS[place.status]}{place.decidedBy && ` (${place.decidedBy})`}</td>
      <td>
        {place.countyName ? `${place.countyName} (${place.county})` : 'none in use'}
        {place.proposedCounty && place.proposedCounty !== place.county && (
          <div>proposed: {place.proposedCountyName} ({place.proposedCounty})</div>
        )}
        {place.method && <div>by {METHOD[place.method] ?? place.method}, confidence {place.confidence.toFixed(2)}</div>}
      </td>
      <td>
        <details>
          <summary>Evidence</summary>
          <ul>
            {Object.entries(place.evidence).map(([k, v]) => <li key={k}>{k}: {typeof v === 'string' ? v : JSON.stringify(v)}</li>)}
          </ul>
          {place.candidates.length > 0 && (
            <>
              <p>Candidates:</p>
              <ul>{place.candidates.map((c) => <li key={c.county}>{c.name} ({c.county}): {c.why}</li>)}</ul>
            </>
          )}
        </details>
      </td>
      {curator && (
        <td>
          <label>
            County (FIPS) for {label}{' '}
            <input value={county} size={6} list={`candidates-${place.id}`} onInput={(e) => setCounty(e.currentTarget.value)} />
          </label>
          <datalist id={`candidates-${place.id}`}>
            {place.candidates.map((c) => <option key={c.county} value={c.county}>{c.name}</option>)}
          </datalist>
          <button type="button" disabled={busy} onClick={() => decide('ACCEPT')}>Accept</button>
          <button type="button" disabled={busy} onClick={() => decide('REJECT')}>Reject</button>
          {problem && <p role="alert" class="error">{problem}</p>}
        </td>
      )}
    </tr>
  );
}
