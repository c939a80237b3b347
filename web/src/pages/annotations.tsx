import { useState } from 'preact/hooks';
import { Annotation, download, Page } from '../api';
import { href, Route } from '../route';
import { useApi } from '../useApi';
import { useRouteDraft } from '../useRouteDraft';


const SIZE = 50;
const FILTERS = ['q', 'tag', 'author', 'team', 'targetKind', 'target'] as const;
const KINDS = ['CASE_RECORD', 'CASE_PASSAGE', 'CASE_EVENT', 'DETAINER_ROW', 'POLICY', 'POLICY_EVENT', 'RULING'];

/** Where an annotation's target is read in context, and how to name it. */
function targetLink(kind: string, ref: string): { url: string; label: string } {
  const before = (text: string) => text.split('/')[0];
  switch (kind) {
    case 'CASE_RECORD':
    case 'CASE_PASSAGE':
      return { url: href('case', undefined, ref), label: `case record ${ref}` };
    case 'CASE_EVENT':
      return { url: href('case', undefined, before(ref)), label: `case record ${before(ref)}, event ${ref.slice(ref.indexOf('/') + 1)}` };
    case 'DETAINER_ROW': {
      const release = before(ref);
      return { url: href('detainers', { release, row: ref }), label: `detainer row ${ref}` };
    }
    case 'POLICY':
    case 'POLICY_EVENT':
      return { url: href('timeline', { policy: before(ref) }), label: `policy ${ref}` };
    default:
      return { url: href('timeline', { ruling: ref }), label: `ruling ${ref}` };
  }
}

/**
 * The annotations this user may see (their own, their teams', those shared with all researchers), searched by words,
 * tag, author, team and target, each linking to its target; the same search exports as JSON-LD and CSV.
 */
export function AnnotationsPage({ route }: { route: Route }) {
  const values = Object.fromEntries(FILTERS.map((f) => [f, route.params.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const page = Number(route.params.get('page') ?? '0');
  const [draft, setDraft] = useRouteDraft(values, route.params.toString());
  const query = new URLSearchParams();
  FILTERS.forEach((f) => values[f] && query.set(f, values[f]));
  const result = useApi<Page<Annotation>>(`/api/v1/annotations?${query}&page=${page}&size=${SIZE}`);
  const [exportError, setExportError] = useState<string | null>(null);
  const described = FILTERS.filter((f) => values[f]).map((f) => `${f}-${values[f]}`).join('_').replace(/[^A-Za-z0-9_.-]+/g, '-');
  const fileName = (extension: string) => `annotations_${described || 'all-visible'}_page-${page + 1}.${extension}`;
  const exportAs = (accept: string, extension: string) =>
    download(`/api/v1/annotations?${query}&page=${page}&size=${SIZE}`, accept, fileName(extension)).catch((e: Error) => setExportError(e.message));
  const field = (name: (typeof FILTERS)[number], label: string) => (
    <label>{label} <input type="search" value={draft[name]} onInput={(e) => setDraft({ ...draft, [name]: (e.target as HTMLInputElement).value })} /></label>
  );
  return (
    <>
      <h1>Annotations</h1>
      <p>The annotations you may read: your own, those of your teams, and those shared with all researchers.</p>
      <form class="filters" role="search" aria-label="Annotations" onSubmit={(e) => { e.preventDefault(); location.hash = href('annotations', draft); }}>
        {field('q', 'Words')}
        {field('tag', 'Tag')}
        {field('author', 'Author')}
        {field('team', 'Team')}
        <label>Target kind
          <select value={draft.targetKind} onChange={(e) => setDraft({ ...draft, targetKind: (e.target as HTMLSelectElement).value })}>
            <option value="">any</option>
            {KINDS.map((k) => <option key={k} value={k}>{k.toLowerCase().replace(/_/g, ' ')}</option>)}
          </select>
        </label>
        {field('target', 'Target reference')}
        <div class="actions"><button type="submit" class="primary">Search</button></div>
      </form>
      {result.error && <p role="alert" class="error">{result.error.message}</p>}
      {result.loading && <p role="status">Loading annotations…</p>}
      {result.data && (
        <>
          <p role="status" data-testid="annotation-count">{result.data.total.toLocaleString('en-US')} annotations
            {result.data.total > SIZE && `, ${page * SIZE + 1} to ${Math.min((page + 1) * SIZE, result.data.total)} shown`}</p>
          <div class="actions">
            <button type="button" onClick={() => exportAs('application/ld+json', 'jsonld')}>Download this page as JSON-LD</button>
            <button type="button" onClick={() => exportAs('text/csv', 'csv')}>Download this page as CSV</button>
          </div>
          {exportError && <p role="alert" class="error">{exportError}</p>}
          <ul class="annotations" data-testid="annotation-list">
            {result.data.items.map((a) => {
              const target = targetLink(a.target.kind, a.target.ref);
              return (
                <li key={a.id} class="annotation" data-annotation={a.id}>
                  {a.target.quote && <blockquote>{a.target.quote.exact}</blockquote>}
                  <div dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
                  {a.tags.length > 0 && <ul class="tags">{a.tags.map((t) => <li key={t}><a href={href('annotations', { tag: t })}>{t}</a></li>)}</ul>}
                  <p class="meta">
                    <a href={href('annotations', { author: a.author })}>{a.author}</a> · {a.visibility === 'TEAM' ? `team ${a.team}` : a.visibility.toLowerCase()}
                    {' '}· {a.created.slice(0, 10)}{a.parentId !== null && ' · a reply'}{a.target.orphaned && ' · its passage is no longer in the text'}
                    {' '}· on <a href={target.url}>{target.label}</a>
                  </p>
                </li>
              );
            })}
          </ul>
          <nav aria-label="Pages" class="pager">
            {page > 0 && <a href={href('annotations', { ...values, page: String(page - 1) })}>Previous page</a>}
            {(page + 1) * SIZE < result.data.total && <a href={href('annotations', { ...values, page: String(page + 1) })}>Next page</a>}
          </nav>
        </>
      )}
    </>
  );
}
