import { useState } from 'preact/hooks';
import { ApiError, Me, sendJson, api } from '../api';
import { useApi } from '../useApi';
import { useUnsavedGuard } from '../unsaved';

export interface Team {
  id: string;
  name: string;
  members: string[];
}

/** The API's words for what went wrong: a field's message when the problem names one, else its detail. */
function problemText(error: unknown, field?: string): string {
  if (error instanceof ApiError) {
    const named = error.problem.errors?.find((f) => !field || f.field === field);
    return named?.message ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Admins' teams page: every team (a top-level Keycloak group) with its members, a form to create a team, and per
 * team a form to add or remove a member by username. Errors (an unknown user, someone already a member) show in the
 * API's words beside the field.
 */
export function TeamsPage({ me }: { me: Me }) {
  const teams = useApi<Team[]>('/api/v1/teams');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [typing, setTyping] = useState<Record<string, boolean>>({});
  useUnsavedGuard(name.trim() !== '' || Object.values(typing).some(Boolean));
  if (!me.roles.includes('admin')) {
    return <section><h1>Teams</h1><p>Only admins manage teams. Your own teams are on <a href="#/profile">your profile</a>.</p></section>;
  }
  const create = async (e: Event) => {
    e.preventDefault();
    setNameError(null);
    try {
      await sendJson('/api/v1/teams', 'POST', { name });
      setName('');
      teams.reload();
    } catch (error) {
      setNameError(problemText(error, 'name'));
    }
  };
  return (
    <section aria-labelledby="teams-title">
      <h1 id="teams-title">Teams</h1>
      <p>
        Teams are groups in Keycloak. Members share team annotations; a change of membership shows when the member next
        logs in.
      </p>
      <form class="team-create" onSubmit={create} aria-label="Create a team">
        <div class="field">
          <label for="new-team">Name of a new team</label>
          <input id="new-team" type="text" value={name} aria-invalid={nameError ? 'true' : undefined}
            aria-describedby={nameError ? 'new-team-error' : undefined}
            onInput={(e) => setName(e.currentTarget.value)} />
          {nameError && <p class="error field-error" id="new-team-error" role="alert">{nameError}</p>}
        </div>
        <button type="submit" class="primary">Create team</button>
      </form>
      {teams.error && <p role="alert" class="error">{teams.error.message}</p>}
      {teams.loading && !teams.data && <p role="status">Loading…</p>}
      <ul class="teams-list" data-testid="teams">
        {(teams.data ?? []).map((t) => (
          <TeamCard key={t.id} team={t} onChanged={teams.reload}
            onTyping={(busy) => setTyping((was) => (was[t.id] === busy ? was : { ...was, [t.id]: busy }))} />
        ))}
      </ul>
      {teams.data && teams.data.length === 0 && <p class="empty">No teams yet.</p>}
    </section>
  );
}

function TeamCard({ team, onChanged, onTyping }: { team: Team; onChanged: () => void; onTyping: (busy: boolean) => void }) {
  const [username, setUsername] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = `member-${team.id}`;
  const change = async (method: 'PUT' | 'DELETE', who: string) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/teams/${encodeURIComponent(team.id)}/members/${encodeURIComponent(who)}`, { method });
      setUsername('');
      onTyping(false);
      onChanged();
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="team" data-team={team.name}>
      <h2>{team.name}</h2>
      {team.members.length === 0 ? <p class="meta">No members.</p> : (
        <ul class="members" aria-label={`Members of ${team.name}`}>
          {team.members.map((m) => (
            <li key={m}>
              <span>{m}</span>{' '}
              <button type="button" disabled={busy} onClick={() => change('DELETE', m)}
                aria-label={`Remove ${m} from ${team.name}`}>Remove</button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => { e.preventDefault(); if (username.trim()) change('PUT', username.trim()); }}
        aria-label={`Add a member to ${team.name}`}>
        <div class="field">
          <label for={field}>Add a member to {team.name} (username)</label>
          <input id={field} type="text" value={username} autoComplete="off" aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${field}-error` : undefined}
            onInput={(e) => { setUsername(e.currentTarget.value); onTyping(e.currentTarget.value.trim() !== ''); }} />
          {error && <p class="error field-error" id={`${field}-error`} role="alert">{error}</p>}
        </div>
        <button type="submit" disabled={busy}>Add member</button>
      </form>
    </li>
  );
}
