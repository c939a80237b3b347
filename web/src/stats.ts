/** The answers of GET /api/v1/stats/detainers, and the explore page's filters that make its query. */
export interface ReleaseRef {
  id: number;
  title: string;
  fileName: string;
  sha256: string;
  coverageFrom?: string;
  coverageTo?: string;
  rowsLoaded: number;
}

export interface Provenance {
  releases: ReleaseRef[];
  query: string;
  source: string;
  applicationVersion: string;
  computedAt: string;
  dataGeneration: number;
  notes: string[];
}

export interface StatsRow {
  group: Record<string, string | number | null>;
  count: number | null;
  suppressed?: boolean;
  groupTotal?: number;
  shareWithinGroup?: number | null;
  shareOfTotal?: number | null;
}

export interface StatsAnswer {
  groupBy: string[];
  measure: string;
  rows: StatsRow[];
  total: number | null;
  provenance: Provenance;
}

export const FILTERS = ['release', 'state', 'county', 'facility', 'outcome', 'from', 'to'] as const;
export type Filter = (typeof FILTERS)[number];
/** Filters of the statistics API that Explore has no field for. */
const UNSHOWN_FILTERS = ['detainerType', 'criminality', 'threatLevel', 'gender', 'citizenshipCountry', 'ageBand',
  'notifyRelease', 'mscCharge', 'chargeCategory', 'excludeLikelyDuplicates', 'policyRegime'];
export type Filters = Partial<Record<Filter, string>>;

export const OUTCOMES = ['DECLINED', 'ICE_CUSTODY', 'LIFTED', 'OTHER_CLOSED', 'UNKNOWN'];

export function filtersOf(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

export function statsPath(filters: Filters, groupBy: string, percent: boolean): string {
  const query = new URLSearchParams({ groupBy });
  if (percent) query.set('measure', 'share');
  for (const [name, value] of Object.entries(filters)) {
    if (value) query.set(name, value);
  }
  return `/api/v1/stats/detainers?${query}`;
}

/**
 * The value a figure shows for a row: its count, or in percent mode the outcome's share of the group's detainers
 * when an outcome is chosen, and otherwise the group's share of all detainers counted.
 */
export function valueOf(row: StatsRow, percent: boolean, filters: Filters): number | null {
  if (!percent) return row.count;
  const share = filters.outcome ? row.shareWithinGroup : row.shareOfTotal;
  return share == null ? null : share * 100;
}

export function percentMeaning(filters: Filters): string {
  return filters.outcome ? 'share of each group\'s detainers with the chosen outcome' : 'share of all detainers counted';
}

/**
 * The counts behind a row's percentage, "1,234 of 2,345": the outcome's detainers of the group's when an outcome is
 * chosen, otherwise the group's detainers of all counted. Null when not in percent mode or when withheld.
 */
export function countsBehind(row: StatsRow, percent: boolean, filters: Filters, total: number | null): string | null {
  if (!percent || row.count == null) return null;
  const of = filters.outcome ? row.groupTotal : total;
  return of == null ? null : `${row.count.toLocaleString('en-US')} of ${of.toLocaleString('en-US')}`;
}

/** A row's value as shown in tables and labels: the percentage with its counts beside it. */
export function formatRow(row: StatsRow, percent: boolean, filters: Filters, total: number | null): string {
  const counts = countsBehind(row, percent, filters, total);
  return formatValue(valueOf(row, percent, filters), percent) + (counts ? ` (${counts})` : '');
}

export function formatValue(value: number | null, percent: boolean): string {
  if (value == null) return 'withheld';
  return percent ? `${value.toFixed(1)} %` : value.toLocaleString('en-US');
}

/**
 * The explore view of a statistics query (its filters, period and measure), or null when the view cannot show it:
 * explore has no fiscal-year filter, so fiscal years become dates, which only a run of consecutive years allows.
 */
export function exploreParams(query: URLSearchParams): URLSearchParams | null {
  // a question Explore cannot filter by would open as a different, wider one
  if (UNSHOWN_FILTERS.some((name) => query.has(name))) return null;
  const view = new URLSearchParams();
  for (const name of FILTERS) {
    const values = query.getAll(name).flatMap((v) => v.split(',')).filter(Boolean);
    if (values.length) view.set(name, values.join(','));
  }
  const years = query.getAll('fiscalYear').flatMap((v) => v.split(',')).filter(Boolean).map(Number).sort((a, b) => a - b);
  if (years.length) {
    if (view.has('from') || view.has('to') || years.some((y, i) => Number.isNaN(y) || (i > 0 && y !== years[i - 1] + 1))) return null;
    view.set('from', `${years[0] - 1}-10-01`);
    view.set('to', `${years[years.length - 1]}-09-30`);
  }
  if (query.get('groupBy') === 'fiscalYear') view.set('period', 'fiscalYear');
  if (query.get('measure') === 'share') view.set('measure', 'percent');
  return view;
}

/** The parameters of a normalised statistics query such as "/api/v1/stats/detainers?measure=count&release=1". */
export function queryParams(query: string): URLSearchParams {
  return new URLSearchParams(query.includes('?') ? query.slice(query.indexOf('?') + 1) : query);
}
