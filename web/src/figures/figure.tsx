import { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { ApiError, download, sendJson } from '../api';
import { downloadPng, downloadSvg } from './export';
import { href } from '../route';
import { Loaded } from '../useApi';
import { StatsAnswer } from '../stats';

interface Props {
  id: string;
  title: string;
  path: string;
  answer: Loaded<StatsAnswer>;
  children: ComponentChildren;
  /** False for figures without a chart (a table only): nothing to save as an image. */
  chart?: boolean;
  /** An error the page already shows beside the field it concerns, not repeated in each figure. */
  errorShownElsewhere?: boolean;
  /** For curators: where a new claim about this figure's number starts, pre-filled with its question and value. */
  claim?: (answer: StatsAnswer) => string;
}

/** A figure with what every figure carries: its CSV, a link to the view, and where its numbers come from. */
export function Figure({ id, title, path, answer, children, chart = true, errorShownElsewhere, claim }: Props) {
  const [copied, setCopied] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const body = useRef<HTMLDivElement>(null);
  // While new numbers load, the old ones are not shown: they would read as the answer to the new filters.
  const current = answer.loading ? undefined : answer.data;
  const image = async (kind: 'png' | 'svg') => {
    const svg = body.current?.querySelector<SVGSVGElement>('svg.chart, svg.map');
    if (!svg || !current) return;
    const p = current.provenance;
    const caption = `DetainerLab · ${p.releases.map((r) => `#${r.id} ${r.title} (sha256 ${r.sha256.slice(0, 12)}…)`).join('; ')} · ${location.href}`;
    setFailure(null);
    try {
      if (kind === 'svg') downloadSvg(svg, title, caption, `${id}.svg`);
      else await downloadPng(svg, title, caption, `${id}.png`);
    } catch (error) {
      setFailure(`The ${kind.toUpperCase()} could not be made: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const copy = async () => {
    await navigator.clipboard?.writeText(location.href).catch(() => undefined);
    setCopied(true);
  };
  return (
    <section class="figure" aria-labelledby={`${id}-title`} aria-busy={answer.loading} data-testid={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {answer.error && !errorShownElsewhere && <p role="alert" class="error">{answer.error.message}</p>}
      {answer.loading && <p role="status" class="loading" data-testid={`${id}-loading`}>Loading the figure for these filters…</p>}
      {current && <div ref={body}>{children}</div>}
      {current && (
        <>
          <div class="tools">
            <button type="button" onClick={() => download(path, 'text/csv', `${id}.csv`)}>Download CSV</button>
            {chart && current.rows.length > 0 && (
              <>
                <button type="button" onClick={() => image('png')}>Download PNG</button>
                <button type="button" onClick={() => image('svg')}>Download SVG</button>
              </>
            )}
            <a href={location.href} onClick={(e) => { e.preventDefault(); copy(); }}>Copy link to this view</a>
            {copied && <span role="status">Link copied</span>}
            {claim && <a href={claim(current)}>Claim this figure</a>}
          </div>
          {failure && <p role="alert" class="error">{failure}</p>}
          {/* Keyed by the view: a saved link belongs to the view it was saved from. */}
          <SaveFigure key={`${path} ${title}`} id={id} title={title} path={path} />
          <ProvenancePanel answer={current} />
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
