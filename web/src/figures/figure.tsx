import { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { download } from '../api';
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
          <ProvenancePanel answer={answer.data} />
        </>
      )}
    </section>
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
