import { useEffect, useState } from 'preact/hooks';
import { href, Route } from '../route';
import { useApi } from '../useApi';
import { Filters, filtersOf, FILTERS, formatValue, OUTCOMES, percentMeaning, StatsAnswer, statsPath } from '../stats';
import { Figure } from '../figures/figure';
import { TimeSeries } from '../figures/timeseries';
import { FacilityTable } from '../figures/facilities';
import { ChoroplethMap, Place } from '../figures/map';
import { markersOf, Timeline } from './timeline';

interface Release {
  id: number;
  title: string;
  coverageFrom?: string;
  coverageTo?: string;
}

/** Figures of detainers under one set of filters; everything the view shows is in its URL. */
export function Explore({ route }: { route: Route }) {
  const filters = filtersOf(route.params);
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

  const seriesPath = statsPath(filters, period, percent);
  const mapPath = statsPath(filters, filters.state ? 'county' : 'state', percent);
  const facilityPath = statsPath(filters, 'facility', percent);
  const series = useApi<StatsAnswer>(seriesPath);
  const map = useApi<StatsAnswer>(mapPath);
  const facilities = useApi<StatsAnswer>(facilityPath);
  // Policy events and rulings of the place in view (its state's and the nation's included).
  const place = /^\d{5}$/.test(filters.county ?? '') ? filters.county! : filters.state ?? 'US';
  const events = useApi<Timeline>(`/api/v1/jurisdictions/${encodeURIComponent(place)}/timeline`);

  return (
    <>
      <h1>Explore detainers</h1>
      <FilterForm filters={filters} releases={releases.data ?? []} states={states.data ?? []} onApply={go} />
      <div class="toggles">
        <fieldset>
          <legend>Periods</legend>
          <Toggle name="period" value="month" checked={period === 'month'} label="Months" onPick={() => go({ period: undefined })} />
          <Toggle name="period" value="fiscalYear" checked={period === 'fiscalYear'} label="Fiscal years" onPick={() => go({ period: 'fiscalYear' })} />
        </fieldset>
        <fieldset>
          <legend>Measure</legend>
          <Toggle name="measure" value="count" checked={!percent} label="Count" onPick={() => go({ measure: undefined })} />
          <Toggle name="measure" value="percent" checked={percent} label="Percent" onPick={() => go({ measure: 'percent' })} />
        </fieldset>
      </div>
      {series.data && (
        <p class="headline" role="status">
          <strong data-testid="total">{formatValue(series.data.total, false)}</strong> detainers match these filters
          {percent && <> · percentages are the {percentMeaning(filters)}</>}.
        </p>
      )}
      <div class="figures">
        <Figure id="time-series" title={period === 'month' ? 'Detainers by month' : 'Detainers by fiscal year'} path={seriesPath} answer={series}>
          {series.data && <TimeSeries answer={series.data} period={period} percent={percent} filters={filters} markers={events.data ? markersOf(events.data) : []} />}
        </Figure>
        <Figure id="map" title={filters.state ? `Detainers by county in ${filters.state}` : 'Detainers by state'} path={mapPath} answer={map}>
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
        <Figure id="facilities" title="Detainers by facility" path={facilityPath} answer={facilities}>
          {facilities.data && <FacilityTable answer={facilities.data} percent={percent} filters={filters} onPick={(facility) => go({ facility })} />}
        </Figure>
      </div>
    </>
  );
}

function Toggle({ name, value, checked, label, onPick }: { name: string; value: string; checked: boolean; label: string; onPick: () => void }) {
  return (
    <label class="toggle">
      <input type="radio" name={name} value={value} checked={checked} onChange={onPick} /> {label}
    </label>
  );
}

interface FilterFormProps {
  filters: Filters;
  releases: Release[];
  states: Place[];
  onApply: (changes: Record<string, string | undefined>) => void;
}

function FilterForm({ filters, releases, states, onApply }: FilterFormProps) {
  const [draft, setDraft] = useState<Filters>(filters);
  const key = JSON.stringify(filters);
  useEffect(() => setDraft(filters), [key]);
  const set = (name: keyof Filters) => (e: Event) => setDraft({ ...draft, [name]: (e.target as HTMLInputElement).value });
  const apply = (e: Event) => {
    e.preventDefault();
    onApply(Object.fromEntries(FILTERS.map((f) => [f, draft[f]?.trim() || undefined])));
  };
  const clear = () => onApply(Object.fromEntries(FILTERS.map((f) => [f, undefined])));
  return (
    <form class="filters" onSubmit={apply} aria-label="Filters">
      <label>
        Release
        <select value={draft.release ?? ''} onChange={set('release')}>
          <option value="">The release series (each state and day from one release)</option>
          {releases.map((r) => <option key={r.id} value={String(r.id)}>#{r.id} {r.title}</option>)}
        </select>
      </label>
      <label>
        State
        <select value={draft.state ?? ''} onChange={set('state')}>
          <option value="">All states</option>
          {states.map((s) => <option key={s.code} value={s.code}>{s.name}</option>)}
        </select>
      </label>
      <label>
        County <input type="text" value={draft.county ?? ''} onInput={set('county')} placeholder="FIPS or name, e.g. 06085" />
      </label>
      <label>
        Facility <input type="text" value={draft.facility ?? ''} onInput={set('facility')} placeholder="Name as published" />
      </label>
      <label>
        Outcome
        <select value={draft.outcome ?? ''} onChange={set('outcome')}>
          <option value="">Any outcome</option>
          {OUTCOMES.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
      </label>
      <label>
        From <input type="date" value={draft.from ?? ''} onInput={set('from')} />
      </label>
      <label>
        To <input type="date" value={draft.to ?? ''} onInput={set('to')} />
      </label>
      <div class="actions">
        <button type="submit" class="primary">Apply filters</button>
        <button type="button" onClick={clear}>Clear</button>
      </div>
    </form>
  );
}
