import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, FieldError, Me } from '../api';
import { href, Route } from '../route';
import { useApi } from '../useApi';
import { Place } from '../figures/map';
import { Marker } from '../figures/timeseries';

interface SourceRef {
  citation: string;
  url?: string | null;
  quote?: string | null;
}

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
}

export interface Timeline {
  jurisdiction: string;
  includes: string[];
  entries: TimelineEntry[];
}

interface PolicyEvent {
  type: string;
  date: string;
  precision: string;
  note?: string | null;
  sources: SourceRef[];
}

interface Policy {
  key: string;
  title: string;
  summary?: string | null;
  events: PolicyEvent[];
  version: number;
}

const EVENT_TYPES = ['INTRODUCED', 'SIGNED', 'ADOPTED', 'EFFECTIVE', 'AMENDED', 'ENJOINED', 'UPHELD', 'STRUCK_DOWN', 'REPEALED', 'EXPIRED'];

/** Policies, their events and rulings that apply to a jurisdiction, in date order; curators edit policies here. */
export function TimelinePage({ route, me }: { route: Route; me: Me }) {
  const code = route.id ?? 'US';
  const from = route.params.get('from') ?? '';
  const to = route.params.get('to') ?? '';
  const query = new URLSearchParams();
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  const timeline = useApi<Timeline>(`/api/v1/jurisdictions/${encodeURIComponent(code)}/timeline?${query}`);
  const places = useApi<Place[]>('/api/v1/jurisdictions?kind=NATION,STATE,DISTRICT,TERRITORY');
  // The entry whose policy is being edited: one editor at a time, under the entry the curator chose.
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState({ code, from, to });
  useEffect(() => setDraft({ code, from, to }), [code, from, to]);
  const curator = me.roles.includes('curator');
  return (
    <>
      <h1>Jurisdiction timeline</h1>
      <form class="filters" aria-label="Timeline" onSubmit={(e) => { e.preventDefault(); location.hash = href('timeline', { from: draft.from, to: draft.to }, draft.code.trim() || 'US'); }}>
        <label>Jurisdiction code <input type="text" list="places" value={draft.code} onInput={(e) => setDraft({ ...draft, code: (e.target as HTMLInputElement).value })} /></label>
        <datalist id="places">{(places.data ?? []).map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}</datalist>
        <label>From <input type="date" value={draft.from} onInput={(e) => setDraft({ ...draft, from: (e.target as HTMLInputElement).value })} /></label>
        <label>To <input type="date" value={draft.to} onInput={(e) => setDraft({ ...draft, to: (e.target as HTMLInputElement).value })} /></label>
        <div class="actions"><button type="submit" class="primary">Show</button></div>
      </form>
      {timeline.error && <p role="alert" class="error">{timeline.error.message}</p>}
      {timeline.data && (
        <>
          <p>Entries for {timeline.data.includes.join(', ')}.</p>
          <ol class="timeline" data-testid="timeline">
            {timeline.data.entries.map((e, i) => (
              <li key={`${e.key}-${e.event}-${i}`} class={`entry ${e.item}`} data-entry={i}>
                <time dateTime={e.date}>{shown(e.date, e.precision)}</time>{' '}
                <strong>{e.title}</strong> <span class="event">{e.event.toLowerCase()}</span>
                {e.court && <> · {e.court}</>} · {e.jurisdictions.join(', ')} · <span class="verification">{e.verification.toLowerCase()}</span>
                {e.note && <p class="note">{e.note}</p>}
                {e.sources.length > 0 && (
                  <ul class="sources">{e.sources.map((s) => <li key={s.citation}>{s.url ? <a href={s.url} rel="noopener noreferrer">{s.citation}</a> : s.citation}</li>)}</ul>
                )}
                {curator && e.item === 'policy' && editing === null && (
                  <button type="button" onClick={() => setEditing(i)}>Edit {e.title}</button>
                )}
                {editing === i && <PolicyEditor policyKey={e.key} onDone={() => { setEditing(null); timeline.reload(); }} />}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function eventsOf(policy: Policy) {
  return policy.events.map((ev) => ({ type: ev.type, date: ev.date, precision: ev.precision, note: ev.note ?? null, sources: ev.sources }));
}

function shown(date: string, precision: string): string {
  return precision === 'YEAR' ? date.slice(0, 4) : precision === 'MONTH' ? date.slice(0, 7) : date;
}

/**
 * Edits a policy's summary and events under If-Match. A 422 shows each field's error beside it; a 412 shows what
 * the other person changed beside this curator's unsaved edits, and lets them save theirs on top of it.
 */
function PolicyEditor({ policyKey, onDone }: { policyKey: string; onDone: () => void }) {
  const [loaded, setLoaded] = useState<{ policy: Policy; etag: string } | null>(null);
  const [original, setOriginal] = useState<Policy | null>(null);
  const [draft, setDraft] = useState<Policy | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<Policy | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [unreadable, setUnreadable] = useState<string | null>(null);

  const load = async () => {
    const response = await api(`/api/v1/policies/${encodeURIComponent(policyKey)}`);
    const policy: Policy = await response.json();
    return { policy, etag: response.headers.get('ETag') ?? '' };
  };
  useEffect(() => {
    load().then((l) => { setLoaded(l); setOriginal(l.policy); setDraft(l.policy); }, (e: Error) => setUnreadable(e.message));
  }, [policyKey]);
  if (unreadable) return <p role="alert" class="error">{unreadable}</p>;
  if (!loaded || !draft || !original) return <p role="status">Loading the policy…</p>;

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const setEvent = (index: number, change: Partial<PolicyEvent>) =>
    setDraft({ ...draft, events: draft.events.map((e, i) => (i === index ? { ...e, ...change } : e)) });

  const save = async (e: Event) => {
    e.preventDefault();
    setErrors([]);
    setFailure(null);
    // Only what this curator changed since opening the editor, so a save after a conflict keeps the other
    // person's changes to the rest.
    const patch: Record<string, unknown> = {};
    if ((draft.summary ?? '') !== (original.summary ?? '')) patch.summary = draft.summary;
    if (JSON.stringify(eventsOf(draft)) !== JSON.stringify(eventsOf(original))) patch.events = eventsOf(draft);
    try {
      await api(`/api/v1/policies/${encodeURIComponent(policyKey)}`, {
        method: 'PATCH',
        body: JSON.stringify(patch),
        headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': loaded.etag },
      });
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.problem.status === 422) {
        setErrors(error.problem.errors ?? []);
        setFailure(error.problem.detail ?? 'Some fields need attention.');
      } else if (error instanceof ApiError && error.problem.status === 412) {
        const current = await load();
        setConflict(current.policy);
        // Keep the curator's draft; the next save names the version they have now seen.
        setLoaded(current);
        setFailure(null);
      } else {
        setFailure(error instanceof Error ? error.message : String(error));
      }
    }
  };

  return (
    <form class="policy-editor" onSubmit={save} aria-label={`Edit ${draft.title}`} data-testid="policy-editor">
      {conflict && (
        <div role="alert" class="conflict" data-testid="conflict">
          <p><strong>Someone else changed this policy since you opened it.</strong> Their version is below; your edits are
            still in the form. Save again to put yours on top of theirs, or cancel to keep theirs.</p>
          <dl>
            <dt>Their summary</dt><dd>{conflict.summary ?? '(none)'}</dd>
            <dt>Their events</dt>
            <dd><ul>{conflict.events.map((ev, i) => <li key={i}>{ev.type} {shown(ev.date, ev.precision)}{ev.note ? `: ${ev.note}` : ''}</li>)}</ul></dd>
          </dl>
        </div>
      )}
      <label>Summary <textarea value={draft.summary ?? ''} onInput={(e) => setDraft({ ...draft, summary: (e.target as HTMLTextAreaElement).value })} /></label>
      {draft.events.map((ev, i) => (
        <fieldset key={i} class="event-fields">
          <legend>Event {i + 1}</legend>
          <label>Type
            <select value={ev.type} onChange={(e) => setEvent(i, { type: (e.target as HTMLSelectElement).value })}>
              {[...new Set([ev.type, ...EVENT_TYPES])].map((t) => <option key={t}>{t}</option>)}
            </select>
          </label>
          <label>Date
            <input type="text" value={shown(ev.date, ev.precision)} aria-invalid={errorOf(`events[${i}].date`) ? 'true' : undefined}
              aria-describedby={errorOf(`events[${i}].date`) ? `event-${i}-date-error` : undefined}
              onInput={(e) => {
                const value = (e.target as HTMLInputElement).value;
                setEvent(i, { date: value, precision: value.length === 4 ? 'YEAR' : value.length === 7 ? 'MONTH' : 'DAY' });
              }} />
          </label>
          {errorOf(`events[${i}].date`) && <p class="error" id={`event-${i}-date-error`}>{errorOf(`events[${i}].date`)}</p>}
          <label>Note <input type="text" value={ev.note ?? ''} onInput={(e) => setEvent(i, { note: (e.target as HTMLInputElement).value })} /></label>
        </fieldset>
      ))}
      {failure && <p role="alert" class="error">{failure}</p>}
      {errors.filter((e) => !/^events\[\d+\]\.date$/.test(e.field)).map((e) => <p key={e.field} class="error">{e.field}: {e.message}</p>)}
      <div class="actions">
        <button type="submit" class="primary">Save policy</button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}

/** A timeline's entries as markers for the explore page's time series. */
export function markersOf(timeline: Timeline): Marker[] {
  return timeline.entries.map((e) => ({ date: e.date, label: `${e.title} (${e.event.toLowerCase()})`, kind: e.item }));
}
