import { Me } from '../api';
import { useApi } from '../useApi';
import type { Team } from './teams';

/** The caller's own page: username, roles, and each of their teams with its members (their teammates). */
export function ProfilePage({ me }: { me: Me }) {
  const teams = useApi<Team[]>('/api/v1/teams');
  // Admins' GET /teams answers every team; their profile shows only the ones they belong to.
  const mine = (teams.data ?? []).filter((t) => t.members.includes(me.username));
  return (
    <section aria-labelledby="profile-title">
      <h1 id="profile-title">Your profile</h1>
      <dl class="facts">
        <dt>Username</dt><dd data-testid="profile-username">{me.username}</dd>
        <dt>Roles</dt><dd>{me.roles.join(', ')}</dd>
      </dl>
      <h2>Your teams</h2>
      <p class="meta">Teams as Keycloak holds them now; a change made by an admin reaches your login the next time you log in.</p>
      {teams.error && <p role="alert" class="error">{teams.error.message}</p>}
      {teams.loading && !teams.data && <p role="status">Loading…</p>}
      {teams.data && mine.length === 0 && <p class="empty">You are in no team.</p>}
      <ul class="teams-list" data-testid="profile-teams">
        {mine.map((t) => (
          <li key={t.id} class="team" data-team={t.name}>
            <h3>{t.name}</h3>
            <p>
              {t.members.length === 1 ? 'Only you.' : <>Teammates: {t.members.filter((m) => m !== me.username).join(', ')}</>}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
