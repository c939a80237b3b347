import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, FieldError } from '../api';
import { useUnsavedGuard } from '../unsaved';
import type { Verification } from './verification';

export interface SourceRef {
  citation: string;
  url?: string | null;
  quote?: string | null;
}

export interface PolicyEvent {
  type: string;
  date: string;
  precision: string;
  note?: string | null;
  sources: SourceRef[];
  verification?: Verification;
}

export interface Policy {
  key: string;
  title: string;
  kind?: string;
  summary?: string | null;
  jurisdictions?: string[];
  sources: SourceRef[];
  events: PolicyEvent[];
  verification?: Verification;
  version: number;
}

/**
 * What a curator edits: the fields the editor sends, nothing the server owns (version, who verified). An event keeps
 * its verification (status and source) while its type and date stay; changing either makes it another fact, which
 * nobody has verified yet.
 */
interface Editable {
  title: string;
  summary: string;
  events: PolicyEvent[];
  sources: SourceRef[];
}

/** A field where both curators changed the same thing differently: this curator's value stays, theirs is shown. */
interface Clash {
  field: string;
  theirs: string;
}

const EVENT_TYPES = ['INTRODUCED', 'SIGNED', 'ADOPTED', 'EFFECTIVE', 'AMENDED', 'ENJOINED', 'UPHELD', 'STRUCK_DOWN', 'REPEALED', 'EXPIRED'];

export function shown(date: string | null | undefined, precision: string): string {
  if (!date) return 'date unknown';
  return precision === 'YEAR' ? date.slice(0, 4) : precision === 'MONTH' ? date.slice(0, 7) : date;
}

function editable(policy: Policy): Editable {
  return {
    title: policy.title,
    summary: policy.summary ?? '',
    events: policy.events.map((e) => ({
      type: e.type, date: e.date, precision: e.precision, note: e.note ?? null, sources: e.sources ?? [],
      verification: { status: e.verification?.status ?? 'UNVERIFIED', source: e.verification?.source ?? null },
    })),
    sources: (policy.sources ?? []).map((s) => ({ citation: s.citation, url: s.url ?? null, quote: s.quote ?? null })),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Three-way merge of a list whose items have no identity of their own (events, sources): what this curator
 * removed or replaced since the base leaves, what they added or changed joins, and everything the other person did
 * stays. An item both changed (gone from theirs and from mine) is a clash: both versions are kept and named.
 */
function mergeList<T>(base: T[], mine: T[], theirs: T[], field: string, describe: (t: T) => string): { merged: T[]; clashes: Clash[] } {
  const inList = (list: T[], item: T) => list.some((x) => same(x, item));
  const removedByMe = base.filter((b) => !inList(mine, b));
  const addedByMe = mine.filter((m) => !inList(base, m));
  const clashes = removedByMe.filter((b) => !inList(theirs, b)).map((b) => ({ field, theirs: `changed or removed “${describe(b)}”` }));
  const merged = [...theirs.filter((t) => !inList(removedByMe, t)), ...addedByMe.filter((a) => !inList(theirs, a))];
  return { merged, clashes };
}

/** Merges this curator's edits (mine, since base) into the other person's saved version (theirs), field by field. */
export function merge(base: Editable, mine: Editable, theirs: Editable): { merged: Editable; clashes: Clash[] } {
  const clashes: Clash[] = [];
  const scalar = (field: 'title' | 'summary') => {
    if (same(mine[field], base[field])) return theirs[field];
    if (!same(theirs[field], base[field]) && !same(theirs[field], mine[field])) clashes.push({ field, theirs: theirs[field] || '(empty)' });
    return mine[field];
  };
  const title = scalar('title');
  const summary = scalar('summary');
  const events = mergeList(base.events, mine.events, theirs.events, 'events', (e) => `${e.type} ${shown(e.date, e.precision)}`);
  const sources = mergeList(base.sources, mine.sources, theirs.sources, 'sources', (s) => s.citation);
  clashes.push(...events.clashes, ...sources.clashes);
  const byDate = [...events.merged].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  return { merged: { title, summary, events: byDate, sources: sources.merged }, clashes };
}

/**
 * Edits a policy's title, summary, events and sources under If-Match. A 422 shows each field's error beside it; a
 * 412 loads the other person's version, shows it beside this curator's, and merges the two field by field (theirs
 * wherever this curator changed nothing), so the next save loses neither.
 */
export function PolicyEditor({ policyKey, onDone }: { policyKey: string; onDone: () => void }) {
  const [etag, setEtag] = useState('');
  const [base, setBase] = useState<Editable | null>(null);
  const [draft, setDraft] = useState<Editable | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<{ theirs: Editable; clashes: Clash[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  useUnsavedGuard(base !== null && draft !== null && (!same(base, draft) || reason.trim() !== ''));

  const load = async () => {
    const response = await api(`/api/v1/policies/${encodeURIComponent(policyKey)}`);
    const policy: Policy = await response.json();
    return { policy: editable(policy), etag: response.headers.get('ETag') ?? '' };
  };
  useEffect(() => {
    load().then((l) => { setEtag(l.etag); setBase(l.policy); setDraft(l.policy); }, (e: Error) => setUnreadable(e.message));
  }, [policyKey]);
  if (unreadable) return <p role="alert" class="error">{unreadable}</p>;
  if (!base || !draft) return <p role="status">Loading the policy…</p>;

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const setEvent = (index: number, change: Partial<PolicyEvent>) =>
    setDraft({
      ...draft,
      events: draft.events.map((e, i) => {
        if (i !== index) return e;
        const other = ('type' in change && change.type !== e.type) || ('date' in change && change.date !== e.date);
        return { ...e, ...change, ...(other ? { verification: { status: 'UNVERIFIED' as const, source: null } } : {}) };
      }),
    });
  const setSource = (index: number, change: Partial<SourceRef>) =>
    setDraft({ ...draft, sources: draft.sources.map((s, i) => (i === index ? { ...s, ...change } : s)) });

  const save = async (e: Event) => {
    e.preventDefault();
    setErrors([]);
    setFailure(null);
    // Only what this curator changed since the version they last saw, so nothing else is overwritten.
    const patch: Record<string, unknown> = {};
    if (!same(draft.title, base.title)) patch.title = draft.title;
    if (!same(draft.summary, base.summary)) patch.summary = draft.summary || null;
    if (!same(draft.events, base.events)) patch.events = draft.events;
    if (!same(draft.sources, base.sources)) patch.sources = draft.sources;
    try {
      const query = reason.trim() ? `?reason=${encodeURIComponent(reason.trim())}` : '';
      await api(`/api/v1/policies/${encodeURIComponent(policyKey)}${query}`, {
        method: 'PATCH',
        body: JSON.stringify(patch),
        headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': etag },
      });
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.problem.status === 422) {
        setErrors(error.problem.errors ?? []);
        setFailure(error.problem.detail ?? 'Some fields need attention.');
      } else if (error instanceof ApiError && error.problem.status === 412) {
        const current = await load();
        const { merged, clashes } = merge(base, draft, current.policy);
        setConflict({ theirs: current.policy, clashes });
        setBase(current.policy);
        setDraft(merged);
        setEtag(current.etag);
      } else {
        setFailure(error instanceof Error ? error.message : String(error));
      }
    }
  };

  return (
    <form class="policy-editor" onSubmit={save} aria-label={`Edit ${base.title}`} data-testid="policy-editor">
      {conflict && (
        <div role="alert" class="conflict" data-testid="conflict">
          <p><strong>Someone else saved this policy while you were editing it.</strong> Their version is on the left; the
            form now holds theirs with your changes merged in, field by field. Check it, then save, or cancel to keep
            theirs.</p>
          <div class="versions">
            <section aria-label="Their version" data-testid="their-version">
              <h3>Their version</h3>
              <Summary policy={conflict.theirs} />
            </section>
            <section aria-label="Merged, to be saved" data-testid="merged-version">
              <h3>Merged, to be saved</h3>
              <Summary policy={draft} />
            </section>
          </div>
          {conflict.clashes.length > 0 && (
            <ul data-testid="clashes">
              {conflict.clashes.map((c, i) => <li key={i}>Both of you changed <strong>{c.field}</strong>: yours is in the form; they {c.field === 'title' || c.field === 'summary' ? `wrote “${c.theirs}”` : c.theirs}.</li>)}
            </ul>
          )}
        </div>
      )}
      <label>Title <input type="text" value={draft.title} aria-invalid={errorOf('title') ? 'true' : undefined}
        onInput={(e) => setDraft({ ...draft, title: (e.target as HTMLInputElement).value })} /></label>
      {errorOf('title') && <p class="error">{errorOf('title')}</p>}
      <label>Summary <textarea value={draft.summary} onInput={(e) => setDraft({ ...draft, summary: (e.target as HTMLTextAreaElement).value })} /></label>
      {draft.events.map((ev, i) => (
        <fieldset key={i} class="event-fields">
          <legend>Event {i + 1}</legend>
          <label>Type
            <select value={ev.type} onChange={(e) => setEvent(i, { type: (e.target as HTMLSelectElement).value })}>
              {[...new Set([ev.type, ...EVENT_TYPES])].map((t) => <option key={t}>{t}</option>)}
            </select>
          </label>
          <label>Date
            <input type="text" value={ev.date ? shown(ev.date, ev.precision) : ''} placeholder="YYYY-MM-DD, YYYY-MM or YYYY"
              aria-invalid={errorOf(`events[${i}].date`) ? 'true' : undefined}
              aria-describedby={errorOf(`events[${i}].date`) ? `event-${i}-date-error` : undefined}
              onInput={(e) => {
                const value = (e.target as HTMLInputElement).value;
                setEvent(i, { date: value, precision: value.length === 4 ? 'YEAR' : value.length === 7 ? 'MONTH' : 'DAY' });
              }} />
          </label>
          {errorOf(`events[${i}].date`) && <p class="error" id={`event-${i}-date-error`}>{errorOf(`events[${i}].date`)}</p>}
          <label>Note <input type="text" value={ev.note ?? ''} onInput={(e) => setEvent(i, { note: (e.target as HTMLInputElement).value || null })} /></label>
          <label>Event source (citation)
            <input type="text" value={ev.sources[0]?.citation ?? ''} aria-invalid={errorOf(`events[${i}].sources`) ? 'true' : undefined}
              aria-describedby={errorOf(`events[${i}].sources`) ? `event-${i}-sources-error` : undefined}
              onInput={(e) => {
                const citation = (e.target as HTMLInputElement).value;
                const rest = ev.sources.slice(1);
                setEvent(i, { sources: citation ? [{ ...(ev.sources[0] ?? { url: null, quote: null }), citation }, ...rest] : rest });
              }} />
          </label>
          {ev.sources.length > 1 && <p class="verification">and {ev.sources.length - 1} more source(s), kept as they are</p>}
          {errorOf(`events[${i}].sources`) && <p class="error" id={`event-${i}-sources-error`}>{errorOf(`events[${i}].sources`)}</p>}
          <button type="button" onClick={() => setDraft({ ...draft, events: draft.events.filter((_, j) => j !== i) })}>Remove event {i + 1}</button>
        </fieldset>
      ))}
      <button type="button" onClick={() => setDraft({ ...draft, events: [...draft.events, { type: 'EFFECTIVE', date: '', precision: 'DAY', note: null, sources: [] }] })}>Add an event</button>
      {draft.sources.map((s, i) => (
        <fieldset key={i} class="event-fields">
          <legend>Source {i + 1}</legend>
          <label>Citation <input type="text" value={s.citation} aria-invalid={errorOf(`sources[${i}].citation`) ? 'true' : undefined}
            onInput={(e) => setSource(i, { citation: (e.target as HTMLInputElement).value })} /></label>
          {errorOf(`sources[${i}].citation`) && <p class="error">{errorOf(`sources[${i}].citation`)}</p>}
          <label>URL <input type="url" value={s.url ?? ''} onInput={(e) => setSource(i, { url: (e.target as HTMLInputElement).value || null })} /></label>
          <button type="button" onClick={() => setDraft({ ...draft, sources: draft.sources.filter((_, j) => j !== i) })}>Remove source {i + 1}</button>
        </fieldset>
      ))}
      <button type="button" onClick={() => setDraft({ ...draft, sources: [...draft.sources, { citation: '', url: null, quote: null }] })}>Add a source</button>
      <label>Reason for this change (kept in the history; needed when a verified fact changes)
        <input type="text" value={reason} aria-invalid={errorOf('reason') ? 'true' : undefined}
          aria-describedby={errorOf('reason') ? 'policy-reason-error' : undefined}
          onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
      </label>
      {errorOf('reason') && <p class="error" id="policy-reason-error">A reason {errorOf('reason')}</p>}
      {failure && <p role="alert" class="error">{failure}</p>}
      {errors.filter((e) => !/^events\[\d+\]\.(date|sources)$|^title$|^reason$|^sources\[\d+\]\.citation$/.test(e.field)).map((e) => <p key={e.field} class="error">{e.field}: {e.message}</p>)}
      <div class="actions">
        <button type="submit" class="primary">Save policy</button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}

function Summary({ policy }: { policy: Editable }) {
  return (
    <dl>
      <dt>Title</dt><dd>{policy.title}</dd>
      <dt>Summary</dt><dd>{policy.summary || '(none)'}</dd>
      <dt>Events</dt>
      <dd><ul>{policy.events.map((ev, i) => <li key={i}>{ev.type} {shown(ev.date, ev.precision)}{ev.note ? `: ${ev.note}` : ''}</li>)}</ul></dd>
      <dt>Sources</dt>
      <dd><ul>{policy.sources.map((s, i) => <li key={i}>{s.citation}</li>)}</ul></dd>
    </dl>
  );
}
