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
  /** With a provision: the policies (and the versions read) that decided the policy regime. */
  policies?: PolicyRef[];
}

export interface PolicyRef {
  id: number;
  key: string;
  title: string;
  version: number;
  jurisdictions: string[];
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
/**
 * The policy dimension (a provision, and the regime under it) and the person and charge dimensions of the modern
 * layouts: Explore filters by them too, the detainer rows and case pages do not.
 */
export const DIMENSION_FILTERS = ['provision', 'policyRegime', 'criminality', 'threatLevel', 'gender', 'ageBand',
  'notifyRelease', 'citizenshipCountry', 'chargeCategory'] as const;
export type DimensionFilter = (typeof DIMENSION_FILTERS)[number];
/** Every filter Explore shows, in the order of its URL. */
export const EXPLORE_FILTERS = [...FILTERS, ...DIMENSION_FILTERS] as const;
/** Filters of the statistics API that Explore has no field for. */
const UNSHOWN_FILTERS = ['detainerType', 'mscCharge', 'excludeLikelyDuplicates'];
export type Filters = Partial<Record<Filter | DimensionFilter, string>>;

export const OUTCOMES = ['DECLINED', 'ICE_CUSTODY', 'LIFTED', 'OTHER_CLOSED', 'UNKNOWN'];

/** The provisions a policy can carry (the API's enum; an unknown one is a 400 that lists them). */
export const PROVISIONS = ['DECLINES_DETAINER_HOLDS', 'LIMITS_RELEASE_NOTICE', 'LIMITS_INFORMATION_SHARING', 'REQUIRES_JUDICIAL_WARRANT',
  'BARS_ICE_JAIL_ACCESS', 'BARS_287G', 'REQUIRES_HONOURING_DETAINERS', 'REQUIRES_INTERVIEW_CONSENT', 'SHARES_FINGERPRINTS_WITH_DHS',
  'NARROWS_DETAINER_ISSUANCE', 'DETAINERS_CARRY_ADMINISTRATIVE_WARRANT', 'LISTS_SANCTUARY_JURISDICTIONS', 'DELEGATED_JAIL_ENFORCEMENT',
  'DELEGATED_FIELD_ENFORCEMENT', 'DELEGATED_WARRANT_SERVICE'];
export const POLICY_REGIMES = ['IN_FORCE', 'NOT_IN_FORCE', 'PLACE_UNKNOWN', 'DATE_UNKNOWN'];
export const AGE_BANDS = ['0-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
/**
 * The charge categories of table charge_category (the NCIC offense groups' headings; see the data dictionary), and
 * unclassified for a code of no listed group.
 */
export const CHARGE_CATEGORIES = ['sovereignty', 'military', 'immigration', 'homicide', 'kidnapping', 'sexual-assault', 'robbery',
  'assault', 'abortion', 'arson', 'extortion', 'burglary', 'larceny', 'stolen-vehicle', 'forgery', 'fraud', 'embezzlement',
  'stolen-property', 'damage-property', 'dangerous-drugs', 'sex-offenses', 'obscenity', 'family-offenses', 'gambling',
  'commercialized-sex', 'liquor', 'obstructing-police', 'flight-escape', 'obstructing-judiciary', 'bribery', 'weapon-offenses',
  'public-peace', 'traffic-offenses', 'health-safety', 'civil-rights', 'invasion-of-privacy', 'smuggling', 'election-laws',
  'antitrust', 'tax-revenue', 'conservation', 'vagrancy', 'crimes-against-person', 'property-crimes', 'morals-decency',
  'public-order', 'unclassified'];

/** The second grouping Explore can compare by, with its name in words; policyRegime needs a provision. */
export const COMPARE_BY: Record<string, string> = {
  policyRegime: 'Policy regime (of the chosen provision)', outcome: 'Outcome', detainerType: 'Detainer type',
  criminality: 'Criminality', threatLevel: 'Threat level', gender: 'Gender', ageBand: 'Age band',
  notifyRelease: 'Notify-release request', chargeCategory: 'Charge category',
};

export function filtersOf(params: URLSearchParams, names: readonly (Filter | DimensionFilter)[] = FILTERS): Filters {
  const filters: Filters = {};
  for (const name of names) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

/**
 * The query of a figure: grouped by {@code groupBy}, and by {@code compareBy} too when one is chosen. The provision
 * only says which policies decide the policy regime, so it goes along only where a regime is read (the API refuses
 * it alone).
 */
export function statsPath(filters: Filters, groupBy: string, percent: boolean, compareBy?: string): string {
  const query = new URLSearchParams({ groupBy: compareBy ? `${groupBy},${compareBy}` : groupBy });
  if (percent) query.set('measure', 'share');
  const readsRegime = Boolean(filters.policyRegime) || compareBy === 'policyRegime';
  for (const [name, value] of Object.entries(filters)) {
    if (value && (name !== 'provision' || readsRegime)) query.set(name, value);
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
  for (const name of EXPLORE_FILTERS) {
    const values = query.getAll(name).flatMap((v) => v.split(',')).filter(Boolean);
    if (values.length) view.set(name, values.join(','));
  }
  const years = query.getAll('fiscalYear').flatMap((v) => v.split(',')).filter(Boolean).map(Number).sort((a, b) => a - b);
  if (years.length) {
    if (view.has('from') || view.has('to') || years.some((y, i) => Number.isNaN(y) || (i > 0 && y !== years[i - 1] + 1))) return null;
    view.set('from', `${years[0] - 1}-10-01`);
    view.set('to', `${years[years.length - 1]}-09-30`);
  }
  const [period, compare] = (query.get('groupBy') ?? '').split(',');
  if (period === 'fiscalYear') view.set('period', 'fiscalYear');
  if (compare) {
    // only a period compared by one of Explore's groupings opens as the view it was saved from
    if ((period !== 'month' && period !== 'fiscalYear') || !(compare in COMPARE_BY)) return null;
    view.set('compare', compare);
  }
  if (query.get('measure') === 'share') view.set('measure', 'percent');
  return view;
}

/** The parameters of a normalised statistics query such as "/api/v1/stats/detainers?measure=count&release=1". */
export function queryParams(query: string): URLSearchParams {
  return new URLSearchParams(query.includes('?') ? query.slice(query.indexOf('?') + 1) : query);
}
