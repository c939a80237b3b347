import { ComponentChildren } from 'preact';
import { api, FieldError } from '../api';

/** What the curated-item forms share: field errors beside their inputs, source lists, and the If-Match merge. */

export interface SourceRef {
  citation: string;
  url?: string | null;
  quote?: string | null;
}

/** A field where both curators changed the same thing differently: this curator's value stays, theirs is shown. */
export interface Clash {
  field: string;
  theirs: string;
}

export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Three-way merge of a list whose items have no identity of their own (events, sources): what this curator
 * removed or replaced since the base leaves, what they added or changed joins, and everything the other person did
 * stays. An item both changed (gone from theirs and from mine) is a clash: both versions are kept and named.
 */
export function mergeList<T>(base: T[], mine: T[], theirs: T[], field: string, describe: (t: T) => string): { merged: T[]; clashes: Clash[] } {
  const inList = (list: T[], item: T) => list.some((x) => same(x, item));
  const removedByMe = base.filter((b) => !inList(mine, b));
  const addedByMe = mine.filter((m) => !inList(base, m));
  const clashes = removedByMe.filter((b) => !inList(theirs, b)).map((b) => ({ field, theirs: `changed or removed “${describe(b)}”` }));
  const merged = [...theirs.filter((t) => !inList(removedByMe, t)), ...addedByMe.filter((a) => !inList(theirs, a))];
  return { merged, clashes };
}

/**
 * Merges this curator's edits (mine, since base) into the other person's saved version (theirs), field by field:
 * a plain field keeps theirs wherever this curator changed nothing (and names a clash where both changed it), a list
 * merges item by item.
 */
export function mergeFields<T extends object>(base: T, mine: T, theirs: T, describe: (field: string, item: unknown) => string): { merged: T; clashes: Clash[] } {
  const clashes: Clash[] = [];
  const merged = { ...theirs } as Record<string, unknown>;
  const b = base as Record<string, unknown>;
  const m = mine as Record<string, unknown>;
  const t = theirs as Record<string, unknown>;
  for (const field of Object.keys(m)) {
    if (Array.isArray(m[field])) {
      const list = mergeList(b[field] as unknown[], m[field] as unknown[], t[field] as unknown[], field, (item) => describe(field, item));
      merged[field] = list.merged;
      clashes.push(...list.clashes);
    } else if (same(m[field], b[field])) {
      merged[field] = t[field];
    } else {
      if (!same(t[field], b[field]) && !same(t[field], m[field])) clashes.push({ field, theirs: `wrote “${t[field] || '(empty)'}”` });
      merged[field] = m[field];
    }
  }
  return { merged: merged as T, clashes };
}

/** GETs a curated item with the ETag that If-Match must send to change it. */
export async function loadTagged<T>(path: string): Promise<{ item: T; etag: string }> {
  const response = await api(path);
  return { item: await response.json(), etag: response.headers.get('ETag') ?? '' };
}

/**
 * The API's 422 field errors, each shown beside the input it names: inputs take {@link FieldErrors.props} (marked
 * invalid and described by the message), and {@link FieldErrors.rest} lists those no input on the form shows.
 */
export class FieldErrors {
  private readonly shown = new Set<string>();

  constructor(private readonly errors: FieldError[], readonly form: string) {
  }

  private id(field: string): string {
    return `${this.form}-${field.replace(/[^A-Za-z0-9]+/g, '-')}-error`;
  }

  /** The messages of a field, joined. */
  of(field: string): string | undefined {
    const found = this.errors.filter((e) => e.field === field);
    return found.length ? found.map((e) => e.message).join('; ') : undefined;
  }

  /** An input's attributes: invalid, and described by the error line, when any of the fields has an error. */
  props(field: string, ...others: string[]) {
    const message = [field, ...others].some((f) => this.of(f));
    return message ? { 'aria-invalid': 'true' as const, 'aria-describedby': this.id(field) } : {};
  }

  /** The error line of one or more fields (the first names the id the input points at). */
  text(field: string, ...others: string[]) {
    const fields = [field, ...others];
    fields.forEach((f) => this.shown.add(f));
    const messages = fields.map((f) => this.of(f)).filter(Boolean);
    return messages.length ? <p class="error field-error" id={this.id(field)}>{messages.join('; ')}</p> : null;
  }

  /** The messages of fields that a control outside this class shows (Explore's filters), marked as shown. */
  take(field: string, ...others: string[]): string | undefined {
    const fields = [field, ...others];
    fields.forEach((f) => this.shown.add(f));
    const messages = fields.map((f) => this.of(f)).filter(Boolean);
    return messages.length ? messages.join('; ') : undefined;
  }

  /** Errors for fields that no input on the form named, in words. */
  rest() {
    const left = this.errors.filter((e) => !this.shown.has(e.field));
    return left.map((e) => <p key={e.field} class="error">{e.field}: {e.message}</p>);
  }
}

/** How a list of sources names itself: the policy's own ("Source 1", "Citation") or an event's. */
export interface SourceWords {
  legend: (i: number) => string;
  citation: string;
  url: string;
  quote: string;
  add: string;
  remove: (i: number) => string;
}

export const OWN_SOURCES: SourceWords = {
  legend: (i) => `Source ${i + 1}`, citation: 'Citation', url: 'URL', quote: 'Quote', add: 'Add a source',
  remove: (i) => `Remove source ${i + 1}`,
};

/** A source with nothing typed in it is left out of what is sent, so the API says "needs a source" in words. */
export const filled = (sources: SourceRef[]) => sources.filter((s) => s.citation.trim() || s.url || s.quote);

/** A list of sources (citation, URL, quoted passage), each removable, with a button to add one. */
export function SourceFields({ sources, onChange, errors, field, words = OWN_SOURCES }: {
  sources: SourceRef[];
  onChange: (sources: SourceRef[]) => void;
  errors: FieldErrors;
  field: string;
  words?: SourceWords;
}) {
  const set = (index: number, change: Partial<SourceRef>) => onChange(sources.map((s, i) => (i === index ? { ...s, ...change } : s)));
  return (
    <>
      {sources.map((s, i) => (
        // A group, not a fieldset: an event's sources sit inside the event's own fieldset and legend.
        <div key={i} class="source-fields" role="group" aria-labelledby={`${errors.form}-${field}-${i}`.replace(/[^A-Za-z0-9-]+/g, '-')}>
          <p class="legend" id={`${errors.form}-${field}-${i}`.replace(/[^A-Za-z0-9-]+/g, '-')}>{words.legend(i)}</p>
          <label>{words.citation} <input type="text" value={s.citation} {...errors.props(`${field}[${i}].citation`)}
            onInput={(e) => set(i, { citation: (e.target as HTMLInputElement).value })} /></label>
          {errors.text(`${field}[${i}].citation`)}
          <label>{words.url} <input type="url" value={s.url ?? ''} {...errors.props(`${field}[${i}].url`)}
            onInput={(e) => set(i, { url: (e.target as HTMLInputElement).value || null })} /></label>
          {errors.text(`${field}[${i}].url`)}
          <label>{words.quote} <textarea rows={2} value={s.quote ?? ''} onInput={(e) => set(i, { quote: (e.target as HTMLTextAreaElement).value || null })} /></label>
          <button type="button" onClick={() => onChange(sources.filter((_, j) => j !== i))}>{words.remove(i)}</button>
        </div>
      ))}
      {errors.text(field)}
      <button type="button" onClick={() => onChange([...sources, { citation: '', url: null, quote: null }])}>{words.add}</button>
    </>
  );
}

/** The notice of a 412: their version beside the merged one now in the form, and every clash named. */
export function ConflictNotice({ what, theirs, merged, clashes }: {
  what: string;
  theirs: ComponentChildren;
  merged: ComponentChildren;
  clashes: Clash[];
}) {
  return (
    <div role="alert" class="conflict" data-testid="conflict">
      <p><strong>Someone else saved this {what} while you were editing it.</strong> Their version is on the left; the
        form now holds theirs with your changes merged in, field by field. Check it, then save, or cancel to keep
        theirs.</p>
      <div class="versions">
        <section aria-label="Their version" data-testid="their-version">
          <h3>Their version</h3>
          {theirs}
        </section>
        <section aria-label="Merged, to be saved" data-testid="merged-version">
          <h3>Merged, to be saved</h3>
          {merged}
        </section>
      </div>
      {clashes.length > 0 && (
        <ul data-testid="clashes">
          {clashes.map((c, i) => <li key={i}>Both of you changed <strong>{c.field}</strong>: yours is in the form; they {c.theirs}.</li>)}
        </ul>
      )}
    </div>
  );
}

/** A list of codes or keys typed with commas, as the API's list. */
export const splitList = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);
