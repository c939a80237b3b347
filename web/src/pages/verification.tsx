import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { useUnsavedGuard } from '../unsaved';
import type { Policy, SourceRef } from './policy-editor';
import { shown } from './policy-editor';

export interface Verification {
  status: 'VERIFIED' | 'UNVERIFIED';
  by?: string | null;
  at?: string | null;
  source?: string | null;
}

/** A fact's verification in words: who checked it against which source, or that nobody has yet. */
export function verificationText(status: string, by?: string | null, against?: string | null): string {
  if (status !== 'VERIFIED') return 'unverified';
  return `verified${by ? ` by ${by}` : ''}${against ? ` against “${against}”` : ''}`;
}

/** The facts of a policy a curator can verify: the policy itself, then each event, with their own sources. */
function facts(policy: Policy): { label: string; sources: SourceRef[]; verification?: Verification }[] {
  return [
    { label: 'the policy', sources: policy.sources, verification: policy.verification },
    ...policy.events.map((e) => ({ label: `${e.type.toLowerCase()} ${shown(e.date, e.precision)}`, sources: e.sources ?? [], verification: e.verification })),
  ];
}

const input = (v?: Verification | null) => (v && v.status === 'VERIFIED' ? { status: 'VERIFIED', source: v.source ?? null } : { status: 'UNVERIFIED', source: null });

/**
 * A curator marks one fact of a policy (the policy or one of its events) verified against one of that fact's
 * sources, or takes it back to unverified with a reason that the history keeps. It patches the policy under
 * If-Match with every other fact's verification as it was, so nothing else changes.
 */
export function VerifyForm({ policy, onDone }: { policy: Policy; onDone: () => void }) {
  const all = facts(policy);
  const [fact, setFact] = useState(0);
  const [source, setSource] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useUnsavedGuard(reason.trim() !== '');
  const chosen = all[fact];
  const verified = chosen.verification?.status === 'VERIFIED';
  const id = `verify-${policy.key}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!verified && !source) {
      setErrors({ source: 'Choose the source you checked the fact against.' });
      return;
    }
    setBusy(true);
    setErrors({});
    const wanted = verified ? { status: 'UNVERIFIED', source: null } : { status: 'VERIFIED', source };
    try {
      // The policy as it is now, with its ETag, so that a change made meanwhile is refused rather than overwritten.
      const current = await api(`/api/v1/policies/${encodeURIComponent(policy.key)}`);
      const etag = current.headers.get('ETag') ?? '';
      const now: Policy = await current.json();
      const patch: Record<string, unknown> = fact === 0 ? { verification: wanted } : {
        events: now.events.map((ev, i) => ({
          type: ev.type, date: ev.date, precision: ev.precision, note: ev.note ?? null, sources: ev.sources ?? [],
          verification: i === fact - 1 ? wanted : input(ev.verification),
        })),
      };
      const query = reason.trim() ? `?reason=${encodeURIComponent(reason.trim())}` : '';
      await api(`/api/v1/policies/${encodeURIComponent(policy.key)}${query}`, {
        method: 'PATCH', body: JSON.stringify(patch),
        headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': etag },
      });
      setReason('');
      setSource('');
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.problem.errors?.length) {
        const found: Record<string, string> = {};
        for (const f of error.problem.errors) {
          found[f.field === 'reason' ? 'reason' : /verification\.source$/.test(f.field) ? 'source' : 'form'] = f.message;
        }
        setErrors(found);
      } else if (error instanceof ApiError && error.problem.status === 412) {
        setErrors({ form: 'Someone changed this policy meanwhile; it has been reloaded, check it and try again.' });
        onDone();
      } else {
        setErrors({ form: error instanceof Error ? error.message : String(error) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="verify" onSubmit={submit} aria-label={`Verification of ${policy.title}`} data-testid="verify-form">
      <div class="field">
        <label for={`${id}-fact`}>Fact</label>
        <select id={`${id}-fact`} value={fact} onChange={(e) => { setFact(Number(e.currentTarget.value)); setErrors({}); setSource(''); }}>
          {all.map((f, i) => <option key={i} value={i}>{f.label} ({verificationText(f.verification?.status ?? 'UNVERIFIED', f.verification?.by)})</option>)}
        </select>
      </div>
      {verified ? (
        <div class="field">
          <label for={`${id}-reason`}>Why is it no longer verified?</label>
          <input id={`${id}-reason`} type="text" value={reason} aria-invalid={errors.reason ? 'true' : undefined}
            aria-describedby={errors.reason ? `${id}-reason-error` : undefined} onInput={(e) => setReason(e.currentTarget.value)} />
          {errors.reason && <p class="error field-error" id={`${id}-reason-error`} role="alert">A reason {errors.reason}</p>}
        </div>
      ) : (
        <div class="field">
          <label for={`${id}-source`}>Checked against</label>
          <select id={`${id}-source`} value={source} aria-invalid={errors.source ? 'true' : undefined}
            aria-describedby={errors.source ? `${id}-source-error` : undefined} onChange={(e) => setSource(e.currentTarget.value)}>
            <option value="">{chosen.sources.length ? 'choose one of its sources' : 'this fact has no source'}</option>
            {chosen.sources.map((s) => <option key={s.citation} value={s.citation}>{s.citation}</option>)}
          </select>
          {errors.source && <p class="error field-error" id={`${id}-source-error`} role="alert">{errors.source}</p>}
        </div>
      )}
      <button type="submit" disabled={busy}>{verified ? 'Mark unverified' : 'Mark verified'}</button>
      {errors.form && <p class="error" role="alert">{errors.form}</p>}
    </form>
  );
}
