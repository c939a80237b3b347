import { useState } from 'preact/hooks';
import { Scroll } from './scroll';
import { countsBehind, formatValue, StatsAnswer, valueOf, Filters } from '../stats';

interface Props {
  answer: StatsAnswer;
  percent: boolean;
  filters: Filters;
  onPick: (facility: string) => void;
}

type SortKey = 'facility' | 'value';
const SHOWN = 25;

/** Facilities with their detainers, sortable by name or value; picking one filters the whole page to it. */
export function FacilityTable({ answer, percent, filters, onPick }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'value', ascending: false });
  const [all, setAll] = useState(false);
  const rows = answer.rows.map((r) => ({
    name: r.group.facility == null ? null : String(r.group.facility),
    value: valueOf(r, percent, filters),
    counts: countsBehind(r, percent, filters, answer.total),
  }));
  rows.sort((a, b) => {
    const order = sort.key === 'facility'
      ? byCodePoint(a.name ?? '\uffff', b.name ?? '\uffff')
      : (a.value ?? -1) - (b.value ?? -1);
    return sort.ascending ? order : -order;
  });
  const shown = all ? rows : rows.slice(0, SHOWN);
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
      <button type="button" class="sort" onClick={() => setSort({ key, ascending: sort.key === key ? !sort.ascending : key === 'facility' })}>
        {label} <span aria-hidden="true">{sort.key === key ? (sort.ascending ? '▲' : '▼') : '↕'}</span>
      </button>
    </th>
  );
  if (rows.length === 0) return <p class="empty">No facility has detainers under these filters.</p>;
  return (
    <>
      <Scroll label="Table: detainers by facility">
        <table class="data" data-testid="facility-table">
          <thead><tr>{header('facility', 'Facility')}{header('value', percent ? 'Percent' : 'Detainers')}{percent && <th scope="col">Counts</th>}</tr></thead>
          <tbody>
            {shown.map((r, i) => (
              <tr key={`${r.name}-${i}`}>
                <td>{r.name == null ? <em>not stated</em> : <button type="button" class="link" onClick={() => onPick(r.name!)}>{r.name}</button>}</td>
                <td class="num">{formatValue(r.value, percent)}</td>
                {percent && <td class="num counts">{r.counts ?? 'withheld'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      {rows.length > SHOWN && !all && <button type="button" onClick={() => setAll(true)}>Show all {rows.length.toLocaleString('en-US')} facilities</button>}
    </>
  );
}

/** Names as published are upper-case ASCII; plain code-point order keeps punctuation where a reader expects it. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
