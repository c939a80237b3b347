import { Me, Page } from '../api';
import { href, Route } from '../route';
import { useApi } from '../useApi';
import { useRouteDraft } from '../useRouteDraft';

interface Summary {
  id: number;
  title: string;
  jurisdictions: string[];
  eventTypes: string[];
  verified: boolean;
  updatedAt: string;
}

const SIZE = 25;

/** Case records, searched by text and jurisdiction, a page at a time. */
export function CaseList({ route, me }: { route: Route; me: Me }) {
  const q = route.params.get('q') ?? '';
  const jurisdiction = route.params.get('jurisdiction') ?? '';
  const page = Number(route.params.get('page') ?? '0');
  const [draft, setDraft] = useRouteDraft({ q, jurisdiction }, JSON.stringify([q, jurisdiction]));
  const query = new URLSearchParams({ page: String(page), size: String(SIZE) });
  if (q) query.set('q', q);
  if (jurisdiction) query.set('jurisdiction', jurisdiction);
  const result = useApi<Page<Summary>>(`/api/v1/case-records?${query}`);
  const go = (changes: Record<string, string | undefined>) => {
    location.hash = href('cases', { q, jurisdiction, ...changes });
  };
  return (
    <>
      <h1>Case records</h1>
      {me.roles.includes('curator') && <p class="actions"><a href={href('cases', undefined, 'new')}>New case record</a></p>}
      <form class="filters" role="search" onSubmit={(e) => { e.preventDefault(); go({ q: draft.q, jurisdiction: draft.jurisdiction, page: undefined }); }}>
        <label>Words in title or narrative <input type="search" value={draft.q} onInput={(e) => setDraft({ ...draft, q: (e.target as HTMLInputElement).value })} /></label>
        <label>Jurisdiction code <input type="text" value={draft.jurisdiction} placeholder="e.g. CA" onInput={(e) => setDraft({ ...draft, jurisdiction: (e.target as HTMLInputElement).value })} /></label>
        <div class="actions"><button type="submit" class="primary">Search</button></div>
      </form>
      {result.error && <p role="alert" class="error">{result.error.message}</p>}
      {result.data && (
        <>
          <p role="status">{result.data.total.toLocaleString('en-US')} case records</p>
          <ul class="cards" data-testid="case-list">
            {result.data.items.map((c) => (
              <li key={c.id}>
                <a href={href('case', undefined, String(c.id))}>{c.title}</a>
                <span class="meta">{c.jurisdictions.join(', ')} · {c.eventTypes.join(', ')} · {c.verified ? 'verified' : 'not verified'}</span>
              </li>
            ))}
          </ul>
          <nav aria-label="Pages" class="pager">
            {page > 0 && <a href={href('cases', { q, jurisdiction, page: String(page - 1) })}>Previous page</a>}
            {(page + 1) * SIZE < result.data.total && <a href={href('cases', { q, jurisdiction, page: String(page + 1) })}>Next page</a>}
          </nav>
        </>
      )}
    </>
  );
}
