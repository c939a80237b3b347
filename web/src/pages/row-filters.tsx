import { FILTERS, Filters, OUTCOMES } from '../stats';

/**
 * The row browser's filter fields (release, state, county, facility, outcome, prepare-date range), shared by the
 * row browser and the case editor's row picker; {@code prefix} keeps the labels unique where other fields share the
 * page ("Row state" beside a record's own fields).
 */
export function RowFilterFields({ draft, setDraft, prefix }: { draft: Filters; setDraft: (next: Filters) => void; prefix?: string }) {
  const labelOf = (name: string) => {
    const words = name === 'from' || name === 'to' ? `prepare date ${name}` : name;
    return prefix ? `${prefix} ${words}` : words[0].toUpperCase() + words.slice(1);
  };
  return (
    <>
      {FILTERS.map((name) => (
        <label key={name}>{labelOf(name)}
          {name === 'outcome' ? (
            <select value={draft.outcome ?? ''} onChange={(e) => setDraft({ ...draft, outcome: (e.target as HTMLSelectElement).value })}>
              <option value="">any</option>
              {OUTCOMES.map((o) => <option key={o} value={o}>{o.toLowerCase().replace('_', ' ')}</option>)}
            </select>
          ) : (
            <input type={name === 'from' || name === 'to' ? 'date' : 'text'} value={draft[name] ?? ''}
              onInput={(e) => setDraft({ ...draft, [name]: (e.target as HTMLInputElement).value })} />
          )}
        </label>
      ))}
    </>
  );
}
