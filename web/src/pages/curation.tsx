import { useState } from 'preact/hooks';
import { ApiError, download, FieldError, Me, sendJson } from '../api';
import { useUnsavedGuard } from '../unsaved';

interface Count {
  created: number;
  updated: number;
  unchanged: number;
  createdKeys: string[];
  updatedKeys: string[];
}

interface ImportSummary {
  dryRun: boolean;
  policies: Count;
  rulings: Count;
}

/** What the API said about a file: what would change (or did), or why it cannot be imported. */
type Outcome = { summary: ImportSummary } | { refused: string; errors: FieldError[] };

const TABLES: { type: string; label: string }[] = [
  { type: 'policies', label: 'Policies (CSV)' },
  { type: 'policy-events', label: 'Policy events (CSV)' },
  { type: 'rulings', label: 'Rulings (CSV)' },
];

/**
 * Export of curated policies and rulings (JSON, importable as is, or one CSV table per item type), and, for
 * curators, import of such a JSON file in two steps: a check (the API's dry run: every validation, nothing written)
 * whose findings are shown, then the import itself of exactly the file checked.
 */
export function CurationPage({ me }: { me: Me }) {
  const curator = me.roles.includes('curator');
  const [file, setFile] = useState<{ name: string; body: unknown } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [checked, setChecked] = useState<Outcome | null>(null);
  const [imported, setImported] = useState<ImportSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  useUnsavedGuard(file !== null && imported === null);

  const choose = async (input: HTMLInputElement) => {
    setChecked(null);
    setImported(null);
    setFileError(null);
    setFile(null);
    const chosen = input.files?.[0];
    if (!chosen) return;
    try {
      setFile({ name: chosen.name, body: JSON.parse(await chosen.text()) });
    } catch (e) {
      setFileError(`${chosen.name} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const send = async (dryRun: boolean) => {
    if (!file) {
      setFileError('Choose a JSON file exported from DetainerLab first.');
      return;
    }
    setBusy(true);
    try {
      const summary: ImportSummary = await (await sendJson(`/api/v1/curation/import${dryRun ? '?dryRun=true' : ''}`, 'POST', file.body)).json();
      if (dryRun) setChecked({ summary });
      else setImported(summary);
    } catch (e) {
      const refused = e instanceof ApiError ? { refused: e.message, errors: e.problem.errors ?? [] } : { refused: String(e), errors: [] };
      setChecked(refused);
      setImported(null);
    } finally {
      setBusy(false);
    }
  };

  const exportAs = (path: string, accept: string, name: string) =>
    download(path, accept, name).then(() => setExportError(null), (e: Error) => setExportError(e.message));

  const ready = checked !== null && 'summary' in checked && imported === null;
  return (
    <section aria-labelledby="curation-title">
      <h1 id="curation-title">Import and export curated content</h1>
      <h2>Export</h2>
      <p>
        Every curated policy and ruling, with sources, verification and versions. The JSON file can be edited and
        imported back; the CSV tables are for reading in a spreadsheet.
      </p>
      <div class="tools">
        <button type="button" onClick={() => exportAs('/api/v1/curation/export', 'application/json', 'detainerlab-curated.json')}>Export all (JSON)</button>
        {TABLES.map((t) => (
          <button key={t.type} type="button" onClick={() => exportAs(`/api/v1/curation/export?format=csv&type=${t.type}`, 'text/csv', `detainerlab-${t.type}.csv`)}>{t.label}</button>
        ))}
      </div>
      {exportError && <p role="alert" class="error">{exportError}</p>}

      <h2>Import</h2>
      {!curator ? <p>Only curators import curated content.</p> : (
        <>
          <p>
            Import a JSON file in the export's format. New keys are created, unchanged entries left alone, and a changed
            entry is updated only if it still carries the version it was exported from. First check the file: nothing is
            written until you import it, and then all of it or nothing.
          </p>
          <form class="import" aria-label="Import curated content" onSubmit={(e) => { e.preventDefault(); send(true); }}>
            <div class="field">
              <label for="curated-file">Curated JSON file</label>
              <input id="curated-file" type="file" accept="application/json,.json" aria-invalid={fileError ? 'true' : undefined}
                aria-describedby={fileError ? 'curated-file-error' : undefined} onChange={(e) => choose(e.currentTarget)} />
              {fileError && <p class="error field-error" id="curated-file-error" role="alert">{fileError}</p>}
            </div>
            <div class="actions">
              <button type="submit" disabled={busy}>Check the file</button>
              <button type="button" class="primary" disabled={busy || !ready} onClick={() => send(false)}>Import {file?.name ?? ''}</button>
            </div>
          </form>
          {checked && 'refused' in checked && (
            <div role="alert" class="conflict" data-testid="import-refused">
              <p><strong>This file cannot be imported; nothing was written.</strong> {checked.refused}</p>
              {checked.errors.length > 0 && (
                <ul>{checked.errors.map((f, i) => <li key={i}><code>{f.field}</code> {f.message}{f.rejectedValue != null ? ` (was “${String(f.rejectedValue)}”)` : ''}</li>)}</ul>
              )}
            </div>
          )}
          {checked && 'summary' in checked && !imported && (
            <div role="status" data-testid="import-check">
              <p><strong>The file passed every check.</strong> Importing it would:</p>
              <Changes summary={checked.summary} tense="would" />
            </div>
          )}
          {imported && (
            <div role="status" data-testid="import-done">
              <p><strong>Imported {file?.name}.</strong></p>
              <Changes summary={imported} tense="did" />
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Changes({ summary, tense }: { summary: ImportSummary; tense: 'would' | 'did' }) {
  const line = (what: string, c: Count) => (
    <li>
      {what}: {c.created} {tense === 'would' ? 'to create' : 'created'}{c.createdKeys.length ? ` (${c.createdKeys.join(', ')})` : ''},{' '}
      {c.updated} {tense === 'would' ? 'to update' : 'updated'}{c.updatedKeys.length ? ` (${c.updatedKeys.join(', ')})` : ''},{' '}
      {c.unchanged} unchanged
    </li>
  );
  return <ul>{line('Policies', summary.policies)}{line('Rulings', summary.rulings)}</ul>;
}
