import { useState } from 'preact/hooks';
import { api, ApiError, bearer, getJson, Me, sendJson } from '../api';
import { useApi } from '../useApi';

interface Release {
  id: number;
  title: string;
  fileName: string;
  rowsLoaded: number;
  rowsRejected: number;
  coverageFrom?: string;
  coverageTo?: string;
  status: string;
  kind: string;
  scope?: string[];
  national: boolean;
  precedence: number;
  publishedOn?: string;
  withdrawn?: { at: string; by: string; reason: string };
}

interface Change {
  version: number;
  action: string;
  actor: string;
  changedAt: string;
  note?: string;
}

interface Job {
  id: number;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | string;
  phase?: string;
  rowsRead: number;
  releaseId?: number;
  alreadyLoaded: boolean;
  message?: string;
}

interface Report {
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rules: { rule: string; severity: string; description: string; count: number; examples: { sheet: string; row: number; column: string; value: string }[] }[];
  unresolvedFacilities: { name: string; rows: number }[];
}

/** Admins upload a release and follow it: the file's bytes, then the ingest job, then the validation report. */
export function Releases({ me }: { me: Me }) {
  const releases = useApi<Release[]>('/api/v1/releases?withdrawn=true');
  const [sent, setSent] = useState<number | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!me.roles.includes('admin')) return <p role="alert">Only admins upload releases.</p>;

  const upload = (e: Event) => {
    e.preventDefault();
    setJob(null);
    setReport(null);
    setError(null);
    const form = new FormData(e.currentTarget as HTMLFormElement);
    // XMLHttpRequest, not fetch: only it reports upload progress.
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/releases');
    request.setRequestHeader('Authorization', bearer());
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (p) => p.lengthComputable && setSent(p.loaded / p.total);
    request.onload = () => {
      const answer = JSON.parse(request.responseText || '{}');
      if (request.status !== 202) {
        setError(answer.detail ?? `HTTP ${request.status}`);
        return;
      }
      setSent(1);
      follow(answer as Job);
    };
    request.onerror = () => setError('The upload was interrupted.');
    request.send(form);
  };

  const follow = async (started: Job) => {
    let current = started;
    setJob(current);
    while (current.status === 'QUEUED' || current.status === 'RUNNING') {
      await new Promise((resolve) => setTimeout(resolve, 500));
      current = await getJson<Job>(`/api/v1/jobs/${current.id}`);
      setJob(current);
    }
    if (current.releaseId) {
      setReport(await getJson<Report>(`/api/v1/releases/${current.releaseId}/report`));
      releases.reload();
    }
  };

  return (
    <>
      <h1>Releases</h1>
      <form class="upload" onSubmit={upload} aria-label="Upload a release">
        <h2>Upload a release</h2>
        <label>File (xlsx or csv) <input type="file" name="file" required accept=".xlsx,.csv" /></label>
        <label>Title <input type="text" name="title" required /></label>
        <label>FOIA number <input type="text" name="foiaNumber" /></label>
        <label>Publisher <input type="text" name="publisher" /></label>
        <div class="actions"><button type="submit" class="primary">Upload</button></div>
      </form>
      {sent !== null && (
        <p>
          <label>Upload <progress max={1} value={sent} data-testid="upload-progress">{Math.round(sent * 100)} %</progress> {Math.round(sent * 100)} %</label>
        </p>
      )}
      {job && (
        <p role="status" data-testid="job">
          Job {job.id}: <strong>{job.status}</strong>{job.phase ? `, ${job.phase}` : ''}, {job.rowsRead.toLocaleString('en-US')} rows read
          {job.status === 'RUNNING' && <progress aria-label="Ingest running" />}
          {job.alreadyLoaded && ' (this file was loaded before)'}
          {job.message && <> · {job.message}</>}
        </p>
      )}
      {error && <p role="alert" class="error">{error}</p>}
      {report && <ReportView report={report} />}
      <h2>Loaded releases</h2>
      <div class="scroll" tabIndex={0} role="region" aria-label="Table: loaded releases">
        <table class="data" data-testid="releases">
          <thead><tr><th scope="col">Id</th><th scope="col">Title</th><th scope="col">File</th><th scope="col">Coverage</th><th scope="col">Scope</th><th scope="col">Precedence</th><th scope="col">Rows loaded</th><th scope="col">Rejected</th><th scope="col">In the series</th></tr></thead>
          <tbody>
            {(releases.data ?? []).map((r) => (
              <tr key={r.id} data-testid={`release-${r.id}`}><td>{r.id}</td><td>{r.title}</td><td>{r.fileName}</td><td>{r.coverageFrom ?? '?'} to {r.coverageTo ?? '?'}</td>
                <td>{r.national ? 'national' : (r.scope ?? []).join(', ')}</td><td class="num">{r.precedence}</td>
                <td class="num">{r.rowsLoaded.toLocaleString('en-US')}</td><td class="num">{r.rowsRejected.toLocaleString('en-US')}</td>
                <td>{r.withdrawn ? <>withdrawn by {r.withdrawn.by}: {r.withdrawn.reason}</> : r.kind === 'DETAINERS' ? 'yes' : 'not a detainer release'}
                  <ReleaseActions release={r} changed={releases.reload} /></td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/**
 * Withdraw or restore (with a reason), delete (confirmed; when figures or claim checks cite the release the API
 * names them and the admin may delete anyway), and the release's history. Every change is sent with the ETag read
 * just before, so a change made meanwhile by another admin is reported rather than overwritten.
 */
function ReleaseActions({ release, changed }: { release: Release; changed: () => void }) {
  const [action, setAction] = useState<'withdraw' | 'restore' | 'delete' | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [cited, setCited] = useState<string | null>(null);
  const [history, setHistory] = useState<Change[] | null>(null);
  const path = `/api/v1/releases/${release.id}`;

  const change = async (e: Event) => {
    e.preventDefault();
    setMessage(null);
    try {
      const etag = (await api(path)).headers.get('ETag') ?? '';
      await sendJson(`${path}/${action}`, 'POST', { reason }, { 'If-Match': etag });
      setAction(null);
      setReason('');
      setHistory(null);
      changed();
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : String(err));
    }
  };

  const remove = async (force: boolean) => {
    setMessage(null);
    try {
      await api(`${path}${force ? '?force=true' : ''}`, { method: 'DELETE' });
      setAction(null);
      changed();
    } catch (err) {
      if (err instanceof ApiError && err.problem.status === 409) setCited(err.message);
      else setMessage(err instanceof ApiError ? err.message : String(err));
    }
  };

  const label = `release ${release.id}`;
  return (
    <div class="actions">
      {!action && (
        <>
          <button type="button" aria-label={`${release.withdrawn ? 'Restore' : 'Withdraw'} ${label}`}
            onClick={() => setAction(release.withdrawn ? 'restore' : 'withdraw')}>{release.withdrawn ? 'Restore' : 'Withdraw'}</button>
          <button type="button" aria-label={`Delete ${label}`} onClick={() => { setCited(null); setAction('delete'); }}>Delete</button>
        </>
      )}
      {(action === 'withdraw' || action === 'restore') && (
        <form onSubmit={change} aria-label={`${action === 'withdraw' ? 'Withdraw' : 'Restore'} ${label}`}>
          <label>Reason <input type="text" required value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} /></label>
          <button type="submit" class="primary">{action === 'withdraw' ? 'Withdraw' : 'Restore'}</button>
          <button type="button" onClick={() => setAction(null)}>Cancel</button>
        </form>
      )}
      {action === 'delete' && (
        <p role="group" aria-label={`Delete ${label}`}>
          {cited
            ? <><span role="alert">{cited}</span> <button type="button" onClick={() => remove(true)}>Delete anyway</button></>
            : <>Delete {label} and all its rows? <button type="button" class="primary" onClick={() => remove(false)}>Delete</button></>}
          <button type="button" onClick={() => setAction(null)}>Cancel</button>
        </p>
      )}
      {message && <p role="alert" class="error">{message}</p>}
      <details onToggle={async (e) => { if ((e.target as HTMLDetailsElement).open) setHistory(await getJson<Change[]>(`${path}/history`)); }}>
        <summary>History</summary>
        {history && (history.length === 0 ? <p>No changes since it was loaded.</p> : (
          <ul data-testid={`history-${release.id}`}>
            {history.map((c) => <li key={c.version}>{c.changedAt.slice(0, 16).replace('T', ' ')} {c.actor}: {c.action}{c.note ? ` (${c.note})` : ''}</li>)}
          </ul>
        ))}
      </details>
    </div>
  );
}

function ReportView({ report }: { report: Report }) {
  return (
    <section aria-labelledby="report-title" data-testid="report">
      <h2 id="report-title">Validation report</h2>
      <p>{report.rowsRead.toLocaleString('en-US')} rows read, {report.rowsLoaded.toLocaleString('en-US')} loaded, {report.rowsRejected.toLocaleString('en-US')} rejected.</p>
      <div class="scroll" tabIndex={0} role="region" aria-label="Table: validation report">
        <table class="data">
          <thead><tr><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col">Rows</th><th scope="col">First examples</th></tr></thead>
          <tbody>
            {report.rules.map((r) => (
              <tr key={r.rule}><td title={r.description}>{r.rule}</td><td>{r.severity}</td><td class="num">{r.count.toLocaleString('en-US')}</td>
                <td>{r.examples.slice(0, 3).map((x) => `${x.sheet} row ${x.row} ${x.column}: ${x.value}`).join('; ')}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.unresolvedFacilities.length > 0 && (
        <details><summary>{report.unresolvedFacilities.length} facility names resolved to nothing</summary>
          <ul>{report.unresolvedFacilities.map((f) => <li key={f.name}>{f.name} ({f.rows})</li>)}</ul>
        </details>
      )}
    </section>
  );
}
