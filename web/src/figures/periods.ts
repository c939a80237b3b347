import { Filters, ReleaseRef, StatsRow } from '../stats';

/** One month or fiscal year on a continuous time axis, with what the loaded releases say about it. */
export interface Period {
  key: string;
  row?: StatsRow;
  /** Some release covers part of this period (or the answer has a row for it): an empty one counts as zero. */
  covered: boolean;
  /** Covered, but only in part: by the releases' coverage or by the From and To filters. */
  partial: boolean;
}

export type PeriodKind = 'month' | 'fiscalYear';

const DAY = 86_400_000;

function day(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10) || '1')) / DAY;
}

/** The period a date falls in: "2015-07", or the fiscal year (October to September, named by its end year). */
export function periodOf(date: string, kind: PeriodKind): string {
  if (kind === 'month') return date.slice(0, 7);
  const year = Number(date.slice(0, 4));
  return String(Number(date.slice(5, 7)) >= 10 ? year + 1 : year);
}

/** First and last day (day numbers since 1970) of a period. */
function bounds(key: string, kind: PeriodKind): [number, number] {
  if (kind === 'fiscalYear') {
    const year = Number(key);
    return [Date.UTC(year - 1, 9, 1) / DAY, Date.UTC(year, 8, 30) / DAY];
  }
  const year = Number(key.slice(0, 4));
  const month = Number(key.slice(5, 7));
  return [Date.UTC(year, month - 1, 1) / DAY, Date.UTC(year, month, 0) / DAY];
}

function next(key: string, kind: PeriodKind): string {
  if (kind === 'fiscalYear') return String(Number(key) + 1);
  const year = Number(key.slice(0, 4));
  const month = Number(key.slice(5, 7));
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/**
 * Every period from the first to the last that the answer's rows or its releases' coverage reach (inside From and
 * To), so that the axis never jumps: a period a release covers but no row names had no detainers; a period no
 * release covers is a gap, not a zero.
 */
export function continuousPeriods(rows: StatsRow[], releases: ReleaseRef[], kind: PeriodKind, filters: Filters): Period[] {
  const byKey = new Map(rows.filter((r) => r.group[kind] != null).map((r) => [String(r.group[kind]), r]));
  const lower = filters.from ? day(filters.from) : -Infinity;
  const upper = filters.to ? day(filters.to) : Infinity;
  const coverage = releases
    .filter((r) => r.coverageFrom && r.coverageTo)
    .map((r) => [Math.max(day(r.coverageFrom!), lower), Math.min(day(r.coverageTo!), upper)] as [number, number])
    .filter(([from, to]) => from <= to);
  const keys = [...byKey.keys()];
  for (const [from, to] of coverage) {
    keys.push(periodOf(iso(from), kind), periodOf(iso(to), kind));
  }
  if (keys.length === 0) return [];
  keys.sort(compareKeys);
  const periods: Period[] = [];
  // A century of months at most: a coverage date typed wrong must not hang the page.
  for (let key = keys[0]; compareKeys(key, keys[keys.length - 1]) <= 0 && periods.length < 1200; key = next(key, kind)) {
    const [first, last] = bounds(key, kind);
    const from = Math.max(first, lower);
    const to = Math.min(last, upper);
    const covered = coveredDays(coverage, from, to);
    const row = byKey.get(key);
    periods.push({
      key,
      row,
      covered: covered > 0 || row != null,
      // Without coverage dates for a row's period there is nothing to say it is partial.
      partial: (covered > 0 || row != null) && (from > first || to < last || (covered > 0 && covered < to - from + 1)),
    });
  }
  return periods;
}

function compareKeys(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

function iso(dayNumber: number): string {
  return new Date(dayNumber * DAY).toISOString().slice(0, 10);
}

/** Days of [from, to] inside the union of the ranges. */
function coveredDays(ranges: [number, number][], from: number, to: number): number {
  const inside = ranges
    .map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as [number, number])
    .filter(([a, b]) => a <= b)
    .sort((x, y) => x[0] - y[0]);
  let days = 0;
  let end = -Infinity;
  for (const [a, b] of inside) {
    const start = Math.max(a, end + 1);
    if (b >= start) days += b - start + 1;
    end = Math.max(end, b);
  }
  return days;
}
