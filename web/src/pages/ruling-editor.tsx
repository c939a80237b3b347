import { useState } from 'preact/hooks';
import { useApi } from '../useApi';
import type { Verification } from './verification';
import { shown, words } from './policy-editor';
import { Clash, filled, mergeFields, SourceFields, SourceRef, splitList } from './curated-form';
import { CuratedForm, useCuratedEditor } from './curated-editor';

interface Link {
  relation: string;
  ruling: string;
}

export interface RulingDetail {
  key: string;
  court: string;
  courtName: string;
  caseName: string;
  docket?: string | null;
  citation?: string | null;
  decidedOn: string;
  precision: string;
  disposition?: string | null;
  holding?: string | null;
  note?: string | null;
  reviews: Link[];
  subsequentHistory: Link[];
  policies: string[];
  jurisdictions: string[];
  sources: SourceRef[];
  verification?: Verification;
  version: number;
}

interface Court {
  key: string;
  name: string;
}

/** What a curator edits of a ruling; policies and jurisdictions are typed as keys and codes with commas. */
interface Editable {
  key: string;
  court: string;
  caseName: string;
  docket: string;
  citation: string;
  decidedOn: string;
  precision: string;
  disposition: string;
  holding: string;
  note: string;
  reviews: Link[];
  policies: string;
  jurisdictions: string;
  sources: SourceRef[];
}

const RELATIONS = ['AFFIRMED', 'AFFIRMED_IN_PART', 'REVERSED', 'REVERSED_IN_PART', 'VACATED', 'VACATED_IN_PART', 'REMANDED', 'CERTIORARI_DENIED'];

function editable(r: RulingDetail): Editable {
  return {
    key: r.key, court: r.court, caseName: r.caseName, docket: r.docket ?? '', citation: r.citation ?? '',
    decidedOn: r.decidedOn ?? '', precision: r.precision ?? 'DAY', disposition: r.disposition ?? '',
    holding: r.holding ?? '', note: r.note ?? '', reviews: r.reviews.map((l) => ({ relation: l.relation, ruling: l.ruling })),
    policies: r.policies.join(', '), jurisdictions: r.jurisdictions.join(', '),
    sources: r.sources.map((s) => ({ citation: s.citation, url: s.url ?? null, quote: s.quote ?? null })),
  };
}

const EMPTY: Editable = {
  key: '', court: '', caseName: '', docket: '', citation: '', decidedOn: '', precision: 'DAY', disposition: '', holding: '',
  note: '', reviews: [], policies: '', jurisdictions: '', sources: [{ citation: '', url: null, quote: null }],
};

const orNull = (text: string) => (text.trim() ? text : null);

function body(draft: Editable) {
  return {
    key: draft.key.trim(), court: draft.court || null, caseName: draft.caseName, docket: orNull(draft.docket),
    citation: orNull(draft.citation), decidedOn: draft.decidedOn ? shown(draft.decidedOn, draft.precision) : null,
    precision: draft.precision, disposition: orNull(draft.disposition), holding: orNull(draft.holding), note: orNull(draft.note),
    reviews: draft.reviews, policies: splitList(draft.policies), jurisdictions: splitList(draft.jurisdictions),
    sources: filled(draft.sources),
  };
}

function merge(base: Editable, mine: Editable, theirs: Editable): { merged: Editable; clashes: Clash[] } {
  return mergeFields(base, mine, theirs, (field, item) => (field === 'reviews'
    ? `${words((item as Link).relation)} ${(item as Link).ruling}` : (item as SourceRef).citation));
}

/**
 * Creates a ruling (no rulingKey; jurisdictions and policies may be given to start with), or edits one under
 * If-Match: court, case name, docket, citation, decision date with its precision, disposition, holding, note, what it
 * did to earlier rulings (its subsequent history is written on the later ruling, and shown here), the policies and
 * places it affects, and its sources. Errors, conflicts and deleting as in the policy editor.
 */
export function RulingEditor({ rulingKey, jurisdictions, policies, onDone }: {
  rulingKey?: string;
  jurisdictions?: string[];
  policies?: string[];
  onDone: () => void;
}) {
  const creating = rulingKey === undefined;
  const start = creating ? { ...EMPTY, jurisdictions: (jurisdictions ?? []).join(', '), policies: (policies ?? []).join(', ') } : null;
  const courts = useApi<Court[]>('/api/v1/rulings/courts');
  const [later, setLater] = useState<Link[]>([]);
  const editor = useCuratedEditor({
    what: 'ruling',
    collection: '/api/v1/rulings',
    path: `/api/v1/rulings/${encodeURIComponent(rulingKey ?? '')}`,
    start,
    form: creating ? 'new-ruling' : `ruling-${rulingKey}`,
    read: editable,
    loaded: (ruling: RulingDetail) => setLater(ruling.subsequentHistory),
    body,
    write: 'merge-patch',
    merge,
    saved: onDone,
    deleted: onDone,
  });
  if (!editor.ready) return editor.pending;
  const { base, draft, set, fields } = editor;

  const text = (field: keyof Editable, label: string, multiline = false) => (
    <>
      <label>{label}
        {multiline
          ? <textarea value={draft[field] as string} {...fields.props(field)} onInput={(e) => set({ [field]: (e.target as HTMLTextAreaElement).value })} />
          : <input type="text" value={draft[field] as string} {...fields.props(field)} onInput={(e) => set({ [field]: (e.target as HTMLInputElement).value })} />}
      </label>
      {fields.text(field)}
    </>
  );
  const setReview = (index: number, change: Partial<Link>) => set({ reviews: draft.reviews.map((r, i) => (i === index ? { ...r, ...change } : r)) });

  return (
    <CuratedForm editor={editor} label={creating ? 'New ruling' : `Edit ${base.caseName}`} testid="ruling-editor"
      summary={(ruling) => <Summary ruling={ruling} />} cancel={<button type="button" onClick={onDone}>Cancel</button>}
      remove={`Delete the ruling “${base.caseName}”? Its history stays readable.`}>
      {creating && text('key', 'Key (lower-case letters, digits and hyphens; permanent)')}
      <label>Court
        <select value={draft.court} {...fields.props('court')} onChange={(e) => set({ court: (e.target as HTMLSelectElement).value })}>
          <option value="">(choose)</option>
          {(courts.data ?? []).map((c) => <option key={c.key} value={c.key}>{c.name} ({c.key})</option>)}
        </select>
      </label>
      {fields.text('court')}
      {text('caseName', 'Case name')}
      {text('docket', 'Docket')}
      {text('citation', 'Citation of the decision')}
      <label>Decided on
        <input type="text" value={draft.decidedOn ? shown(draft.decidedOn, draft.precision) : ''} placeholder="YYYY-MM-DD, YYYY-MM or YYYY"
          {...fields.props('decidedOn', 'precision')} onInput={(e) => {
            const value = (e.target as HTMLInputElement).value;
            set({ decidedOn: value, precision: value.length === 4 ? 'YEAR' : value.length === 7 ? 'MONTH' : 'DAY' });
          }} />
      </label>
      {fields.text('decidedOn', 'precision')}
      <label>Precision
        <select value={draft.precision} onChange={(e) => {
          const precision = (e.target as HTMLSelectElement).value;
          set({ precision, decidedOn: draft.decidedOn ? shown(draft.decidedOn, precision) : '' });
        }}>
          {['DAY', 'MONTH', 'YEAR'].map((p) => <option key={p} value={p}>{p.toLowerCase()}</option>)}
        </select>
      </label>
      {text('disposition', 'Disposition')}
      {text('holding', 'Holding', true)}
      {text('note', 'Note')}
      <fieldset class="event-fields">
        <legend>What it did to earlier rulings</legend>
        {draft.reviews.map((r, i) => (
          <div key={i} class="review">
            <label>Relation {i + 1}
              <select value={r.relation} {...fields.props(`reviews[${i}].relation`)} onChange={(e) => setReview(i, { relation: (e.target as HTMLSelectElement).value })}>
                {RELATIONS.map((rel) => <option key={rel} value={rel}>{words(rel)}</option>)}
              </select>
            </label>
            {fields.text(`reviews[${i}].relation`)}
            <label>Earlier ruling {i + 1} (key)
              <input type="text" value={r.ruling} {...fields.props(`reviews[${i}].ruling`)} onInput={(e) => setReview(i, { ruling: (e.target as HTMLInputElement).value })} />
            </label>
            {fields.text(`reviews[${i}].ruling`)}
            <button type="button" onClick={() => set({ reviews: draft.reviews.filter((_, j) => j !== i) })}>Remove review {i + 1}</button>
          </div>
        ))}
        <button type="button" onClick={() => set({ reviews: [...draft.reviews, { relation: 'AFFIRMED', ruling: '' }] })}>Add a review of an earlier ruling</button>
      </fieldset>
      {!creating && (
        <p class="verification" data-testid="subsequent-history">Subsequent history (written on the later ruling): {later.length
          ? later.map((l) => `${words(l.relation)} by ${l.ruling}`).join('; ') : 'none curated'}</p>
      )}
      <label>Policies it affects (keys, separated by commas)
        <input type="text" value={draft.policies} {...fields.props('policies', ...splitList(draft.policies).map((_, i) => `policies[${i}]`))}
          onInput={(e) => set({ policies: (e.target as HTMLInputElement).value })} />
      </label>
      {fields.text('policies', ...splitList(draft.policies).map((_, i) => `policies[${i}]`))}
      <label>Places it affects (codes, separated by commas)
        <input type="text" value={draft.jurisdictions} {...fields.props('jurisdictions', ...splitList(draft.jurisdictions).map((_, i) => `jurisdictions[${i}]`))}
          onInput={(e) => set({ jurisdictions: (e.target as HTMLInputElement).value })} />
      </label>
      {fields.text('jurisdictions', ...splitList(draft.jurisdictions).map((_, i) => `jurisdictions[${i}]`))}
      <SourceFields sources={draft.sources} onChange={(sources) => set({ sources })} errors={fields} field="sources" />
    </CuratedForm>
  );
}

function Summary({ ruling }: { ruling: Editable }) {
  return (
    <dl>
      <dt>Case</dt><dd>{ruling.caseName} ({ruling.court}{ruling.decidedOn ? `, ${shown(ruling.decidedOn, ruling.precision)}` : ''})</dd>
      <dt>Docket</dt><dd>{ruling.docket || '(none)'}</dd>
      <dt>Disposition</dt><dd>{ruling.disposition || '(none)'}</dd>
      <dt>Holding</dt><dd>{ruling.holding || '(none)'}</dd>
      <dt>Policies</dt><dd>{ruling.policies || '(none)'}</dd>
      <dt>Places</dt><dd>{ruling.jurisdictions || '(none)'}</dd>
      <dt>Sources</dt><dd><ul>{ruling.sources.map((s, i) => <li key={i}>{s.citation}</li>)}</ul></dd>
    </dl>
  );
}
