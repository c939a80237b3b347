import { ComponentChildren, VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, FieldError, sendJson } from '../api';
import { useUnsavedGuard } from '../unsaved';
import { Clash, ConflictNotice, FieldErrors, loadTagged, same } from './curated-form';

/** What an editor tells {@link useCuratedEditor} about its kind of item. */
export interface CuratedEditorOptions<E, L> {
  /** The item's own words: "policy", "case record". */
  what: string;
  /** The collection a new item is POSTed to. */
  collection: string;
  /** The item's path (GET with its ETag, PATCH or PUT, DELETE); unused while creating. */
  path: string;
  /** The draft a new item starts from, or null to load the item at path. */
  start: E | null;
  /** The form's id prefix for field errors. */
  form: string;
  /** What a curator edits, read from the API's answer. */
  read: (item: L) => E;
  /** Whatever else the editor takes from each answer it loads (a ruling's subsequent history, a saved narrative). */
  loaded?: (item: L) => void;
  /** The body the API reads from a draft. */
  body: (draft: E) => object;
  /** How a saved item is changed: a merge patch of the changed fields, or a PUT of the whole item. */
  write: 'merge-patch' | 'put';
  /** Added to the save's path (a policy's ?reason=). */
  query?: string;
  /** Merges this curator's draft (mine, since base) into the other person's saved version (theirs). */
  merge: (base: E, mine: E, theirs: E) => { merged: E; clashes: Clash[] };
  /** Anything besides the draft that would be lost on leaving (a policy's typed reason). */
  alsoUnsaved?: boolean;
  /** Called with the API's answer once the item is saved. */
  saved: (response: Response) => void | Promise<void>;
  /** Called once the item is deleted. */
  deleted?: () => void;
}

interface Pending {
  ready: false;
  /** The line that stands for the form while the item loads or could not be read. */
  pending: VNode;
  draft: null;
}

export interface Ready<E> {
  ready: true;
  what: string;
  creating: boolean;
  /** The version this curator last saw (what a save changes, what a delete refers to). */
  base: E;
  draft: E;
  setDraft: (draft: E) => void;
  /** Changes some fields of the draft. */
  set: (change: Partial<E>) => void;
  fields: FieldErrors;
  conflict: { theirs: E; clashes: Clash[] } | null;
  failure: string | null;
  busy: boolean;
  save: (e: Event) => Promise<void>;
  /** Deletes the item after asking the question; the item stays when the curator declines. */
  remove: (question: string) => Promise<void>;
}

export type CuratedEditor<E> = Pending | Ready<E>;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const is = (error: unknown, status: number): error is ApiError => error instanceof ApiError && error.problem.status === status;

/**
 * The one life of a curated item in the browser, shared by the policy, ruling, claim and case record editors: load
 * it with its ETag, create it (POST) or save it under If-Match (a merge patch of what changed since the version the
 * curator saw, or a PUT of the whole item), and on a 412 load theirs and merge this curator's changes into it; a 422
 * puts its field errors beside the inputs; deleting asks first and on a 412 shows their version to delete again;
 * leaving with unsaved changes asks first.
 * Each editor keeps only its own fields, summary and words. E is what the form edits, L what the API answers.
 */
export function useCuratedEditor<E, L>(options: CuratedEditorOptions<E, L>): CuratedEditor<E> {
  const { what, path, start } = options;
  const creating = start !== null;
  const [etag, setEtag] = useState('');
  const [base, setBase] = useState<E | null>(start);
  const [draft, setDraft] = useState<E | null>(start);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<{ theirs: E; clashes: Clash[] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useUnsavedGuard(base !== null && draft !== null && (!same(base, draft) || options.alsoUnsaved === true));

  const load = async () => {
    const loaded = await loadTagged<L>(path);
    options.loaded?.(loaded.item);
    return { item: options.read(loaded.item), etag: loaded.etag };
  };
  const show = (current: { item: E; etag: string }, shown: E = current.item) => {
    setBase(current.item);
    setDraft(shown);
    setEtag(current.etag);
  };
  useEffect(() => {
    if (!creating) load().then((current) => show(current), (e: Error) => setUnreadable(e.message));
  }, [path]);
  if (unreadable) return { ready: false, pending: <p role="alert" class="error">{unreadable}</p>, draft: null };
  if (base === null || draft === null) return { ready: false, pending: <p role="status">Loading the {what}…</p>, draft: null };

  const write = () => {
    if (creating) return sendJson(options.collection, 'POST', options.body(draft));
    const target = `${path}${options.query ?? ''}`;
    if (options.write === 'put') return sendJson(target, 'PUT', options.body(draft), { 'If-Match': etag });
    // Only what this curator changed since the version they last saw, so nothing else is overwritten.
    const all = options.body(draft) as Record<string, unknown>;
    const was = options.body(base) as Record<string, unknown>;
    const patch = Object.fromEntries(Object.entries(all).filter(([field, value]) => !same(value, was[field])));
    return api(target, {
      method: 'PATCH',
      body: JSON.stringify(patch),
      headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': etag },
    });
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setErrors([]);
    setFailure(null);
    setBusy(true);
    try {
      const response = await write();
      setBase(draft);
      await options.saved(response);
    } catch (error) {
      if (is(error, 422)) {
        setErrors(error.problem.errors ?? []);
        setFailure(error.problem.detail ?? 'Some fields need attention.');
      } else if (is(error, 412) && !creating) {
        const current = await load();
        const { merged, clashes } = options.merge(base, draft, current.item);
        setConflict({ theirs: current.item, clashes });
        show(current, merged);
      } else {
        setFailure(message(error));
      }
    } finally {
      setBusy(false);
    }
  };

  const remove = async (question: string) => {
    if (!confirm(question)) return;
    setFailure(null);
    try {
      await api(path, { method: 'DELETE', headers: { 'If-Match': etag } });
      setDraft(base);
      options.deleted?.();
    } catch (error) {
      if (is(error, 412)) {
        show(await load());
        setFailure(`Someone else changed this ${what} meanwhile; the form now shows their version. Delete again if it should still go.`);
      } else {
        setFailure(message(error));
      }
    }
  };

  return {
    ready: true, what, creating, base, draft, setDraft, set: (change) => setDraft({ ...draft, ...change }),
    fields: new FieldErrors(errors, options.form), conflict, failure, busy, save, remove,
  };
}

/**
 * The form of a curated editor: the 412 notice with both versions summarised, the editor's own fields, then what
 * went wrong, the field errors no input showed, and the buttons (create or save, cancel, and delete where offered).
 */
export function CuratedForm<E>({ editor, label, testid, summary, cancel, remove, children }: {
  editor: Ready<E>;
  label: string;
  testid: string;
  summary: (item: E) => ComponentChildren;
  cancel: ComponentChildren;
  /** The question asked before deleting; no delete button without one. */
  remove?: string;
  children: ComponentChildren;
}) {
  const { what, creating, conflict, failure, fields } = editor;
  return (
    <form class="policy-editor" onSubmit={editor.save} aria-label={label} data-testid={testid} noValidate>
      {conflict && <ConflictNotice what={what} theirs={summary(conflict.theirs)} merged={summary(editor.draft)} clashes={conflict.clashes} />}
      {children}
      {failure && <p role="alert" class="error">{failure}</p>}
      {fields.rest()}
      <div class="actions">
        <button type="submit" class="primary" disabled={editor.busy}>{creating ? `Create ${what}` : `Save ${what}`}</button>
        {cancel}
        {!creating && remove && <button type="button" class="danger" onClick={() => editor.remove(remove)}>Delete {what}</button>}
      </div>
    </form>
  );
}
