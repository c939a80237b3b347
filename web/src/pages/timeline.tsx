import { useEffect, useState } from 'preact/hooks';
import { getJson, Me } from '../api';
import { href, Route } from '../route';
import { useApi } from '../useApi';
import { Marker } from '../figures/timeseries';
import { Policy, PolicyEditor, shown, SourceRef } from './policy-editor';
import { HistoryToggle } from './history';
import { verificationText, VerifyForm } from './verification';
import { RulingEditor } from './ruling-editor';
import { useRouteDraft } from '../useRouteDraft';

export interface TimelineEntry {
  date: string;
  precision: string;
  item: 'policy' | 'ruling';
  key: string;
  title: string;
  event: string;
  court?: string | null;
  jurisdictions: string[];
  note?: string | null;
  sources: SourceRef[];
  verification: string;
  verifiedBy?: string | null;
  verifiedAgainst?: string | null;
}

export interface Timeline {
  jurisdiction: string;
  includes: string[];
  entries: TimelineEntry[];
}

interface Jurisdiction {
  code: string;
  kind: string;
  name: string;
  parentCode?: string | null;
}

interface Ruling {
  key: string;
  caseName: string;
  decidedOn: string;
  precision: string;
  policies: string[];
  jurisdictions: string[];
}

/** Everything the timeline draws besides its entries: the places it covers, their policies and the rulings. */
interface Context {
  places: Jurisdiction[];
  policies: Policy[];
  rulings: Ruling[];
}

const LANES: { label: string; kinds: string[] }[] = [
  { label: 'Nation', kinds: ['NATION'] },
  { label: 'State', kinds: ['STATE', 'DISTRICT', 'TERRITORY'] },
  { label: 'County', kinds: ['COUNTY'] },
  { label: 'City or agency', kinds: ['CITY', 'AGENCY'] },
];

/** A place typed by name or code, resolved to a code: an exact code, else an exact name, else the only match. */
async function resolvePlace(text: string): Promise<Jurisdiction | string> {
  const chosen = /\(([^()]+)\)$/.exec(text.trim());
  const wanted = chosen ? chosen[1] : text.trim();
  const rank = ['NATION', 'STATE', 'DISTRICT', 'TERRITORY', 'COUNTY', 'CITY', 'AGENCY'];
  const found = (await getJson<Jurisdiction[]>(`/api/v1/jurisdictions?q=${encodeURIComponent(wanted)}`))
    .sort((a, b) => rank.indexOf(a.kind) - rank.indexOf(b.kind));
  const lower = wanted.toLowerCase();
  const match = found.find((j) => j.code.toLowerCase() === lower) ?? found.find((j) => j.name.toLowerCase() === lower)
    ?? found.find((j) => j.name.toLowerCase().startsWith(lower + ' ')) ?? (found.length === 1 ? found[0] : undefined);
  if (match) return match;
  return found.length === 0 ? `No place is named or coded “${wanted}”.`
    : `“${wanted}” matches ${found.length} places; choose one from the list.`;
}

/** Policies, their events and rulings that apply to a place, drawn in lanes and listed; curators edit policies here. */
export function TimelinePage({ route, me }: { route: Route; me: Me }) {
  const code = route.id ?? 'US';
  const from = route.params.get('from') ?? '';
  const to = route.params.get('to') ?? '';
  const query = new URLSearchParams();
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  const timeline = useApi<Timeline>(`/api/v1/jurisdictions/${encodeURIComponent(code)}/timeline?${query}`);
  const [context, setContext] = useState<Context | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [creating, setCreating] = useState<'policy' | 'ruling' | null>(null);
  const [editingPolicy, setEditingPolicy] = useState<string | null>(null);
  const [verifying, setVerifying] = useState<string | null>(null);
  const [draft, setDraft] = useRouteDraft({ place: code, from, to }, JSON.stringify([code, from, to]));
  const [placeError, setPlaceError] = useState<string | null>(null);
  useEffect(() => setPlaceError(null), [code, from, to]);
  const typed = draft.place.trim();
  const suggestions = useApi<Jurisdiction[]>(typed.length >= 2 && typed !== code ? `/api/v1/jurisdictions?q=${encodeURIComponent(typed)}` : null);

  const includes = timeline.data?.includes.join(',');
  useEffect(() => {
    if (!includes) return;
    let current = true;
    const codes = includes.split(',');
    Promise.all([
      Promise.all(codes.map((c) => getJson<Jurisdiction>(`/api/v1/jurisdictions/${encodeURIComponent(c)}`))),
      Promise.all(codes.map((c) => getJson<Policy[]>(`/api/v1/policies?jurisdiction=${encodeURIComponent(c)}`))),
      getJson<Ruling[]>('/api/v1/rulings'),
    ]).then(([places, policies, rulings]) => {
      if (current) setContext({ places, policies: dedupe(policies.flat()), rulings });
    }, () => current && setContext({ places: [], policies: [], rulings: [] }));
    return () => { current = false; };
  }, [includes, timeline.data]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const resolved = typed ? await resolvePlace(typed) : { code: 'US' } as Jurisdiction;
    if (typeof resolved === 'string') {
      setPlaceError(resolved);
      return;
    }
    location.hash = href('timeline', { from: draft.from, to: draft.to }, resolved.code);
  };
  // A link to a policy or ruling (e.g. from an annotation) opens the timeline of the first place it applies to.
  const wantedItem = route.params.get('policy') ? ['policies', route.params.get('policy')] : route.params.get('ruling') ? ['rulings', route.params.get('ruling')] : null;
  useEffect(() => {
    if (!wantedItem || route.id) return;
    getJson<{ jurisdictions: string[] }>(`/api/v1/${wantedItem[0]}/${encodeURIComponent(wantedItem[1]!)}`).then(
      (item) => location.replace(href('timeline', undefined, item.jurisdictions[0] ?? 'US')),
      (e: Error) => setPlaceError(e.message));
  }, [wantedItem?.[1], route.id]);
  const curator = me.roles.includes('curator');
  const place = context?.places.find((p) => p.code === timeline.data?.jurisdiction);
  const name = (c: string) => context?.places.find((p) => p.code === c)?.name ?? c;
  return (
    <>
      <h1 data-testid="timeline-heading" data-place={place?.code}>{place ? `Timeline: ${placeName(place)}` : 'Jurisdiction timeline'}</h1>
      <form class="filters" aria-label="Timeline" onSubmit={submit}>
        <label>Place (name or code)
          <input type="text" list="places" value={draft.place} autocomplete="off" aria-invalid={placeError ? 'true' : undefined}
            aria-describedby={placeError ? 'place-error' : undefined}
            onInput={(e) => setDraft({ ...draft, place: (e.target as HTMLInputElement).value })} />
        </label>
        <datalist id="places">{(suggestions.data ?? []).slice(0, 30).map((p) => <option key={p.code} value={`${p.name} (${p.code})`}>{p.kind.toLowerCase()}</option>)}</datalist>
        <label>From <input type="date" value={draft.from} onInput={(e) => setDraft({ ...draft, from: (e.target as HTMLInputElement).value })} /></label>
        <label>To <input type="date" value={draft.to} onInput={(e) => setDraft({ ...draft, to: (e.target as HTMLInputElement).value })} /></label>
        <div class="actions"><button type="submit" class="primary">Show</button></div>
        {placeError && <p class="error" id="place-error" role="alert">{placeError}</p>}
      </form>
      {timeline.error && <p role="alert" class="error">{timeline.error.message}</p>}
      {timeline.loading && <p role="status">Loading the timeline…</p>}
      {timeline.data && (
        <>
          {curator && (
            <div class="actions">
              <button type="button" aria-expanded={creating === 'policy'} onClick={() => setCreating(creating === 'policy' ? null : 'policy')}>New policy</button>
              <button type="button" aria-expanded={creating === 'ruling'} onClick={() => setCreating(creating === 'ruling' ? null : 'ruling')}>New ruling</button>
            </div>
          )}
          {creating === 'policy' && <PolicyEditor jurisdictions={[timeline.data.jurisdiction]} onDone={() => { setCreating(null); timeline.reload(); }} />}
          {creating === 'ruling' && <RulingEditor jurisdictions={[timeline.data.jurisdiction]} onDone={() => { setCreating(null); timeline.reload(); }} />}
          <p data-testid="covers">What applies in {timeline.data.includes.map(name).join(', then ')}: policies attached to
            these places and rulings about them. {timeline.data.entries.length === 0 && 'No policy or ruling is curated for them.'}</p>
          {context && timeline.data.entries.length > 0 && <Lanes timeline={timeline.data} context={context} />}
          <h2>Entries in date order</h2>
          <ol class="timeline" data-testid="timeline">
            {timeline.data.entries.map((e, i) => (
              <li key={`${e.key}-${e.event}-${i}`} class={`entry ${e.item}`} data-entry={i}>
                <time dateTime={e.date ?? undefined}>{shown(e.date, e.precision)}</time>{' '}
                <strong>{e.title}</strong> <span class="event">{e.event.toLowerCase()}</span>
                {e.court && <> · {e.court}</>} · {e.jurisdictions.map(name).join(', ')} · <span class="verification" data-testid="entry-verification">{verificationText(e.verification, e.verifiedBy, e.verifiedAgainst)}</span>
                {e.note && <p class="note">{e.note}</p>}
                {e.sources.length > 0 && (
                  <ul class="sources">{e.sources.map((s) => <li key={s.citation}>{s.url ? <a href={s.url} rel="noopener noreferrer">{s.citation}</a> : s.citation}</li>)}</ul>
                )}
                {curator && editing === null && (
                  <button type="button" onClick={() => setEditing(i)}>Edit {e.title}</button>
                )}
                {editing === i && e.item === 'policy' && <PolicyEditor policyKey={e.key} onDone={() => { setEditing(null); timeline.reload(); }} />}
                {editing === i && e.item === 'ruling' && <RulingEditor rulingKey={e.key} onDone={() => { setEditing(null); timeline.reload(); }} />}
                {e.item === 'ruling' && <HistoryToggle path={`/api/v1/rulings/${encodeURIComponent(e.key)}/history`} title={e.title} />}
              </li>
            ))}
          </ol>
          {context && context.policies.length > 0 && (
            <>
              <h2>Policies</h2>
              <ul class="cards" data-testid="policies">
                {context.policies.map((p) => (
                  <li key={p.key} id={`policy-${p.key}`} data-policy={p.key}>
                    <strong>{p.title}</strong>
                    <span class="verification">{(p.jurisdictions ?? []).map(name).join(', ')}{p.kind ? ` · ${p.kind.toLowerCase().replace(/_/g, ' ')}` : ''}</span>
                    <p class="summary">{p.summary || 'No summary is curated.'}</p>
                    <p class="verification" data-testid="policy-verification">
                      The policy: {verificationText(p.verification?.status ?? 'UNVERIFIED', p.verification?.by, p.verification?.source)}
                      {p.verification?.at && <> on <time dateTime={p.verification.at}>{p.verification.at.slice(0, 10)}</time></>}
                    </p>
                    {p.sources.length > 0 && (
                      <ul class="sources">{p.sources.map((s) => <li key={s.citation}>{s.url ? <a href={s.url} rel="noopener noreferrer">{s.citation}</a> : s.citation}</li>)}</ul>
                    )}
                    {curator && (
                      <button type="button" aria-expanded={verifying === p.key} onClick={() => setVerifying(verifying === p.key ? null : p.key)}>
                        Verify or unverify {p.title}
                      </button>
                    )}
                    {curator && verifying === p.key && <VerifyForm policy={p} onDone={timeline.reload} />}
                    {curator && (
                      <button type="button" aria-expanded={editingPolicy === p.key} onClick={() => setEditingPolicy(editingPolicy === p.key ? null : p.key)}>
                        Edit policy {p.title}
                      </button>
                    )}
                    {editingPolicy === p.key && <PolicyEditor policyKey={p.key} onDone={() => { setEditingPolicy(null); timeline.reload(); }} />}
                    <HistoryToggle path={`/api/v1/policies/${encodeURIComponent(p.key)}/history`} title={p.title} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </>
  );
}

/** A place as a heading names it: its name, and for anything below a state its kind and state. */
function placeName(place: Jurisdiction): string {
  if (['NATION', 'STATE', 'DISTRICT', 'TERRITORY'].includes(place.kind)) return place.name;
  return `${place.name} (${place.kind.toLowerCase()}${place.parentCode ? `, ${place.parentCode}` : ''})`;
}

function dedupe(policies: Policy[]): Policy[] {
  const seen = new Map<string, Policy>();
  policies.forEach((p) => seen.set(p.key, p));
  return [...seen.values()];
}

/** When a policy was in force, from its events (the in-force rule of the user guide); an open end runs to today. */
function spans(policy: Policy, today: string): { from: string; to: string; open: boolean }[] {
  const result: { from: string; to: string; open: boolean }[] = [];
  let start: string | null = null;
  let effective = false;
  let suspended = false;
  let ended = false;
  const order = ['INTRODUCED', 'SIGNED', 'ADOPTED', 'EFFECTIVE', 'AMENDED', 'ENJOINED', 'UPHELD', 'STRUCK_DOWN', 'REPEALED', 'EXPIRED'];
  const events = policy.events.filter((e) => e.date).sort((a, b) => a.date.localeCompare(b.date) || order.indexOf(a.type) - order.indexOf(b.type));
  for (const e of events) {
    if (e.type === 'EFFECTIVE') { effective = true; ended = false; }
    if (e.type === 'ENJOINED' || e.type === 'STRUCK_DOWN') suspended = true;
    if (e.type === 'UPHELD') suspended = false;
    if (e.type === 'REPEALED' || e.type === 'EXPIRED') ended = true;
    const inForce = effective && !suspended && !ended;
    if (inForce && start === null) start = e.date;
    if (!inForce && start !== null) { result.push({ from: start, to: e.date, open: false }); start = null; }
  }
  if (start !== null) result.push({ from: start, to: today, open: true });
  return result;
}

const ROW = 18;
const LANE_GAP = 14;
const LABEL = 110;

/**
 * The timeline drawn: one lane per level of government, a row per policy with its spans in force and its events as
 * marks, rulings as diamonds joined to the policies they concern. The list below says the same in words, so the
 * drawing is hidden from screen readers.
 */
function Lanes({ timeline, context }: { timeline: Timeline; context: Context }) {
  const today = new Date().toISOString().slice(0, 10);
  const kindOf = (c: string) => context.places.find((p) => p.code === c)?.kind;
  const laneOf = (codes: string[]) => {
    const kinds = codes.filter((c) => timeline.includes.includes(c)).map(kindOf);
    const lanes = LANES.map((l, i) => (kinds.some((k) => k && l.kinds.includes(k)) ? i : -1)).filter((i) => i >= 0);
    return lanes.length ? Math.max(...lanes) : 0;
  };
  const rulingKeys = new Set(timeline.entries.filter((e) => e.item === 'ruling').map((e) => e.key));
  const rulings = context.rulings.filter((r) => rulingKeys.has(r.key) && r.decidedOn);
  const dates = [...timeline.entries.map((e) => e.date).filter(Boolean), today];
  const first = new Date(dates.reduce((a, b) => (a < b ? a : b))).getTime();
  const last = new Date(today).getTime();
  const width = 900;
  const x = (date: string) => LABEL + ((new Date(date).getTime() - first) / Math.max(last - first, 1)) * (width - LABEL - 10);

  // Rows: each lane holds its policies, one row each, and a row for rulings that concern no policy shown.
  const rows: { lane: number; policy?: Policy; y: number }[] = [];
  const laneTop: number[] = [];
  let y = 20;
  LANES.forEach((_, lane) => {
    laneTop[lane] = y;
    const policies = context.policies.filter((p) => laneOf(p.jurisdictions ?? []) === lane);
    const loose = rulings.some((r) => laneOf(r.jurisdictions) === lane && !r.policies.some((k) => policies.some((p) => p.key === k)));
    policies.forEach((policy) => { rows.push({ lane, policy, y }); y += ROW; });
    if (loose || policies.length === 0) { rows.push({ lane, y }); y += ROW; }
    y += LANE_GAP;
  });
  const rowOf = (policyKey: string) => rows.find((r) => r.policy?.key === policyKey);
  const years: number[] = [];
  for (let year = new Date(first).getUTCFullYear() + 1; year <= new Date(last).getUTCFullYear(); year++) years.push(year);
  const step = Math.ceil(years.length / 10);

  return (
    <figure class="lanes" data-testid="lanes">
      <div class="scroll-x" tabIndex={0} role="region" aria-label="Timeline lanes, scrolls sideways">
        <svg viewBox={`0 0 ${width} ${y + 10}`} width={width} height={y + 10} aria-hidden="true" font-size="12">
          {years.filter((_, i) => i % step === 0).map((year) => (
            <g key={year}>
              <line x1={x(`${year}-01-01`)} x2={x(`${year}-01-01`)} y1={12} y2={y} stroke="#e1e6ec" />
              <text x={x(`${year}-01-01`)} y={10} text-anchor="middle" fill="#4a5868">{year}</text>
            </g>
          ))}
          {LANES.map((lane, i) => (
            <text key={lane.label} x={4} y={laneTop[i] + 13} font-weight="bold" fill="#1f2a37">{lane.label}</text>
          ))}
          {rows.filter((r) => r.policy).map(({ policy, y: top }) => (
            <g key={policy!.key} data-policy={policy!.key}>
              {spans(policy!, today).map((s, i) => (
                <rect key={i} class="span" x={x(s.from)} y={top + 3} width={Math.max(x(s.to) - x(s.from), 2)} height={ROW - 6}
                  fill={s.open ? '#9cc0e8' : '#c9d6e4'} rx={2}><title>{`${policy!.title}: in force ${s.from} to ${s.open ? 'today' : s.to}`}</title></rect>
              ))}
              {policy!.events.filter((e) => e.date).map((e, i) => (
                <circle key={i} class="mark" cx={x(e.date)} cy={top + ROW / 2} r={3.5} fill="#2f6db3"><title>{`${e.type.toLowerCase()} ${shown(e.date, e.precision)}`}</title></circle>
              ))}
            </g>
          ))}
          {rulings.map((r) => {
            const lane = laneOf(r.jurisdictions);
            const linked = r.policies.map(rowOf).filter((row) => row !== undefined);
            const own = linked[0]?.y ?? rows.find((row) => row.lane === lane && !row.policy)?.y ?? laneTop[lane];
            const cx = x(r.decidedOn);
            const cy = own + ROW / 2;
            return (
              <g key={r.key} class="ruling" data-ruling={r.key}>
                {linked.slice(1).map((row, i) => <line key={i} x1={cx} x2={cx} y1={cy} y2={row!.y + ROW / 2} stroke="#b03a2e" stroke-dasharray="3 2" />)}
                <path d={`M ${cx} ${cy - 6} L ${cx + 6} ${cy} L ${cx} ${cy + 6} L ${cx - 6} ${cy} Z`} fill="#b03a2e"><title>{`${r.caseName}, ${shown(r.decidedOn, r.precision)}`}</title></path>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>Bars: when a policy was in force by its curated events (light: still in force today); dots: its events;
        red diamonds: rulings, on the row of the policy they concern. The same entries are listed below.</figcaption>
    </figure>
  );
}

/** A timeline's entries as markers for the explore page's time series. */
export function markersOf(timeline: Timeline): Marker[] {
  return timeline.entries.map((e) => ({ date: e.date, label: `${e.title} (${e.event.toLowerCase()})`, kind: e.item }));
}
