import { useState } from 'preact/hooks';
import { useApi } from '../useApi';

/** One change as every history endpoint answers it: the item before and after, who, when and why. */
export interface Change {
  version: number;
  action: string;
  actor: string;
  changedAt: string;
  note?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Fields the server owns or that every change touches; a diff of them says nothing a reader needs. */
const SKIPPED = new Set(['id', 'version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy']);

const ACTIONS: Record<string, string> = {
  CREATE: 'created', UPDATE: 'changed', DELETE: 'deleted', IMPORT: 'imported', HIDE: 'hidden', RESTORE: 'restored',
};

const words = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** A value as a reader would say it: an event by type and date, a source by citation, anything else by its parts. */
export function describe(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (Array.isArray(value)) return value.length ? value.map(describe).join('; ') : '(none)';
  if (typeof value !== 'object') return String(value);
  const o = value as Record<string, unknown>;
  if (typeof o.citation === 'string') return o.citation;
  if (typeof o.type === 'string' && 'date' in o) return `${String(o.type).toLowerCase()} ${o.date ?? 'date unknown'}${o.note ? ` (${o.note})` : ''}`;
  if (typeof o.status === 'string' && 'by' in o) return `${String(o.status).toLowerCase()}${o.by ? ` by ${o.by}` : ''}`;
  return Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${words(k)}: ${describe(v)}`).join(', ');
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export interface FieldChange {
  field: string;
  before?: string;
  after?: string;
  removed?: string[];
  added?: string[];
}

/** What changed between two versions, field by field; lists say which items left and which joined. */
export function diff(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): FieldChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !SKIPPED.has(k));
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const b = before?.[key];
    const a = after?.[key];
    if (same(b, a)) continue;
    if (Array.isArray(b) || Array.isArray(a)) {
      const was = (Array.isArray(b) ? b : []) as unknown[];
      const now = (Array.isArray(a) ? a : []) as unknown[];
      changes.push({
        field: words(key),
        removed: was.filter((x) => !now.some((y) => same(x, y))).map(describe),
        added: now.filter((x) => !was.some((y) => same(x, y))).map(describe),
      });
    } else {
      changes.push({ field: words(key), before: describe(b), after: describe(a) });
    }
  }
  return changes;
}

/** Every change of one curated item, newest first: who, when, what (field by field) and the note given. */
export function HistoryView({ path, title }: { path: string; title: string }) {
  const history = useApi<Change[]>(path);
  if (history.error) return <p role="alert" class="error">{history.error.message}</p>;
  if (!history.data) return <p role="status">Loading the history…</p>;
  const changes = [...history.data].sort((x, y) => y.version - x.version);
  return (
    <section class="history" aria-label={`History of ${title}`} data-testid="history">
      <h3>History of {title}</h3>
      {changes.length === 0 && <p class="meta">No change is recorded.</p>}
      <ol reversed>
        {changes.map((c) => {
          const fields = c.action === 'DELETE' ? [] : diff(c.action === 'CREATE' ? null : c.before, c.after);
          return (
            <li key={c.version} class="change" data-version={c.version}>
              <p>
                <strong>{ACTIONS[c.action] ?? c.action.toLowerCase()}</strong> by <span class="actor">{c.actor}</span>,{' '}
                <time dateTime={c.changedAt}>{new Date(c.changedAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}</time>
                {' '}(version {c.version})
              </p>
              {c.note && <p class="note">Note: {c.note}</p>}
              {fields.length > 0 && (
                <dl class="diff">
                  {fields.map((f) => (
                    <div key={f.field}>
                      <dt>{f.field}</dt>
                      {f.before !== undefined && <dd><del>{f.before}</del> <span aria-hidden="true">→</span><span class="sr-only">became</span> <ins>{f.after}</ins></dd>}
                      {f.removed?.map((r, i) => <dd key={`r${i}`}><del><span class="sr-only">removed: </span>− {r}</del></dd>)}
                      {f.added?.map((a, i) => <dd key={`a${i}`}><ins><span class="sr-only">added: </span>+ {a}</ins></dd>)}
                    </div>
                  ))}
                </dl>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** A button that opens and closes an item's history in place. */
export function HistoryToggle({ path, title }: { path: string; title: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>History of {title}</button>
      {open && <HistoryView path={path} title={title} />}
    </>
  );
}
