import { href } from '../route';
import { Filters, POLICY_REGIMES, PROVISIONS } from '../stats';
import { useApi } from '../useApi';
import { Place } from '../figures/map';
import { FilterFields } from './explore';
import { mergeFields, splitList } from './curated-form';
import { CuratedForm, useCuratedEditor } from './curated-editor';

/** A claim as GET /api/v1/claims/{id} answers it (what the form reads). */
interface ClaimBody {
  text: string;
  source: { publisher: string; title?: string | null; published?: string | null; url?: string | null; quoted?: string | null };
  claimedValue?: number | null;
  query?: {
    measure: string;
    outcome?: string[] | null;
    from?: string | null;
    to?: string | null;
    fiscalYear?: number[] | null;
    state?: string[] | null;
    county?: string[] | null;
    facility?: string[] | null;
    chargeCategory?: string[] | null;
    provision?: string | null;
    policyRegime?: string[] | null;
    tolerance: { absolute?: number | null; relative?: number | null; orMore?: boolean | null };
  } | null;
  notCheckableReason?: string | null;
  verified: boolean;
}

/**
 * What a curator edits, every field flat, so that a conflict merges field by field. The question's filters are
 * Explore's (one value each; several outcomes, states, counties or facilities are typed with commas).
 */
interface Editable {
  text: string;
  publisher: string;
  title: string;
  published: string;
  url: string;
  quoted: string;
  checkable: boolean;
  measure: string;
  claimedValue: string;
  state: string;
  county: string;
  facility: string;
  outcome: string;
  from: string;
  to: string;
  fiscalYear: string;
  chargeCategory: string;
  provision: string;
  policyRegime: string;
  absolute: string;
  relative: string;
  orMore: boolean;
  notCheckableReason: string;
  verified: boolean;
}

const joined = (values?: (string | number)[] | null) => (values ?? []).join(',');

function editable(c: ClaimBody): Editable {
  const q = c.query;
  return {
    text: c.text, publisher: c.source.publisher, title: c.source.title ?? '', published: c.source.published ?? '',
    url: c.source.url ?? '', quoted: c.source.quoted ?? '', checkable: q != null, measure: q?.measure ?? 'count',
    claimedValue: c.claimedValue == null ? '' : String(c.claimedValue), state: joined(q?.state), county: joined(q?.county),
    facility: joined(q?.facility), outcome: joined(q?.outcome), from: q?.from ?? '', to: q?.to ?? '',
    fiscalYear: joined(q?.fiscalYear), chargeCategory: joined(q?.chargeCategory), absolute: q?.tolerance.absolute == null ? '' : String(q.tolerance.absolute),
    relative: q?.tolerance.relative == null ? '' : String(q.tolerance.relative),
    provision: q?.provision ?? '', policyRegime: joined(q?.policyRegime), orMore: q?.tolerance.orMore === true,
    notCheckableReason: c.notCheckableReason ?? '', verified: c.verified,
  };
}

/**
 * A new claim, pre-filled from a figure's question when Explore's "Claim this figure" opened it: the statistics
 * parameters (state, county, facility, outcome, from, to, fiscalYear, chargeCategory, provision, policyRegime) and the
 * figure's total count as the value.
 */
export function prefilled(params: URLSearchParams): Editable {
  const get = (name: string) => params.get(name) ?? '';
  return {
    text: '', publisher: '', title: '', published: '', url: '', quoted: '', checkable: true,
    measure: 'count', claimedValue: get('value'), state: get('state'),
    county: get('county'), facility: get('facility'), outcome: get('outcome'), from: get('from'), to: get('to'),
    fiscalYear: get('fiscalYear'), chargeCategory: get('chargeCategory'), provision: get('provision'),
    policyRegime: get('policyRegime'), absolute: '', relative: '', orMore: false, notCheckableReason: '', verified: false,
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);
const number = (text: string) => (text.trim() === '' ? null : Number(text));
const listOrNull = (text: string) => (splitList(text).length ? splitList(text) : null);

/** The body the API reads (POST and PUT take the whole claim). */
function body(d: Editable): ClaimBody {
  return {
    text: d.text,
    source: { publisher: d.publisher, title: orNull(d.title), published: orNull(d.published), url: orNull(d.url), quoted: orNull(d.quoted) },
    claimedValue: d.checkable ? number(d.claimedValue) : null,
    query: d.checkable ? {
      measure: d.measure, outcome: listOrNull(d.outcome), from: orNull(d.from), to: orNull(d.to),
      fiscalYear: listOrNull(d.fiscalYear)?.map(Number) ?? null, state: listOrNull(d.state), county: listOrNull(d.county),
      facility: listOrNull(d.facility), chargeCategory: listOrNull(d.chargeCategory), provision: orNull(d.provision),
      policyRegime: listOrNull(d.policyRegime),
      tolerance: { absolute: number(d.absolute), relative: number(d.relative), orMore: d.orMore ? true : null },
    } : null,
    notCheckableReason: d.checkable ? null : orNull(d.notCheckableReason),
    verified: d.verified,
  };
}

/** The API's field of each of the form's fields, so that its 422 errors stand beside the right input. */
const FIELD: Record<string, string> = {
  text: 'text', publisher: 'source.publisher', title: 'source.title', published: 'source.published', url: 'source.url',
  quoted: 'source.quoted', claimedValue: 'claimedValue', measure: 'query.measure', from: 'query.from', to: 'query.to',
  fiscalYear: 'query.fiscalYear', state: 'query.state', county: 'query.county', facility: 'query.facility',
  outcome: 'query.outcome', chargeCategory: 'query.chargeCategory', provision: 'query.provision', policyRegime: 'query.policyRegime',
  absolute: 'query.tolerance.absolute', relative: 'query.tolerance.relative',
  notCheckableReason: 'notCheckableReason',
};

/**
 * Creates a claim (no id) or edits one under If-Match (PUT of the whole claim): its quotation and source, and the
 * question that checks it, built with Explore's own filter controls, or the reason the data cannot check it. A 422
 * stands beside each field; a 412 shows their version beside the merged one, as the policy editor does.
 */
export function ClaimEditor({ id, start, onDone }: { id?: string; start?: Editable; onDone: (id: number) => void }) {
  const creating = id === undefined;
  const states = useApi<Place[]>('/api/v1/jurisdictions?kind=STATE,DISTRICT,TERRITORY');
  const editor = useCuratedEditor({
    what: 'claim',
    collection: '/api/v1/claims',
    path: `/api/v1/claims/${id ?? ''}`,
    start: creating ? start ?? prefilled(new URLSearchParams()) : null,
    form: creating ? 'new-claim' : `claim-${id}`,
    read: editable,
    body,
    write: 'put',
    merge: (base, mine, theirs) => mergeFields(base, mine, theirs, () => ''),
    saved: async (response) => onDone((await response.json()).id),
  });
  if (!editor.ready) return editor.pending;
  const { draft, set, fields } = editor;
  const input = (name: keyof Editable, label: string, type = 'text') => (
    <>
      <label>{label}
        <input type={type} value={draft[name] as string} {...fields.props(FIELD[name])}
          onInput={(e) => set({ [name]: (e.target as HTMLInputElement).value })} />
      </label>
      {fields.text(FIELD[name])}
    </>
  );
  // Explore's controls hold one value each and speak Explore's names; the errors the API gives the claim's
  // query fields are shown beside them.
  const filters: Filters = { state: draft.state, county: draft.county, facility: draft.facility, outcome: draft.outcome, from: draft.from, to: draft.to };
  const filterErrors = Object.fromEntries(['state', 'county', 'facility', 'outcome', 'from', 'to']
    .map((f) => [f, fields.take(`query.${f}`, `query.${f}[0]`)]).filter(([, m]) => m));

  return (
    <CuratedForm editor={editor} label={creating ? 'New claim' : `Edit claim ${id}`} testid="claim-editor" summary={(claim) => <Summary claim={claim} />}
      cancel={<a href={creating ? href('claims') : href('claims', undefined, id)} onClick={(e) => { if (!creating) { e.preventDefault(); onDone(Number(id)); } }}>Cancel</a>}>
      <label>Quotation (the claim exactly as published)
        <textarea value={draft.text} {...fields.props('text')} onInput={(e) => set({ text: (e.target as HTMLTextAreaElement).value })} />
      </label>
      {fields.text('text')}
      <fieldset class="event-fields">
        <legend>Source</legend>
        {input('publisher', 'Publisher')}
        {input('title', 'Title of the piece')}
        {input('published', 'Published (YYYY, YYYY-MM or YYYY-MM-DD)')}
        {input('url', 'URL', 'url')}
        {input('quoted', 'Quoted or attributed to')}
      </fieldset>
      <fieldset class="choices">
        <legend>Can the data check it?</legend>
        <label class="toggle"><input type="radio" name="checkable" checked={draft.checkable} onChange={() => set({ checkable: true })} /> Yes: a question over the detainer data</label>
        <label class="toggle"><input type="radio" name="checkable" checked={!draft.checkable} onChange={() => set({ checkable: false })} /> No: say why</label>
      </fieldset>
      {draft.checkable ? (
        <fieldset class="event-fields" data-testid="claim-query">
          <legend>The question (Explore's filters)</legend>
          <div class="filters">
            <FilterFields draft={filters} onChange={(f) => set({ state: f.state ?? '', county: f.county ?? '', facility: f.facility ?? '', outcome: f.outcome ?? '', from: f.from ?? '', to: f.to ?? '' })}
              releases={null} states={states.data ?? []} errors={filterErrors} prefix={`${fields.form}-filter`} />
          </div>
          {input('fiscalYear', 'Fiscal years instead of dates (e.g. 2017,2018)')}
          {input('chargeCategory', 'Charge categories of the most serious charge (e.g. homicide; see the data dictionary)')}
          <label>Policy provision (the policies in force at each detainer's place decide its regime)
            <select value={draft.provision} {...fields.props('query.provision')} onChange={(e) => set({ provision: (e.target as HTMLSelectElement).value })}>
              <option value="">none</option>
              {PROVISIONS.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </label>
          {fields.text('query.provision')}
          {input('policyRegime', `Policy regimes of that provision (${POLICY_REGIMES.join(', ')})`)}
          <label>Measure
            <select value={draft.measure} {...fields.props('query.measure')} onChange={(e) => set({ measure: (e.target as HTMLSelectElement).value })}>
              <option value="count">count of detainers</option>
              <option value="share">share of the national total (the places' detainers of all)</option>
            </select>
          </label>
          {fields.text('query.measure')}
          {input('claimedValue', draft.measure === 'share' ? 'Claimed value (a fraction: 52% is 0.52)' : 'Claimed value (a count)')}
          {input('absolute', 'Tolerance, absolute')}
          {input('relative', 'Tolerance, relative (0.05 is 5% of the claimed value)')}
          <label class="toggle"><input type="checkbox" checked={draft.orMore} onChange={(e) => set({ orMore: (e.target as HTMLInputElement).checked })} /> The claim says "more than" or "over": any value at or above it is within</label>
          {fields.text('query.tolerance', 'query')}
        </fieldset>
      ) : (
        <>
          <label>Why the data cannot check it
            <textarea value={draft.notCheckableReason} {...fields.props('notCheckableReason')}
              onInput={(e) => set({ notCheckableReason: (e.target as HTMLTextAreaElement).value })} />
          </label>
          {fields.text('notCheckableReason')}
        </>
      )}
      <label class="toggle"><input type="checkbox" checked={draft.verified} onChange={(e) => set({ verified: (e.target as HTMLInputElement).checked })} /> The quotation is verified against the source</label>
    </CuratedForm>
  );
}

function Summary({ claim }: { claim: Editable }) {
  return (
    <dl>
      <dt>Quotation</dt><dd>{claim.text}</dd>
      <dt>Source</dt><dd>{[claim.publisher, claim.title, claim.published].filter(Boolean).join(', ')}</dd>
      <dt>Question</dt><dd>{claim.checkable
        ? `${claim.measure} = ${claim.claimedValue || '?'} with ${['state', 'county', 'facility', 'outcome', 'from', 'to', 'fiscalYear', 'chargeCategory', 'provision', 'policyRegime']
          .filter((f) => claim[f as keyof Editable]).map((f) => `${f} ${claim[f as keyof Editable]}`).join(', ') || 'no filter'}`
        : `not checkable: ${claim.notCheckableReason}`}</dd>
      <dt>Verified</dt><dd>{claim.verified ? 'yes' : 'no'}</dd>
    </dl>
  );
}
