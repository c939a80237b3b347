import { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, download, sendJson } from '../api';
import { href } from '../route';
import { Loaded } from '../useApi';
import { StatsAnswer } from '../stats';

interface Props {
  id: string;
  title: string;
  path: string;
  answer: Loaded<StatsAnswer>;
  children: ComponentChildren;
}

/** A figure with what every figure carries: its CSV, a link to the view, and where its numbers come from. */
export function Figure({ id, title, path, answer, children }: Props) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(location.href).catch(() => undefined);
    setCopied(true);
  };
  return (
    <section class="figure" aria-labelledby={`${id}-title`} aria-busy={answer.loading} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {answer.error && <p role="alert" class="error">{answer.error.message}</p>}
      {answer.data && children}
      {answer.data && (
        <>
          <div class="tools">
            <button type="button" onClick={() => download(path, 'text/csv', `${id}.csv`)}>Download CSV</button>
            <a href={location.href} onClick={(e) => { e.preventDefault(); copy(); }}>Copy link to this view</a>
            {copied && <span role="status">Link copied</span>}
          </div>
          {/* Keyed by the view: a saved link belongs to the view it was saved from. */}
          <SaveFigure key={`${path} ${title}`} id={id} title={title} path={path} />
          <ProvenancePanel answer={answer.data} />
        </>
      )}
    </section>
  );
}

/** Saves the figure's statistics query, its releases pinned, under a permanent URL. */
function SaveFigure({ id, title, path }: { id: string; title: string; path: string }) {
  const [name, setName] = useState(title);
  const [saved, setSaved] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const query = path.slice(path.indexOf('?') + 1);
      const figure: { id: number } = await (await sendJson('/api/v1/figures', 'POST', { title: name, query })).json();
      setSaved(figure.id);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'The figure could not be saved.');
    }
  };
  const url = saved === null ? null : `${location.origin}/${href('figures', undefined, String(saved))}`;
  return (
    <form class="save-figure" onSubmit={save} aria-label={`Save ${title} as a figure`}>
      <label>Figure title <input type="text" value={name} maxLength={300} onInput={(e) => setName((e.target as HTMLInputElement).value)} /></label>
      <button type="submit">Save as figure</button>
      {url && <p role="status" data-testid={`${id}-saved`}>Saved. Its permanent address: <a href={url}>{url}</a></p>}
      {error && <p role="alert" class="error">{error}</p>}
    </form>
  );
}

function ProvenancePanel({ answer }: { answer: StatsAnswer }) {
  const p = answer.provenance;
  return (
    <details class="provenance">
      <summary>Provenance</summary>
      <dl>
        <dt>Releases</dt>
        <dd>
          <ul>
            {p.releases.map((r) => (
              <li key={r.id}>
                #{r.id} {r.title} ({r.fileName}, {r.coverageFrom ?? '?'} to {r.coverageTo ?? '?'},{' '}
                {r.rowsLoaded.toLocaleString('en-US')} rows), sha256 <code>{r.sha256.slice(0, 16)}…</code>
              </li>
            ))}
          </ul>
        </dd>
        <dt>Query</dt>
        <dd><code class="query">{p.query}</code></dd>
        <dt>Computed at</dt>
        <dd><time dateTime={p.computedAt}>{p.computedAt}</time> from <code>{p.source}</code>, version {p.applicationVersion}, data generation {p.dataGeneration}</dd>
        {p.notes.length > 0 && (
          <>
            <dt>Notes</dt>
            <dd><ul>{p.notes.map((n) => <li key={n}>{n}</li>)}</ul></dd>
          </>
        )}
      </dl>
    </details>
  );
}
