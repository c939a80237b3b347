import { useEffect, useState } from 'preact/hooks';
import { ApiError, Me } from '../api';
import { href, Route } from '../route';
import { useApi } from '../useApi';
import {
  AGE_BANDS, CHARGE_CATEGORIES, COMPARE_BY, DIMENSION_FILTERS, EXPLORE_FILTERS, Filters, filtersOf, formatValue, OUTCOMES,
  percentMeaning, POLICY_REGIMES, PROVISIONS, StatsAnswer, statsPath,
} from '../stats';
import { Figure } from '../figures/figure';
import { TimeSeries } from '../figures/timeseries';
import { CompareSeries } from '../figures/compare';
import { FacilityTable } from '../figures/facilities';
import { ChoroplethMap, Place } from '../figures/map';
import { markersOf, Timeline } from './timeline';
import { useRouteDraft } from '../useRouteDraft';

interface Release {
  id: number;
  title: string;
  coverageFrom?: string;
  coverageTo?: string;
}

/** The dimension filters a claim's question holds (the others would make "Claim this figure" ask a wider question). */
const CLAIM_FILTERS: readonly string[] = ['chargeCategory', 'provision', 'policyRegime'];

/** Figures of detainers under one set of filters; everything the view shows is in its URL. */
export function Explore({ route, me }: { route: Route; me: Me }) {
  const filters = filtersOf(route.params, EXPLORE_FILTERS);
  const compare = route.params.get('compare') ?? undefined;
  const compareBy = compare && compare in COMPARE_BY ? compare : undefined;
  const period = route.params.get('period') === 'fiscalYear' ? 'fiscalYear' : 'month';
  const percent = route.params.get('measure') === 'percent';
  const releases = useApi<Release[]>('/api/v1/releases?kind=DETAINERS');
  const states = useApi<Place[]>('/api/v1/jurisdictions?kind=STATE,DISTRICT,TERRITORY');

  const go = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams(route.params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) params.set(name, value);
      else params.delete(name);
    }
    location.hash = href('explore', params);
  };

  // A view whose own fields contradict each other is not asked for: the form says what is wrong, beside the field.
  const invalid = fieldErrorsOf(filters);
  if (compareBy === 'policyRegime' && !filters.provision) {
    invalid.compare = 'Comparing by policy regime needs a provision: choose one in the filters above.';
  }
  const valid = Object.keys(invalid).length === 0;
  const seriesPath = statsPath(filters, period, percent, compareBy);
  const mapPath = statsPath(filters, filters.state ? 'county' : 'state', percent);
  const facilityPath = statsPath(filters, 'facility', percent);
  const series = useApi<StatsAnswer>(valid ? seriesPath : null);
  const map = useApi<StatsAnswer>(valid ? mapPath : null);
  const facilities = useApi<StatsAnswer>(valid ? facilityPath : null);
  // The API names the query parameter it refused; its message goes beside that field once, not in every figure.
  const refused = [series, map, facilities].map((a) => a.error).find((e): e is ApiError => e instanceof ApiError && e.problem.status === 400);
  const fieldErrors: Partial<Record<string, string>> = valid ? {} : invalid;
  if (refused && refused.problem.parameter && EXPLORE_FILTERS.includes(refused.problem.parameter as never)) {
    fieldErrors[refused.problem.parameter] = refused.problem.detail ?? refused.message;
  }
  const shownBeside = Object.keys(fieldErrors).length > 0;
  // Said once: beside its field, or here above the figures when it concerns no field of the form.
  const refusedElsewhere = refused && !shownBeside ? refused.problem.detail ?? refused.message : null;
  const around = route.params.get('around') ?? undefined;
  // Policy events and rulings of the place in view (its state's and the nation's included).
  const place = /^\d{5}$/.test(filters.county ?? '') ? filters.county! : filters.state ?? 'US';
  const events = useApi<Timeline>(`/api/v1/jurisdictions/${encodeURIComponent(place)}/timeline`);

  // A claim is about detainers under these filters on whatever release it is checked on, so the release is left out;
  // the number it starts with is the figure's total count (every figure of the view counts the same detainers).
  // A claim's question has no field for the person dimensions (charge categories and the policy regime aside):
  // offering to claim such a figure would open a wider question than the one shown, so it is not offered.
  const claimable = DIMENSION_FILTERS.every((name) => CLAIM_FILTERS.includes(name) || !filters[name]);
  const claim = me.roles.includes('curator') && claimable ? (answer: StatsAnswer) => {
    const { release: _release, ...question } = filters;
    return href('claims', { ...question, value: answer.total == null ? undefined : String(answer.total) }, 'new');
  } : undefined;
  return (
    <>
      <h1>Explore detainers</h1>
      <FilterForm filters={filters} releases={releases.data ?? []} states={states.data ?? []} errors={fieldErrors} onApply={go} />
      <div class="toggles">
        <fieldset>
          <legend>Periods</legend>
          <Toggle name="period" value="month" checked={period === 'month'} label="Months" onPick={() => go({ period: undefined })} />
          <Toggle name="period" value="fiscalYear" checked={period === 'fiscalYear'} label="Fiscal years" onPick={() => go({ period: 'fiscalYear' })} />
        </fieldset>
        <div class="field compare-by">
          {/* a label beside the select, not around it: its options name other fields (Outcome, Gender, ...) */}
          <label for="compare-by">Compare by</label>
          <select id="compare-by" value={compareBy ?? ''} onChange={(e) => go({ compare: (e.target as HTMLSelectElement).value || undefined })}
            {...(invalid.compare ? { 'aria-invalid': 'true' as const, 'aria-describedby': 'compare-by-error' } : {})}>
            <option value="">Nothing (one series)</option>
            {Object.entries(COMPARE_BY).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
          {invalid.compare && <span class="error field-error" id="compare-by-error">{invalid.compare}</span>}
          {filters.provision && !filters.policyRegime && compareBy !== 'policyRegime' && (
            <span class="note" data-testid="provision-unused">The provision counts once a policy regime is chosen or the figure is compared by policy regime.</span>
          )}
        </div>
        <fieldset>
          <legend>Measure</legend>
          <Toggle name="measure" value="count" checked={!percent} label="Count" onPick={() => go({ measure: undefined })} />
          <Toggle name="measure" value="percent" checked={percent} label="Percent" onPick={() => go({ measure: 'percent' })} />
        </fieldset>
      </div>
      <p class="headline" role="status">
        {!valid || (refused && shownBeside) ? <>Correct the filters above to see figures.</>
          : refusedElsewhere ? <span class="error">{refusedElsewhere}</span>
          : series.loading ? <span data-testid="loading">Loading the figures for these filters…</span>
          : series.data && (
            <>
              <strong data-testid="total">{formatValue(series.data.total, false)}</strong> detainers match these filters
              {percent && <> · percentages are the {percentMeaning(filters)}, with the counts beside them</>}.
            </>
          )}
      </p>
      <div class="figures">
        <Figure id="time-series" title={`${period === 'month' ? 'Detainers by month' : 'Detainers by fiscal year'}${percent ? ' (percent)' : ''}`}
          path={seriesPath} answer={series} errorShownElsewhere={Boolean(refused) || !valid} claim={claim}>
          {series.data && (compareBy
            ? <CompareSeries answer={series.data} period={period} compareBy={compareBy} percent={percent} filters={filters} />
            : <TimeSeries answer={series.data} period={period} percent={percent} filters={filters}
              markers={events.data ? markersOf(events.data) : []} around={around} onAround={(date) => go({ around: date })} />)}
          {series.data?.provenance.policies && <DecidingPolicies answer={series.data} provision={filters.provision!} />}
        </Figure>
        <Figure id="map" title={`${filters.state ? `Detainers by county in ${filters.state}` : 'Detainers by state'}${percent ? ' (percent)' : ''}`}
          path={mapPath} answer={map} errorShownElsewhere={Boolean(refused) || !valid} claim={claim}>
          {filters.state && (
            <p class="drill">
              <button type="button" onClick={() => go({ state: undefined, county: undefined, facility: undefined })}>Back to the United States</button>
              {filters.county && <button type="button" onClick={() => go({ county: undefined })}>All counties of {filters.state}</button>}
            </p>
          )}
          {map.data && states.data && (
            <ChoroplethMap answer={map.data} percent={percent} filters={filters} states={states.data} state={filters.state}
              onPick={(code) => go(filters.state ? { county: code } : { state: code })} />
          )}
          {filters.state && !filters.county && map.data && map.data.rows.every((r) => r.group.county == null) && (
            <p class="note">No detainer here is at a facility with a recorded county yet; the facility table below still drills down.</p>
          )}
        </Figure>
        <Figure id="facilities" title={`Detainers by facility${percent ? ' (percent)' : ''}`} path={facilityPath} answer={facilities}
          chart={false} errorShownElsewhere={Boolean(refused) || !valid} claim={claim}>
          {facilities.data && <FacilityTable answer={facilities.data} percent={percent} filters={filters} onPick={(facility) => go({ facility })} />}
        </Figure>
      </div>
    </>
  );
}

/**
 * The policies that decided each detainer's policy regime, as the answer's provenance names them (with the version
 * read), each linking to the timeline of the first place it applies to.
 */
function DecidingPolicies({ answer, provision }: { answer: StatsAnswer; provision: string }) {
  const policies = answer.provenance.policies ?? [];
  return (
    <div class="deciding-policies" data-testid="deciding-policies">
      <h3>Policies that decided the regime ({provision})</h3>
      {policies.length === 0 ? <p class="note">No policy with this provision applies to the detainers counted: all are NOT_IN_FORCE or have no known place or date.</p> : (
        <ul>
          {policies.map((p) => (
            <li key={p.key} data-policy={p.key}>
              <a href={href('timeline', { policy: p.key }, p.jurisdictions[0] ?? 'US')}>{p.title}</a> ({p.jurisdictions.join(', ') || 'US'}, version {p.version})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Toggle({ name, value, checked, label, onPick }: { name: string; value: string; checked: boolean; label: string; onPick: () => void }) {
  return (
    <label class="toggle">
      <input type="radio" name={name} value={value} checked={checked} onChange={onPick} /> {label}
    </label>
  );
}

/** What is wrong with the filters themselves, by field, in words. */
function fieldErrorsOf(filters: Filters): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.to = `To (${filters.to}) is before From (${filters.from}): choose a To date on or after the From date.`;
  }
  if (filters.policyRegime && !filters.provision) {
    errors.policyRegime = 'A policy regime is counted under a provision: choose the provision too.';
  }
  return errors;
}

interface FilterFormProps {
  filters: Filters;
  releases: Release[];
  states: Place[];
  errors: Partial<Record<string, string>>;
  onApply: (changes: Record<string, string | undefined>) => void;
}

function FilterForm({ filters, releases, states, errors: applied, onApply }: FilterFormProps) {
  const [errors, setErrors] = useState(applied);
  const key = JSON.stringify(filters);
  const appliedKey = JSON.stringify(applied);
  const [draft, setDraft] = useRouteDraft<Filters>(filters, key);
  useEffect(() => setErrors(applied), [appliedKey]);
  const apply = (e: Event) => {
    e.preventDefault();
    const next: Filters = Object.fromEntries(EXPLORE_FILTERS.map((f) => [f, draft[f]?.trim() || undefined]));
    const wrong = fieldErrorsOf(next);
    setErrors(wrong);
    if (Object.keys(wrong).length > 0) {
      document.getElementById(`filter-${Object.keys(wrong)[0]}`)?.focus();
      return;
    }
    onApply(next);
  };
  const clear = () => onApply(Object.fromEntries(EXPLORE_FILTERS.map((f) => [f, undefined])));
  return (
    <form class="filters" onSubmit={apply} aria-label="Filters">
      <FilterFields draft={draft} onChange={setDraft} releases={releases} states={states} errors={errors} dimensions />
      <div class="actions">
        <button type="submit" class="primary">Apply filters</button>
        <button type="button" onClick={clear}>Clear</button>
      </div>
    </form>
  );
}

interface FilterFieldsProps {
  draft: Filters;
  onChange: (draft: Filters) => void;
  /** Null leaves the release out (a claim is checked on any release, so it names none). */
  releases: Release[] | null;
  states: Place[];
  errors: Partial<Record<string, string>>;
  /** Ids of the inputs, their errors and their lists start with this, so that two forms on a page never share one. */
  prefix?: string;
  /** Also the policy dimension and the person and charge dimensions (Explore's own form). */
  dimensions?: boolean;
}

/**
 * Explore's filter controls (release, state, county and facility by name, outcome, dates) without a form of their
 * own, so that any form that builds a statistics question (a claim's, for one) uses the very same controls.
 */
export function FilterFields({ draft, onChange, releases, states, errors, prefix = 'filter', dimensions = false }: FilterFieldsProps) {
  const set = (name: keyof Filters) => (e: Event) => onChange({ ...draft, [name]: (e.target as HTMLInputElement).value });
  // Autocomplete by name: counties (the filter takes their FIPS code) and facility names as published, most
  // detainers first, both asked for once two letters are typed.
  const countyWords = (draft.county ?? '').trim();
  const facilityWords = (draft.facility ?? '').trim();
  const counties = useApi<Place[]>(countyWords.length >= 2 && !/^\d{5}$/.test(countyWords)
    ? `/api/v1/jurisdictions?kind=COUNTY&q=${encodeURIComponent(countyWords)}` : null);
  const facilityNames = useApi<{ name: string; stateCode: string | null; detainers: number }[]>(facilityWords.length >= 2
    ? `/api/v1/facilities/seen?limit=20&q=${encodeURIComponent(facilityWords)}${draft.state ? `&state=${encodeURIComponent(draft.state)}` : ''}` : null);
  const described = (name: string) => (errors[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${prefix}-${name}-error` } : {});
  const error = (name: string) => errors[name] && <span class="error field-error" id={`${prefix}-${name}-error`}>{errors[name]}</span>;
  const lists = prefix === 'filter' ? '' : `${prefix}-`;
  return (
    <>
      {releases && (
        <div class="field">
          <label>
            Release
            <select id={`${prefix}-release`} value={draft.release ?? ''} onChange={set('release')} {...described('release')}>
              <option value="">The release series (each state and day from one release)</option>
              {releases.map((r) => <option key={r.id} value={String(r.id)}>#{r.id} {r.title}</option>)}
            </select>
          </label>
          {error('release')}
        </div>
      )}
      <div class="field">
        <label>
          State
          <select id={`${prefix}-state`} value={draft.state ?? ''} onChange={set('state')} {...described('state')}>
            <option value="">All states</option>
            {states.map((s) => <option key={s.code} value={s.code}>{s.name}</option>)}
          </select>
        </label>
        {error('state')}
      </div>
      <div class="field">
        <label>
          County <input id={`${prefix}-county`} type="text" list={`${lists}county-options`} autocomplete="off" value={draft.county ?? ''} onInput={set('county')} placeholder="Name or FIPS, e.g. Santa Clara" {...described('county')} />
          <datalist id={`${lists}county-options`} data-testid={`${lists}county-options`}>
            {(counties.data ?? []).slice(0, 20).map((c) => <option key={c.code} value={c.code} label={c.name} />)}
          </datalist>
        </label>
        {error('county')}
      </div>
      <div class="field">
        <label>
          Facility <input id={`${prefix}-facility`} type="text" list={`${lists}facility-options`} autocomplete="off" value={draft.facility ?? ''} onInput={set('facility')} placeholder="Name as published" {...described('facility')} />
          <datalist id={`${lists}facility-options`} data-testid={`${lists}facility-options`}>
            {(facilityNames.data ?? []).map((f) => (
              <option key={`${f.name}-${f.stateCode}`} value={f.name} label={`${f.stateCode ?? 'no state'} · ${f.detainers.toLocaleString('en-US')} detainers`} />
            ))}
          </datalist>
        </label>
        {error('facility')}
      </div>
      <div class="field">
        <label>
          Outcome
          <select id={`${prefix}-outcome`} value={draft.outcome ?? ''} onChange={set('outcome')} {...described('outcome')}>
            <option value="">Any outcome</option>
            {OUTCOMES.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </label>
        {error('outcome')}
      </div>
      <div class="field">
        <label>
          From <input id={`${prefix}-from`} type="date" value={draft.from ?? ''} onInput={set('from')} {...described('from')} />
        </label>
        {error('from')}
      </div>
      <div class="field">
        <label>
          To <input id={`${prefix}-to`} type="date" value={draft.to ?? ''} onInput={set('to')} {...described('to')} />
        </label>
        {error('to')}
      </div>
      {dimensions && <DimensionFields draft={draft} onChange={onChange} errors={errors} prefix={prefix} />}
    </>
  );
}

/** A select of published values, "any" first; the values are shown as written unless a label is given. */
function Choice({ name, label, any, values, draft, onChange, errors, prefix }: {
  name: keyof Filters; label: string; any: string; values: string[] | Record<string, string>;
  draft: Filters; onChange: (draft: Filters) => void; errors: Partial<Record<string, string>>; prefix: string;
}) {
  const options = Array.isArray(values) ? values.map((v) => [v, v]) : Object.entries(values);
  return (
    <div class="field">
      <label>
        {label}
        <select id={`${prefix}-${name}`} value={draft[name] ?? ''} onChange={(e) => onChange({ ...draft, [name]: (e.target as HTMLSelectElement).value })}
          {...(errors[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${prefix}-${name}-error` } : {})}>
          <option value="">{any}</option>
          {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
        </select>
      </label>
      {errors[name] && <span class="error field-error" id={`${prefix}-${name}-error`}>{errors[name]}</span>}
    </div>
  );
}

/**
 * The policy dimension (a provision, and the regime it puts each detainer in) and the person and charge dimensions
 * of the modern layouts, whose rows alone have them.
 */
function DimensionFields({ draft, onChange, errors, prefix }: { draft: Filters; onChange: (draft: Filters) => void; errors: Partial<Record<string, string>>; prefix: string }) {
  const common = { draft, onChange, errors, prefix };
  const words = (value: string) => value.toLowerCase().replace(/_/g, ' ');
  return (
    <>
      <Choice name="provision" label="Policy provision" any="No provision" values={Object.fromEntries(PROVISIONS.map((p) => [p, words(p)]))} {...common} />
      <Choice name="policyRegime" label="Policy regime" any="Any regime" values={POLICY_REGIMES} {...common} />
      <Choice name="criminality" label="Criminality" any="Any criminality" values={['1 Convicted Criminal', '2 Pending Criminal Charges', '3 Other Immigration Violator']} {...common} />
      <Choice name="threatLevel" label="Threat level" any="Any threat level" values={['1', '2', '3']} {...common} />
      <Choice name="gender" label="Gender" any="Any gender" values={['Male', 'Female']} {...common} />
      <Choice name="ageBand" label="Age band" any="Any age" values={AGE_BANDS} {...common} />
      <Choice name="notifyRelease" label="Notify-release request" any="Either" values={{ true: 'yes', false: 'no' }} {...common} />
      <Choice name="chargeCategory" label="Charge category" any="Any charge" values={CHARGE_CATEGORIES} {...common} />
      <div class="field">
        <label>
          Citizenship country <input id={`${prefix}-citizenshipCountry`} type="text" value={draft.citizenshipCountry ?? ''} placeholder="As published, e.g. MEXICO"
            onInput={(e) => onChange({ ...draft, citizenshipCountry: (e.target as HTMLInputElement).value })}
            {...(errors.citizenshipCountry ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${prefix}-citizenshipCountry-error` } : {})} />
        </label>
        {errors.citizenshipCountry && <span class="error field-error" id={`${prefix}-citizenshipCountry-error`}>{errors.citizenshipCountry}</span>}
      </div>
    </>
  );
}
