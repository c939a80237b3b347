import { useEffect, useState } from 'preact/hooks';
import { getJson, sendJson } from '../api';
import { href } from '../route';
import { Filters } from '../stats';
import { RowFilterFields } from './row-filters';
import { mergeFields, splitList } from './curated-form';
import { CuratedForm, useCuratedEditor } from './curated-editor';

const EVENT_TYPES = ['ARREST', 'DETAINER_ISSUED', 'DETAINER_DECLINED', 'DETAINER_HONOURED', 'RELEASE', 'LATER_ARREST', 'CONVICTION', 'OTHER'];
const DESCRIPTOR_KINDS = ['AGE', 'NATIONALITY', 'SEX', 'OTHER'];

interface Source { key: string; citation: string; url: string; publishedOn: string; quote: string }
// A source may not state when something happened: an event without a date keeps its place in the order, undated.
interface Event { key: string; type: string; date: string; precision: string; description: string; source: string }
interface Descriptor { kind: string; value: string; source: string; passage: string }

/** A case record as GET /api/v1/case-records/{id} answers it (what the form reads). */
interface CaseRecordBody {
  title: string;
  narrative: string;
  jurisdictions: string[];
  facility?: { id: number | null; name: string | null } | null;
  subject: { kind: string; value: string; source: string; passage: string }[];
  sourceFraming?: { quote: string; source: string } | null;
  events: { key: string; type: string; date?: string | null; precision?: string | null; description?: string | null; source: string }[];
  sources: { key: string; citation: string; url?: string | null; publishedOn?: string | null; quote?: string | null }[];
  detainerRows: { releaseId: number; sheet: string; row: number }[];
  policies: string[];
  rulings: string[];
  verified: boolean;
}

/** What a curator edits; lists stay lists so that a conflict merges them item by item. */
interface Editable {
  title: string;
  narrative: string;
  jurisdictions: string;
  facilityId: number | null;
  facilityName: string;
  subject: Descriptor[];
  framingQuote: string;
  framingSource: string;
  events: Event[];
  sources: Source[];
  detainerRows: string[];
  policies: string;
  rulings: string;
  verified: boolean;
}

const rowRef = (r: { releaseId: number; sheet: string; row: number }) => `${r.releaseId}/${r.sheet}/${r.row}`;

function editable(c: CaseRecordBody): Editable {
  return {
    title: c.title, narrative: c.narrative, jurisdictions: c.jurisdictions.join(', '),
    facilityId: c.facility?.id ?? null, facilityName: c.facility?.name ?? '',
    subject: c.subject.map((d) => ({ ...d })),
    framingQuote: c.sourceFraming?.quote ?? '', framingSource: c.sourceFraming?.source ?? '',
    events: c.events.map((e) => ({ key: e.key, type: e.type, date: e.date ?? '', precision: e.precision ?? '', description: e.description ?? '', source: e.source })),
    sources: c.sources.map((s) => ({ key: s.key, citation: s.citation, url: s.url ?? '', publishedOn: s.publishedOn ?? '', quote: s.quote ?? '' })),
    detainerRows: c.detainerRows.map(rowRef), policies: c.policies.join(', '), rulings: c.rulings.join(', '), verified: c.verified,
  };
}

/** An empty record, with one source to cite (every record needs one) and the detainer row it was started from. */
export function blank(row?: string | null): Editable {
  return {
    title: '', narrative: '', jurisdictions: '', facilityId: null, facilityName: '', subject: [], framingQuote: '', framingSource: '',
    events: [], sources: [{ key: 'source-1', citation: '', url: '', publishedOn: '', quote: '' }],
    detainerRows: row ? [row] : [], policies: '', rulings: '', verified: false,
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

/** The body the API reads (POST and PUT take the whole record). */
function body(d: Editable) {
  return {
    title: d.title, narrative: d.narrative, jurisdictions: splitList(d.jurisdictions), facilityId: d.facilityId,
    facilityName: orNull(d.facilityName),
    subject: d.subject.map((s) => ({ ...s, source: s.source || null })),
    sourceFraming: d.framingQuote.trim() || d.framingSource ? { quote: d.framingQuote, source: d.framingSource || null } : null,
    events: d.events.map((e) => ({ key: e.key, type: e.type, date: orNull(e.date), precision: orNull(e.precision), description: orNull(e.description), source: e.source || null })),
    sources: d.sources.map((s) => ({ key: s.key, citation: s.citation, url: orNull(s.url), publishedOn: orNull(s.publishedOn), quote: orNull(s.quote) })),
    detainerRows: d.detainerRows.map((ref) => {
      const last = ref.lastIndexOf('/');
      const first = ref.indexOf('/');
      return { releaseId: Number(ref.slice(0, first)), sheet: ref.slice(first + 1, last), row: Number(ref.slice(last + 1)) };
    }),
    policies: splitList(d.policies), rulings: splitList(d.rulings), verified: d.verified,
  };
}

/** What the preview endpoint answers: each readable thread's fate, and the unreadable ones counted. */
interface Preview {
  passages: { annotationId: number; exact: string; author: string; from: { start: number }; to: { start: number } | null; outcome: string }[];
  unreadable: { stays: number; moves: number; orphaned: number; reanchored: number; stillOrphaned: number };
}

const OUTCOME_WORDS: Record<string, string> = {
  STAYS: 'stays where it is', MOVES: 'moves with its quote', ORPHANED: 'would be orphaned: its quote is no longer in the narrative',
  REANCHORED: 'is anchored again: its quote is back', STILL_ORPHANED: 'stays orphaned',
};

/**
 * Creates a case record (no id) or edits one under If-Match (PUT of the whole record): narrative, subject
 * descriptors, source framing, events with date precision (or no date), sources, detainer rows picked from the row
 * browser, policies and rulings by key. While the narrative of a saved record changes, the annotations on it are
 * previewed: which stay, move or would be orphaned. A 422 stands beside each field; a 412 shows their version beside
 * the merged one, as the policy editor does.
 */
export function CaseEditor({ id, start, onDone }: { id?: string; start?: Editable; onDone: (id: number) => void }) {
  const creating = id === undefined;
  const [saved, setSaved] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const path = `/api/v1/case-records/${id ?? ''}`;
  const editor = useCuratedEditor({
    what: 'case record',
    collection: '/api/v1/case-records',
    path,
    start: creating ? start ?? blank() : null,
    form: creating ? 'new-case' : `case-${id}`,
    read: editable,
    loaded: (record: CaseRecordBody) => setSaved(record.narrative),
    body,
    write: 'put',
    merge: (base, mine, theirs) => mergeFields(base, mine, theirs, describe),
    saved: async (response) => onDone((await response.json()).id),
  });
  const narrative = editor.draft?.narrative;
  useEffect(() => {
    if (creating || saved === null || narrative === undefined || narrative === saved) {
      setPreview(null);
      return;
    }
    // Asked once the curator pauses typing, not at every key.
    const timer = setTimeout(() => {
      sendJson(`${path}/narrative-preview`, 'POST', { narrative })
        .then((r) => r.json()).then((p: Preview) => { setPreview(p); setPreviewError(null); }, (e: Error) => setPreviewError(e.message));
    }, 400);
    return () => clearTimeout(timer);
  }, [narrative, saved]);
  if (!editor.ready) return editor.pending;
  const { draft, set, fields } = editor;

  const text = (name: 'title' | 'jurisdictions' | 'facilityName' | 'policies' | 'rulings', label: string, field: string = name) => (
    <>
      <label>{label}
        <input type="text" value={draft[name]} {...fields.props(field, `${field}[0]`, `${field}[1]`, `${field}[2]`)}
          onInput={(e) => set({ [name]: (e.target as HTMLInputElement).value })} />
      </label>
      {fields.text(field, `${field}[0]`, `${field}[1]`, `${field}[2]`)}
    </>
  );
  const keys = draft.sources.map((s) => s.key).filter(Boolean);
  const sourceSelect = (value: string, field: string, onChange: (key: string) => void, label = 'Source') => (
    <>
      <label>{label}
        <select value={value} {...fields.props(field)} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
          <option value="">(choose one of the record's sources)</option>
          {keys.map((k) => <option key={k} value={k}>{k}</option>)}
        </select>
      </label>
      {fields.text(field)}
    </>
  );
  const list = <T,>(name: 'events' | 'sources' | 'subject', index: number, change: Partial<T>) =>
    set({ [name]: (draft[name] as unknown as T[]).map((item, i) => (i === index ? { ...item, ...change } : item)) } as Partial<Editable>);

  return (
    <CuratedForm editor={editor} label={creating ? 'New case record' : `Edit case record ${id}`} testid="case-editor" summary={(record) => <Summary record={record} />}
      cancel={<a href={creating ? href('cases') : href('case', undefined, id)} onClick={(e) => { if (!creating) { e.preventDefault(); onDone(Number(id)); } }}>Cancel</a>}>
      {text('title', 'Title')}
      <label>Narrative (as the sources tell it)
        <textarea rows={6} value={draft.narrative} {...fields.props('narrative')} onInput={(e) => set({ narrative: (e.target as HTMLTextAreaElement).value })} />
      </label>
      {fields.text('narrative')}
      {!creating && <NarrativePreview preview={preview} error={previewError} changed={saved !== null && draft.narrative !== saved} />}
      {text('jurisdictions', 'Jurisdictions (codes, separated by commas: TX, 48201)')}
      {text('facilityName', 'Facility as the source names it')}

      <fieldset class="event-fields" data-testid="case-sources">
        <legend>Sources</legend>
        {draft.sources.map((s, i) => (
          <div key={i} class="source-fields" role="group" aria-label={`Source ${i + 1}`}>
            <p class="legend">Source {i + 1}</p>
            <label>Key (lower-case letters, digits and hyphens) <input type="text" value={s.key} {...fields.props(`sources[${i}].key`)}
              onInput={(e) => list<Source>('sources', i, { key: (e.target as HTMLInputElement).value })} /></label>
            {fields.text(`sources[${i}].key`)}
            <label>Citation <input type="text" value={s.citation} {...fields.props(`sources[${i}].citation`)}
              onInput={(e) => list<Source>('sources', i, { citation: (e.target as HTMLInputElement).value })} /></label>
            {fields.text(`sources[${i}].citation`)}
            <label>URL <input type="url" value={s.url} {...fields.props(`sources[${i}].url`)}
              onInput={(e) => list<Source>('sources', i, { url: (e.target as HTMLInputElement).value })} /></label>
            {fields.text(`sources[${i}].url`)}
            <label>Published on <input type="date" value={s.publishedOn} {...fields.props(`sources[${i}].publishedOn`)}
              onInput={(e) => list<Source>('sources', i, { publishedOn: (e.target as HTMLInputElement).value })} /></label>
            {fields.text(`sources[${i}].publishedOn`)}
            <label>Quote <textarea rows={2} value={s.quote} onInput={(e) => list<Source>('sources', i, { quote: (e.target as HTMLTextAreaElement).value })} /></label>
            <button type="button" onClick={() => set({ sources: draft.sources.filter((_, j) => j !== i) })}>Remove source {i + 1}</button>
          </div>
        ))}
        {fields.text('sources')}
        <button type="button" onClick={() => set({ sources: [...draft.sources, { key: `source-${draft.sources.length + 1}`, citation: '', url: '', publishedOn: '', quote: '' }] })}>Add a source</button>
      </fieldset>

      <fieldset class="event-fields">
        <legend>How the source frames the case (its words)</legend>
        <label>Framing quote <textarea rows={2} value={draft.framingQuote} {...fields.props('sourceFraming.quote', 'sourceFraming')}
          onInput={(e) => set({ framingQuote: (e.target as HTMLTextAreaElement).value })} /></label>
        {fields.text('sourceFraming.quote', 'sourceFraming')}
        {sourceSelect(draft.framingSource, 'sourceFraming.source', (k) => set({ framingSource: k }), 'Framing source')}
      </fieldset>

      <fieldset class="event-fields" data-testid="case-subject">
        <legend>Subject (only what a source states)</legend>
        {draft.subject.map((d, i) => (
          <div key={i} class="source-fields" role="group" aria-label={`Descriptor ${i + 1}`}>
            <p class="legend">Descriptor {i + 1}</p>
            <label>Kind <select value={d.kind} onChange={(e) => list<Descriptor>('subject', i, { kind: (e.target as HTMLSelectElement).value })}>
              {DESCRIPTOR_KINDS.map((k) => <option key={k} value={k}>{k.toLowerCase()}</option>)}
            </select></label>
            <label>Value <input type="text" value={d.value} {...fields.props(`subject[${i}].value`)}
              onInput={(e) => list<Descriptor>('subject', i, { value: (e.target as HTMLInputElement).value })} /></label>
            {fields.text(`subject[${i}].value`)}
            <label>Passage that states it <input type="text" value={d.passage} {...fields.props(`subject[${i}].passage`)}
              onInput={(e) => list<Descriptor>('subject', i, { passage: (e.target as HTMLInputElement).value })} /></label>
            {fields.text(`subject[${i}].passage`)}
            {sourceSelect(d.source, `subject[${i}].source`, (k) => list<Descriptor>('subject', i, { source: k }))}
            <button type="button" onClick={() => set({ subject: draft.subject.filter((_, j) => j !== i) })}>Remove descriptor {i + 1}</button>
          </div>
        ))}
        <button type="button" onClick={() => set({ subject: [...draft.subject, { kind: 'AGE', value: '', source: keys[0] ?? '', passage: '' }] })}>Add a descriptor</button>
      </fieldset>

      <fieldset class="event-fields" data-testid="case-events">
        <legend>Events</legend>
        {draft.events.map((ev, i) => (
          <div key={i} class="source-fields" role="group" aria-label={`Event ${i + 1}`}>
            <p class="legend">Event {i + 1}</p>
            <label>Key <input type="text" value={ev.key} {...fields.props(`events[${i}].key`)}
              onInput={(e) => list<Event>('events', i, { key: (e.target as HTMLInputElement).value })} /></label>
            {fields.text(`events[${i}].key`)}
            <label>Type <select value={ev.type} onChange={(e) => list<Event>('events', i, { type: (e.target as HTMLSelectElement).value })}>
              {EVENT_TYPES.map((t) => <option key={t} value={t}>{t.replaceAll('_', ' ').toLowerCase()}</option>)}
            </select></label>
            <label>Date (empty when the source does not state it) <input type="date" value={ev.date} {...fields.props(`events[${i}].date`)}
              onInput={(e) => list<Event>('events', i, { date: (e.target as HTMLInputElement).value, precision: ev.precision || 'DAY' })} /></label>
            {fields.text(`events[${i}].date`)}
            <label>Precision <select value={ev.precision} {...fields.props(`events[${i}].precision`)}
              onChange={(e) => list<Event>('events', i, { precision: (e.target as HTMLSelectElement).value })}>
              <option value="">none (undated)</option>
              <option value="DAY">day</option>
              <option value="MONTH">month</option>
              <option value="YEAR">year</option>
            </select></label>
            {fields.text(`events[${i}].precision`)}
            <label>Description <input type="text" value={ev.description} {...fields.props(`events[${i}].description`)}
              onInput={(e) => list<Event>('events', i, { description: (e.target as HTMLInputElement).value })} /></label>
            {fields.text(`events[${i}].description`)}
            {sourceSelect(ev.source, `events[${i}].source`, (k) => list<Event>('events', i, { source: k }), 'Event source')}
            <button type="button" onClick={() => set({ events: draft.events.filter((_, j) => j !== i) })}>Remove event {i + 1}</button>
          </div>
        ))}
        <button type="button" onClick={() => set({ events: [...draft.events, { key: `event-${draft.events.length + 1}`, type: 'ARREST', date: '', precision: '', description: '', source: keys[0] ?? '' }] })}>Add an event</button>
      </fieldset>

      <fieldset class="event-fields" data-testid="case-rows">
        <legend>Detainer rows</legend>
        {draft.detainerRows.length === 0 && <p>No detainer row is linked.</p>}
        <ul>
          {draft.detainerRows.map((ref, i) => (
            <li key={ref}>
              <a href={href('detainers', { row: ref, release: ref.split('/')[0] })}>{ref}</a>{' '}
              <button type="button" onClick={() => set({ detainerRows: draft.detainerRows.filter((r) => r !== ref) })}>Unlink row {ref}</button>
              {fields.text(`detainerRows[${i}]`)}
            </li>
          ))}
        </ul>
        <RowPicker linked={draft.detainerRows} onLink={(ref) => set({ detainerRows: [...draft.detainerRows, ref] })} />
      </fieldset>

      {text('policies', 'Policies (keys, separated by commas)')}
      {text('rulings', 'Rulings (keys, separated by commas)')}
      <label class="toggle"><input type="checkbox" checked={draft.verified} onChange={(e) => set({ verified: (e.target as HTMLInputElement).checked })} /> The record is verified against its sources</label>
    </CuratedForm>
  );
}

function describe(field: string, item: unknown): string {
  if (field === 'events') return (item as Event).key;
  if (field === 'sources') return (item as Source).key;
  if (field === 'subject') return `${(item as Descriptor).kind.toLowerCase()} ${(item as Descriptor).value}`;
  return String(item);
}

/** Which annotations a changed narrative keeps, moves or would orphan, before anything is saved. */
function NarrativePreview({ preview, error, changed }: { preview: Preview | null; error: string | null; changed: boolean }) {
  if (!changed) return null;
  const hidden = preview?.unreadable;
  const hiddenTotal = hidden ? hidden.stays + hidden.moves + hidden.orphaned + hidden.reanchored + hidden.stillOrphaned : 0;
  return (
    <section class="narrative-preview" aria-label="What happens to annotations" aria-live="polite" data-testid="narrative-preview">
      <h3>Annotations on the narrative, if you save</h3>
      {error && <p role="alert" class="error">{error}</p>}
      {!preview && !error && <p>Checking the annotations…</p>}
      {preview && preview.passages.length === 0 && hiddenTotal === 0 && <p>No annotation points into this narrative.</p>}
      {preview && preview.passages.length > 0 && (
        <ul>
          {preview.passages.map((p) => (
            <li key={p.annotationId} data-outcome={p.outcome} class={p.outcome === 'ORPHANED' ? 'error' : undefined}>
              “{p.exact}” ({p.author}) {OUTCOME_WORDS[p.outcome]}{p.outcome === 'MOVES' && p.to ? ` (character ${p.from.start} to ${p.to.start})` : ''}
            </li>
          ))}
        </ul>
      )}
      {hidden && hiddenTotal > 0 && (
        <p>Annotations you may not read: {hidden.stays} stay, {hidden.moves} move, {hidden.orphaned} would be orphaned,
          {' '}{hidden.reanchored} are anchored again, {hidden.stillOrphaned} stay orphaned.</p>
      )}
    </section>
  );
}

interface RowPage {
  items: Record<string, unknown>[];
  next: string | null;
}

/** The row browser's filters and rows, a page of 10 at a time, each row linkable to the record. */
function RowPicker({ linked, onLink }: { linked: string[]; onLink: (ref: string) => void }) {
  const [draft, setDraft] = useState<Filters>({});
  const [rows, setRows] = useState<RowPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const find = (cursor?: string) => {
    const query = new URLSearchParams();
    Object.entries(draft).forEach(([name, value]) => value && query.set(name, value));
    query.set('limit', '10');
    if (cursor) query.set('cursor', cursor);
    getJson<RowPage>(`/api/v1/detainers?${query}`).then((page) => { setRows(page); setError(null); }, (e: Error) => setError(e.message));
  };
  return (
    <div class="row-picker" role="group" aria-label="Find detainer rows to link">
      <p class="legend">Find rows to link (the row browser's filters)</p>
      <div class="filters">
        <RowFilterFields draft={draft} setDraft={setDraft} prefix="Row" />
      </div>
      <button type="button" onClick={() => find()}>Find rows</button>
      {error && <p role="alert" class="error">{error}</p>}
      {rows && (rows.items.length === 0 ? <p>No row matches.</p> : (
        <div class="scroll-x" tabIndex={0} role="region" aria-label="Rows found, scrolls sideways">
          <table class="rows" data-testid="row-picker">
            <caption>{rows.items.length} rows</caption>
            <thead><tr><th scope="col">Source (release/sheet/row)</th><th scope="col">Prepare date</th><th scope="col">State</th><th scope="col">Facility as published</th><th scope="col">Outcome</th><th scope="col">Link</th></tr></thead>
            <tbody>
              {rows.items.map((row) => {
                const ref = `${row.releaseId}/${row.sourceSheet}/${row.sourceRow}`;
                return (
                  <tr key={ref}>
                    <td>{ref}</td><td>{String(row.prepareDate ?? '')}</td><td>{String(row.state ?? '')}</td>
                    <td>{String(row.facilityRaw ?? '')}</td><td>{String(row.outcome ?? '')}</td>
                    <td>{linked.includes(ref) ? 'linked' : <button type="button" onClick={() => onLink(ref)}>Link row {ref}</button>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
      {rows?.next && <button type="button" onClick={() => find(rows.next!)}>Next rows</button>}
    </div>
  );
}

function Summary({ record }: { record: Editable }) {
  return (
    <dl>
      <dt>Title</dt><dd>{record.title}</dd>
      <dt>Narrative</dt><dd>{record.narrative}</dd>
      <dt>Events</dt><dd>{record.events.map((e) => `${e.key} (${e.date || 'undated'})`).join(', ') || 'none'}</dd>
      <dt>Sources</dt><dd>{record.sources.map((s) => s.citation || s.key).join('; ')}</dd>
      <dt>Detainer rows</dt><dd>{record.detainerRows.join(', ') || 'none'}</dd>
      <dt>Verified</dt><dd>{record.verified ? 'yes' : 'no'}</dd>
    </dl>
  );
}
