import { useState } from 'preact/hooks';
import type { Verification } from './verification';
import { Clash, filled, mergeFields, same, SourceFields, SourceRef, SourceWords, splitList } from './curated-form';
import { CuratedForm, useCuratedEditor } from './curated-editor';

export type { SourceRef } from './curated-form';

export interface PolicyEvent {
  type: string;
  date: string;
  precision: string;
  note?: string | null;
  sources: SourceRef[];
  verification?: Verification;
}

export interface ProvisionRef {
  provision: string;
  sources?: SourceRef[] | null;
  verification?: Verification;
}

export interface Policy {
  key: string;
  title: string;
  kind?: string;
  summary?: string | null;
  jurisdictions?: string[];
  provisions?: ProvisionRef[];
  sources: SourceRef[];
  events: PolicyEvent[];
  verification?: Verification;
  version: number;
}

/**
 * What a curator edits: the fields the editor sends, nothing the server owns (version, who verified). An event keeps
 * its verification (status and source) while its type and date stay; changing either makes it another fact, which
 * nobody has verified yet. Jurisdictions are typed as codes with commas, so the text is what merges.
 */
interface Editable {
  key: string;
  title: string;
  kind: string;
  summary: string;
  jurisdictions: string;
  provisions: ProvisionRef[];
  events: PolicyEvent[];
  sources: SourceRef[];
}

const EVENT_TYPES = ['INTRODUCED', 'SIGNED', 'ADOPTED', 'EFFECTIVE', 'AMENDED', 'ENJOINED', 'UPHELD', 'STRUCK_DOWN', 'REPEALED', 'EXPIRED'];
const KINDS = ['STATUTE', 'ORDINANCE', 'EXECUTIVE_ORDER', 'SHERIFF_OR_JAIL_POLICY', 'AGREEMENT_287G', 'FEDERAL_PROGRAM_OR_RULE'];
const PROVISIONS = ['DECLINES_DETAINER_HOLDS', 'LIMITS_RELEASE_NOTICE', 'LIMITS_INFORMATION_SHARING', 'REQUIRES_JUDICIAL_WARRANT',
  'BARS_ICE_JAIL_ACCESS', 'BARS_287G', 'REQUIRES_HONOURING_DETAINERS', 'REQUIRES_INTERVIEW_CONSENT', 'SHARES_FINGERPRINTS_WITH_DHS',
  'NARROWS_DETAINER_ISSUANCE', 'DETAINERS_CARRY_ADMINISTRATIVE_WARRANT', 'LISTS_SANCTUARY_JURISDICTIONS', 'DELEGATED_JAIL_ENFORCEMENT',
  'DELEGATED_FIELD_ENFORCEMENT', 'DELEGATED_WARRANT_SERVICE'];
const PRECISIONS = ['DAY', 'MONTH', 'YEAR'];

export const words = (constant: string) => constant.toLowerCase().replace(/_/g, ' ');

export function shown(date: string | null | undefined, precision: string): string {
  if (!date) return 'date unknown';
  return precision === 'YEAR' ? date.slice(0, 4) : precision === 'MONTH' ? date.slice(0, 7) : date;
}

const verificationInput = (v?: Verification) => ({ status: v?.status ?? 'UNVERIFIED', source: v?.source ?? null });
const sourceOf = (s: SourceRef) => ({ citation: s.citation, url: s.url ?? null, quote: s.quote ?? null });

function editable(policy: Policy): Editable {
  const own = (policy.sources ?? []).map(sourceOf);
  return {
    key: policy.key,
    title: policy.title,
    kind: policy.kind ?? '',
    summary: policy.summary ?? '',
    jurisdictions: (policy.jurisdictions ?? []).join(', '),
    // A provision stated by the policy's own sources keeps resting on them (no sources of its own are sent).
    provisions: (policy.provisions ?? []).map((p) => ({
      provision: p.provision,
      sources: p.sources && !same((p.sources ?? []).map(sourceOf), own) ? p.sources.map(sourceOf) : null,
      verification: verificationInput(p.verification),
    })),
    events: policy.events.map((e) => ({
      type: e.type, date: e.date, precision: e.precision, note: e.note ?? null, sources: (e.sources ?? []).map(sourceOf),
      verification: verificationInput(e.verification),
    })),
    sources: own,
  };
}

const EMPTY: Editable = { key: '', title: '', kind: '', summary: '', jurisdictions: '', provisions: [], events: [], sources: [] };

const newEvent = (): PolicyEvent => ({ type: 'EFFECTIVE', date: '', precision: 'DAY', note: null, sources: [{ citation: '', url: null, quote: null }] });

/** The body the API reads from what the form holds: lists as lists, blank source rows left out. */
function body(draft: Editable) {
  return {
    key: draft.key.trim(),
    title: draft.title,
    kind: draft.kind || null,
    summary: draft.summary || null,
    jurisdictions: splitList(draft.jurisdictions),
    provisions: draft.provisions,
    events: draft.events.map((e) => ({ ...e, sources: filled(e.sources) })),
    sources: filled(draft.sources),
  };
}

/** Merges this curator's edits (mine, since base) into the other person's saved version (theirs), field by field. */
export function merge(base: Editable, mine: Editable, theirs: Editable): { merged: Editable; clashes: Clash[] } {
  const { merged, clashes } = mergeFields(base, mine, theirs, (field, item) => {
    if (field === 'events') {
      const e = item as PolicyEvent;
      return `${e.type} ${shown(e.date, e.precision)}`;
    }
    if (field === 'provisions') return words((item as ProvisionRef).provision);
    return (item as SourceRef).citation;
  });
  return { merged: { ...merged, events: [...merged.events].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')) }, clashes };
}

const eventSourceWords = (event: number): SourceWords => ({
  legend: (i) => `Event ${event + 1} source ${i + 1}`,
  citation: 'Event source (citation)',
  url: 'Event source URL',
  quote: 'Event source quote',
  add: `New source for event ${event + 1}`,
  remove: (i) => `Remove this source (event ${event + 1}, source ${i + 1})`,
});

/**
 * Creates a policy (no policyKey; jurisdictions may be given to start with), or edits one under If-Match: key, title,
 * kind, summary, jurisdictions, provisions, lifecycle events with their date precision and sources, and the
 * policy's sources. A 422 shows each field's error beside it; a 412 loads the other person's version, shows it
 * beside this curator's, and merges the two field by field (theirs wherever this curator changed nothing), so the
 * next save loses neither. Deleting asks first and is also refused (and explained) when someone changed the policy.
 */
export function PolicyEditor({ policyKey, jurisdictions, onDone }: { policyKey?: string; jurisdictions?: string[]; onDone: () => void }) {
  const creating = policyKey === undefined;
  const [reason, setReason] = useState('');
  const editor = useCuratedEditor({
    what: 'policy',
    collection: '/api/v1/policies',
    path: `/api/v1/policies/${encodeURIComponent(policyKey ?? '')}`,
    start: creating ? { ...EMPTY, jurisdictions: (jurisdictions ?? []).join(', ') } : null,
    form: creating ? 'new-policy' : `policy-${policyKey}`,
    read: editable,
    body,
    write: 'merge-patch',
    query: reason.trim() ? `?reason=${encodeURIComponent(reason.trim())}` : '',
    merge,
    alsoUnsaved: reason.trim() !== '',
    saved: onDone,
    deleted: onDone,
  });
  if (!editor.ready) return editor.pending;
  const { base, draft, setDraft, fields } = editor;

  const setEvent = (index: number, change: Partial<PolicyEvent>) =>
    setDraft({
      ...draft,
      events: draft.events.map((e, i) => {
        if (i !== index) return e;
        const other = ('type' in change && change.type !== e.type) || ('date' in change && change.date !== e.date);
        return { ...e, ...change, ...(other ? { verification: { status: 'UNVERIFIED' as const, source: null } } : {}) };
      }),
    });
  const toggleProvision = (provision: string, on: boolean) => setDraft({
    ...draft,
    provisions: on ? [...draft.provisions, { provision, sources: null, verification: { status: 'UNVERIFIED', source: null } }]
      : draft.provisions.filter((p) => p.provision !== provision),
  });

  return (
    <CuratedForm editor={editor} label={creating ? 'New policy' : `Edit ${base.title}`} testid="policy-editor"
      summary={(policy) => <Summary policy={policy} />} cancel={<button type="button" onClick={onDone}>Cancel</button>}
      remove={`Delete the policy “${base.title}”? Its history stays readable.`}>
      {creating && (
        <>
          <label>Key (lower-case letters, digits and hyphens; permanent)
            <input type="text" value={draft.key} {...fields.props('key')} placeholder="e.g. ca-sb54-2017"
              onInput={(e) => setDraft({ ...draft, key: (e.target as HTMLInputElement).value })} />
          </label>
          {fields.text('key')}
        </>
      )}
      <label>Title <input type="text" value={draft.title} {...fields.props('title')}
        onInput={(e) => setDraft({ ...draft, title: (e.target as HTMLInputElement).value })} /></label>
      {fields.text('title')}
      <label>Kind
        <select value={draft.kind} {...fields.props('kind')} onChange={(e) => setDraft({ ...draft, kind: (e.target as HTMLSelectElement).value })}>
          <option value="">(choose)</option>
          {KINDS.map((k) => <option key={k} value={k}>{words(k)}</option>)}
        </select>
      </label>
      {fields.text('kind')}
      <label>Summary <textarea value={draft.summary} onInput={(e) => setDraft({ ...draft, summary: (e.target as HTMLTextAreaElement).value })} /></label>
      <label>Jurisdictions (codes, separated by commas: US, CA, 06085)
        <input type="text" value={draft.jurisdictions} {...fields.props('jurisdictions', ...splitList(draft.jurisdictions).map((_, i) => `jurisdictions[${i}]`))}
          onInput={(e) => setDraft({ ...draft, jurisdictions: (e.target as HTMLInputElement).value })} />
      </label>
      {fields.text('jurisdictions', ...splitList(draft.jurisdictions).map((_, i) => `jurisdictions[${i}]`))}
      <fieldset class="choices">
        <legend>Provisions</legend>
        {PROVISIONS.map((p) => (
          <label key={p} class="toggle">
            <input type="checkbox" checked={draft.provisions.some((x) => x.provision === p)}
              onChange={(e) => toggleProvision(p, (e.target as HTMLInputElement).checked)} /> {words(p)}
          </label>
        ))}
        {fields.text('provisions', ...draft.provisions.map((_, i) => `provisions[${i}].provision`))}
      </fieldset>
      {draft.events.map((ev, i) => (
        <fieldset key={i} class="event-fields">
          <legend>Event {i + 1}</legend>
          <label>Type
            <select value={ev.type} {...fields.props(`events[${i}].type`)} onChange={(e) => setEvent(i, { type: (e.target as HTMLSelectElement).value })}>
              {[...new Set([ev.type, ...EVENT_TYPES])].map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </label>
          {fields.text(`events[${i}].type`)}
          <label>Date
            <input type="text" value={ev.date ? shown(ev.date, ev.precision) : ''} placeholder="YYYY-MM-DD, YYYY-MM or YYYY"
              {...fields.props(`events[${i}].date`)}
              onInput={(e) => {
                const value = (e.target as HTMLInputElement).value;
                setEvent(i, { date: value, precision: value.length === 4 ? 'YEAR' : value.length === 7 ? 'MONTH' : 'DAY' });
              }} />
          </label>
          {fields.text(`events[${i}].date`, `events[${i}].precision`)}
          <label>Precision
            <select value={ev.precision} onChange={(e) => {
              const precision = (e.target as HTMLSelectElement).value;
              setEvent(i, { precision, date: ev.date ? shown(ev.date, precision) : ev.date });
            }}>
              {PRECISIONS.map((p) => <option key={p} value={p}>{p.toLowerCase()}</option>)}
            </select>
          </label>
          <label>Note <input type="text" value={ev.note ?? ''} onInput={(e) => setEvent(i, { note: (e.target as HTMLInputElement).value || null })} /></label>
          <SourceFields sources={ev.sources} onChange={(sources) => setEvent(i, { sources })} errors={fields}
            field={`events[${i}].sources`} words={eventSourceWords(i)} />
          {fields.text(`events[${i}]`, `events[${i}].verification`, `events[${i}].verification.source`)}
          <button type="button" onClick={() => setDraft({ ...draft, events: draft.events.filter((_, j) => j !== i) })}>Remove event {i + 1}</button>
        </fieldset>
      ))}
      <button type="button" onClick={() => setDraft({ ...draft, events: [...draft.events, newEvent()] })}>Add an event</button>
      <SourceFields sources={draft.sources} onChange={(sources) => setDraft({ ...draft, sources })} errors={fields} field="sources" />
      {!creating && (
        <>
          <label>Reason for this change (kept in the history; needed when a verified fact changes)
            <input type="text" value={reason} {...fields.props('reason')} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
          </label>
          {fields.text('reason')}
        </>
      )}
    </CuratedForm>
  );
}

function Summary({ policy }: { policy: Editable }) {
  return (
    <dl>
      <dt>Title</dt><dd>{policy.title}</dd>
      <dt>Kind</dt><dd>{policy.kind ? words(policy.kind) : '(none)'}</dd>
      <dt>Summary</dt><dd>{policy.summary || '(none)'}</dd>
      <dt>Jurisdictions</dt><dd>{policy.jurisdictions || '(none)'}</dd>
      <dt>Provisions</dt><dd>{policy.provisions.map((p) => words(p.provision)).join(', ') || '(none)'}</dd>
      <dt>Events</dt>
      <dd><ul>{policy.events.map((ev, i) => <li key={i}>{ev.type} {shown(ev.date, ev.precision)}{ev.note ? `: ${ev.note}` : ''}</li>)}</ul></dd>
      <dt>Sources</dt>
      <dd><ul>{policy.sources.map((s, i) => <li key={i}>{s.citation}</li>)}</ul></dd>
    </dl>
  );
}
