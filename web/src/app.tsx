import { logout, Me } from './api';
import { href, useRoute } from './route';
import { useApi } from './useApi';
import { focusHeading, useHeadingFocus } from './focus';
import { Explore } from './pages/explore';
import { CaseList } from './pages/cases';
import { CasePage } from './pages/case';
import { blank, CaseEditor } from './pages/case-editor';
import { Releases } from './pages/releases';
import { TimelinePage } from './pages/timeline';
import { ClaimList, ClaimPage } from './pages/claims';
import { SavedFigurePage } from './pages/saved-figure';
import { Places } from './pages/places';
import { AnnotationsPage } from './pages/annotations';
import { DetainersPage } from './pages/detainers';
import { TeamsPage } from './pages/teams';
import { ProfilePage } from './pages/profile';
import { CurationPage } from './pages/curation';

const PAGES: { page: string; label: string; role?: string }[] = [
  { page: 'explore', label: 'Explore' },
  { page: 'detainers', label: 'Rows' },
  { page: 'timeline', label: 'Timelines' },
  { page: 'cases', label: 'Case records' },
  { page: 'claims', label: 'Claims' },
  { page: 'annotations', label: 'Annotations' },
  { page: 'places', label: 'Places' },
  { page: 'curation', label: 'Import & export' },
  { page: 'releases', label: 'Releases', role: 'admin' },
  { page: 'teams', label: 'Teams', role: 'admin' },
];

export function App() {
  const route = useRoute();
  const me = useApi<Me>('/api/v1/me');
  useHeadingFocus(route);
  if (!me.data) {
    return <main id="main"><p role={me.error ? 'alert' : 'status'}>{me.error ? me.error.message : 'Loading…'}</p></main>;
  }
  const user = me.data;
  const current = route.page === 'case' ? 'cases' : route.page === 'figures' ? 'explore' : route.page;
  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); focusHeading(); }}>Skip to content</a>
      <header class="site">
        <a class="brand" href={href('explore')}>DetainerLab</a>
        <nav aria-label="Main">
          <ul>
            {PAGES.filter((p) => !p.role || user.roles.includes(p.role)).map((p) => (
              <li key={p.page}>
                <a href={href(p.page)} aria-current={current === p.page ? 'page' : undefined}>{p.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="user" data-testid="user">
          <a class="username" href={href('profile')} title="Your profile" aria-current={current === 'profile' ? 'page' : undefined}>{user.username}</a>
          <span class="roles" title="Roles">{user.roles.join(', ')}</span>
          <span class="teams" title="Teams">{user.teams.length ? user.teams.join(', ') : 'no team'}</span>
          <button type="button" onClick={() => logout()}>Log out</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === 'explore' && <Explore route={route} me={user} />}
        {route.page === 'cases' && (route.id === 'new' && user.roles.includes('curator')
          ? <NewCaseRecord row={route.params.get('row')} />
          : <CaseList route={route} me={user} />)}
        {route.page === 'case' && route.id && <CasePage id={route.id} me={user} />}
        {route.page === 'releases' && <Releases me={user} />}
        {route.page === 'timeline' && <TimelinePage route={route} me={user} />}
        {route.page === 'claims' && (route.id ? <ClaimPage id={route.id} me={user} route={route} /> : <ClaimList route={route} me={user} />)}
        {route.page === 'figures' && route.id && <SavedFigurePage id={route.id} />}
        {route.page === 'places' && <Places route={route} me={user} />}
        {route.page === 'annotations' && <AnnotationsPage route={route} />}
        {route.page === 'detainers' && <DetainersPage route={route} me={user} />}
        {route.page === 'teams' && <TeamsPage me={user} />}
        {route.page === 'profile' && <ProfilePage me={user} />}
        {route.page === 'curation' && <CurationPage me={user} />}
        {!['explore', 'cases', 'case', 'releases', 'timeline', 'claims', 'figures', 'places', 'annotations', 'detainers', 'teams', 'profile', 'curation'].includes(route.page) && <p>There is no page here. <a href={href('explore')}>Explore the data</a>.</p>}
      </main>
    </>
  );
}

/** A new case record, started empty or from a detainer row of the row browser; saved, it opens on its page. */
function NewCaseRecord({ row }: { row: string | null }) {
  return (
    <>
      <h1>New case record</h1>
      <CaseEditor start={blank(row)} onDone={(id) => { location.hash = href('case', undefined, String(id)); }} />
    </>
  );
}
