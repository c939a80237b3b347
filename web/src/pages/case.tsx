import { useState } from 'preact/hooks';
import { Annotation, ApiError, Me, sendJson } from '../api';
import { useApi } from '../useApi';
import { href } from '../route';
import { HistoryToggle } from './history';
import { CaseEditor } from './case-editor';

interface CaseRecord {
  id: number;
  title: string;
  narrative: string;
  jurisdictions: string[];
  facility?: { name: string } | null;
  // Many published cases give no date for what happened; such events keep their order but show no date.
  events: { key: string; type: string; date?: string | null; precision?: string | null; description?: string | null; source: string }[];
  sources: { key: string; citation: string; url?: string }[];
  sourceFraming?: { quote: string; citation?: string } | null;
  subject: { kind: string; value: string; source: string }[];
  detainerRows: { releaseId: number; sheet: string; row: number }[];
  policies: string[];
  rulings: string[];
  verified: boolean;
}


interface Page<T> {
  items: T[];
}

interface Passage {
  exact: string;
  start: number;
}

/** A case record with its timeline and narrative; select a passage to annotate it, and read the team's notes beside. */
export function CasePage({ id, me }: { id: string; me: Me }) {
  const record = useApi<CaseRecord>(`/api/v1/case-records/${id}`);
  const annotations = useApi<Page<Annotation>>(`/api/v1/annotations?targetKind=CASE_PASSAGE&target=${id}&size=500`);
  const [passage, setPassage] = useState<Passage | null>(null);
  const [editing, setEditing] = useState(false);
  if (record.error) return <p role="alert" class="error">{record.error.message}</p>;
  if (!record.data) return <p role="status">Loading…</p>;
  const c = record.data;
  const all = annotations.data?.items ?? [];

  const onSelect = (container: HTMLElement) => {
    const selection = getSelection();
    if (!selection || selection.isCollapsed || !container.contains(selection.anchorNode)) return;
    const range = selection.getRangeAt(0);
    const before = document.createRange();
    before.selectNodeContents(container);
    before.setEnd(range.startContainer, range.startOffset);
    const exact = range.toString();
    if (exact.trim()) setPassage({ exact, start: before.toString().length });
  };

  return (
    <div class="case-layout">
      <article class="case">
        <h1>{c.title}</h1>
        <p class="meta">{c.jurisdictions.join(', ')}{c.facility ? ` · ${c.facility.name}` : ''} · {c.verified ? 'verified' : 'not verified'}</p>
        {me.roles.includes('curator') && !editing && <p><button type="button" onClick={() => setEditing(true)}>Edit case record {c.id}</button></p>}
        {editing && <CaseEditor id={String(c.id)} onDone={() => { setEditing(false); record.reload(); annotations.reload(); }} />}
        <h2>Events</h2>
        <ol class="timeline" data-testid="events">
          {c.events.map((e) => (
            <li key={e.key}>
              {e.date ? <time dateTime={e.date}>{eventDate(e.date, e.precision)}</time> : <span class="undated">date not stated</span>}{' '}
              <strong>{e.type.replaceAll('_', ' ').toLowerCase()}</strong>{e.description ? `: ${e.description}` : ''} <span class="source">[{e.source}]</span>
            </li>
          ))}
        </ol>
        <h2 id="narrative-title">Narrative</h2>
        <p class="hint">Select a passage with the mouse (or type it in the form) to annotate it.</p>
        <p class="narrative" data-testid="narrative" aria-labelledby="narrative-title"
          onMouseUp={(e) => onSelect(e.currentTarget as HTMLElement)} onKeyUp={(e) => onSelect(e.currentTarget as HTMLElement)}>
          {highlighted(c.narrative, all.filter((a) => a.parentId === null))}
        </p>
        {c.sourceFraming && <blockquote>{c.sourceFraming.quote} <cite>{c.sourceFraming.citation}</cite></blockquote>}
        {c.subject.length > 0 && <p data-testid="subject">Subject, as the sources state it: {c.subject.map((d) => `${d.kind.toLowerCase()} ${d.value} [${d.source}]`).join('; ')}</p>}
        <h2>Links</h2>
        <ul data-testid="case-links">
          {c.detainerRows.map((r) => {
            const ref = `${r.releaseId}/${r.sheet}/${r.row}`;
            return <li key={ref}>Detainer row <a href={href('detainers', { release: String(r.releaseId), row: ref })}>{ref}</a></li>;
          })}
          {c.policies.map((p) => <li key={p}>Policy <a href={href('timeline', { policy: p })}>{p}</a></li>)}
          {c.rulings.map((r) => <li key={r}>Ruling <a href={href('timeline', { ruling: r })}>{r}</a></li>)}
          {c.detainerRows.length + c.policies.length + c.rulings.length === 0 && <li>No detainer row, policy or ruling is linked.</li>}
        </ul>
        <h2>Sources</h2>
        <ul>{c.sources.map((s) => <li key={s.key}>[{s.key}] {s.url ? <a href={s.url} rel="noopener noreferrer">{s.citation}</a> : s.citation}</li>)}</ul>
        <HistoryToggle path={`/api/v1/case-records/${c.id}/history`} title={c.title} />
      </article>
      <aside class="sidebar" aria-label="Annotations">
        <NewAnnotation caseId={c.id} narrative={c.narrative} me={me} passage={passage} onSaved={() => { setPassage(null); annotations.reload(); }} />
        <AnnotationList annotations={all} onChanged={annotations.reload} />
      </aside>
    </div>
  );
}

/** A date shown only as precisely as it is known. */
function eventDate(date: string, precision?: string | null): string {
  return precision === 'MONTH' ? date.slice(0, 7) : precision === 'YEAR' ? date.slice(0, 4) : date;
}

function highlighted(narrative: string, annotations: Annotation[]) {
  const ranges = annotations
    .filter((a) => a.target.position && !a.target.orphaned)
    .map((a) => a.target.position!)
    .sort((a, b) => a.start - b.start);
  const parts = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start < at) continue;
    parts.push(narrative.slice(at, r.start), <mark key={r.start}>{narrative.slice(r.start, r.end)}</mark>);
    at = r.end;
  }
  parts.push(narrative.slice(at));
  return parts;
}

function NewAnnotation({ caseId, narrative, me, passage, onSaved }: { caseId: number; narrative: string; me: Me; passage: Passage | null; onSaved: () => void }) {
  const [typed, setTyped] = useState('');
  const [body, setBody] = useState('');
  const [tags, setTags] = useState('');
  const [visibility, setVisibility] = useState(me.teams.length ? 'TEAM' : 'PRIVATE');
  const [team, setTeam] = useState(me.teams[0] ?? '');
  const [error, setError] = useState<string | null>(null);
  const exact = passage?.exact ?? typed;
  const start = passage && narrative.slice(passage.start, passage.start + passage.exact.length) === passage.exact ? passage.start : narrative.indexOf(exact);
  const save = async (e: Event) => {
    e.preventDefault();
    if (!exact || start < 0) {
      setError('Choose a passage of the narrative first.');
      return;
    }
    try {
      await sendJson('/api/v1/annotations', 'POST', {
        target: { kind: 'CASE_PASSAGE', ref: String(caseId), quote: { exact }, position: { start, end: start + exact.length } },
        body, visibility, team: visibility === 'TEAM' ? team : undefined,
        tags: tags.split(',').map((t) => t.trim()).filter(Boolean),
      });
      setBody('');
      setTags('');
      setTyped('');
      setError(null);
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? [err.message, ...(err.problem.errors ?? []).map((f) => `${f.field}: ${f.message}`)].join(' · ') : String(err));
    }
  };
  return (
    <form class="annotate" onSubmit={save} aria-label="New annotation">
      <h2>Annotate</h2>
      <label>Passage <input type="text" value={exact} onInput={(e) => setTyped((e.target as HTMLInputElement).value)} data-testid="passage" /></label>
      <label>Note (Markdown) <textarea value={body} required onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)} /></label>
      <label>Tags (comma separated) <input type="text" value={tags} onInput={(e) => setTags((e.target as HTMLInputElement).value)} /></label>
      <label>
        Visible to
        <select value={visibility} onChange={(e) => setVisibility((e.target as HTMLSelectElement).value)}>
          <option value="PRIVATE">Only me</option>
          {me.teams.length > 0 && <option value="TEAM">My team</option>}
          <option value="RESEARCHERS">All researchers</option>
        </select>
      </label>
      {visibility === 'TEAM' && (
        <label>Team <select value={team} onChange={(e) => setTeam((e.target as HTMLSelectElement).value)}>{me.teams.map((t) => <option key={t}>{t}</option>)}</select></label>
      )}
      {error && <p role="alert" class="error">{error}</p>}
      <button type="submit" class="primary">Save annotation</button>
    </form>
  );
}

function AnnotationList({ annotations, onChanged }: { annotations: Annotation[]; onChanged: () => void }) {
  const [shown, setShown] = useState('ALL');
  const threads = annotations.filter((a) => a.parentId === null && (shown === 'ALL' || a.visibility === shown));
  return (
    <section aria-labelledby="annotations-title">
      <h2 id="annotations-title">Annotations</h2>
      <label>Show <select value={shown} onChange={(e) => setShown((e.target as HTMLSelectElement).value)}>
        <option value="ALL">all I may see</option>
        <option value="PRIVATE">only mine (private)</option>
        <option value="TEAM">team</option>
        <option value="RESEARCHERS">all researchers</option>
      </select></label>
      {threads.length === 0 && <p>No annotations to show.</p>}
      <ul class="annotations" data-testid="annotations">
        {threads.map((a) => (
          <li key={a.id} class="annotation">
            {a.target.quote && <blockquote>{a.target.quote.exact}</blockquote>}
            <div class="body" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
            <p class="meta">{a.author} · {a.visibility === 'TEAM' ? a.team : a.visibility.toLowerCase()} · <time dateTime={a.created}>{a.created.slice(0, 10)}</time>{a.target.orphaned ? ' · passage no longer in the narrative' : ''}</p>
            {a.tags.length > 0 && <ul class="tags" aria-label="Tags">{a.tags.map((t) => <li key={t}>{t}</li>)}</ul>}
            <ul class="replies">
              {annotations.filter((r) => r.parentId === a.id).map((r) => (
                <li key={r.id}><div class="body" dangerouslySetInnerHTML={{ __html: r.bodyHtml }} /><p class="meta">{r.author}</p></li>
              ))}
            </ul>
            <Reply parentId={a.id} onSaved={onChanged} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Reply({ parentId, onSaved }: { parentId: number; onSaved: () => void }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = async (e: Event) => {
    e.preventDefault();
    try {
      await sendJson('/api/v1/annotations', 'POST', { parentId, body });
      setBody('');
      onSaved();
    } catch (err) {
      setError(String(err instanceof Error ? err.message : err));
    }
  };
  return (
    <form onSubmit={send} class="reply">
      <label>Reply <input type="text" value={body} required onInput={(e) => setBody((e.target as HTMLInputElement).value)} /></label>
      {error && <p role="alert" class="error">{error}</p>}
      <button type="submit">Reply</button>
    </form>
  );
}
