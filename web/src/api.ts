import Keycloak from 'keycloak-js';

/** What GET /api/v1/client-config answers: where the browser finds Keycloak, never built into the bundle. */
interface ClientConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

export interface FieldError {
  field: string;
  message: string;
  rejectedValue?: unknown;
}

/** An application/problem+json answer (RFC 9457). */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  parameter?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem, readonly response: Response) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

/** One page of a searched list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}

export interface Me {
  username: string;
  roles: string[];
  teams: string[];
}

let keycloak: Keycloak;
const RETURN_TO = 'detainerlab.returnTo';

/** Completes a login redirect if there is one; true when the user is logged in. */
export async function startAuth(): Promise<boolean> {
  const config: ClientConfig = await (await fetch('/api/v1/client-config')).json();
  keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  // check-sso asks Keycloak (by a redirect) whether its session is still open, so a reload keeps the user logged
  // in without the page keeping tokens. Redirect URIs may not carry a fragment, which holds the view, so the view
  // waits in the session and the code comes back in the query.
  if (location.hash) sessionStorage.setItem(RETURN_TO, location.hash);
  const authenticated = await keycloak.init({
    onLoad: 'check-sso', redirectUri: location.origin + '/', pkceMethod: 'S256', checkLoginIframe: false, responseMode: 'query',
  });
  const returnTo = sessionStorage.getItem(RETURN_TO);
  sessionStorage.removeItem(RETURN_TO);
  if (returnTo && !location.hash) location.hash = returnTo;
  return authenticated;
}

export function login(): Promise<void> {
  if (location.hash) sessionStorage.setItem(RETURN_TO, location.hash);
  return keycloak.login({ redirectUri: location.origin + '/' });
}

export function logout(): Promise<void> {
  return keycloak.logout({ redirectUri: location.origin + '/' });
}

/** fetch with a fresh bearer token; any answer but 2xx becomes an ApiError carrying the problem. */
export async function api(path: string, init: RequestInit = {}): Promise<Response> {
  try {
    await keycloak.updateToken(30);
  } catch {
    await login();
  }
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${keycloak.token}`);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  const response = await fetch(path, { ...init, headers });
  if (!response.ok) {
    let problem: Problem;
    try {
      problem = await response.json();
    } catch {
      problem = { status: response.status, title: response.statusText };
    }
    throw new ApiError(problem, response);
  }
  return response;
}

/** The cursor of the next page that an answer's Link header names (rel="next"), or undefined on the last page. */
export function nextCursor(response: Response): string | undefined {
  const link = response.headers.get('Link');
  const next = link?.split(',').map((part) => part.trim()).find((part) => /;\s*rel="?next"?/.test(part));
  const target = next?.match(/^<([^>]*)>/)?.[1];
  return target ? new URL(target, location.href).searchParams.get('cursor') ?? undefined : undefined;
}

export async function getJson<T>(path: string): Promise<T> {
  return (await api(path)).json();
}

export function sendJson(path: string, method: string, body: unknown, headers: Record<string, string> = {}) {
  return api(path, { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });
}

export function bearer(): string {
  return `Bearer ${keycloak.token}`;
}

/** Saves an answer of the API (e.g. a CSV) as a file, with the user's token. */
export async function download(path: string, accept: string, fileName: string): Promise<void> {
  const blob = await (await api(path, { headers: { Accept: accept } })).blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** An annotation as GET /api/v1/annotations returns it. */
export interface Annotation {
  id: number;
  parentId: number | null;
  target: {
    kind: string;
    ref: string;
    quote?: { exact: string } | null;
    position?: { start: number; end: number } | null;
    orphaned: boolean;
  };
  body: string;
  bodyHtml: string;
  tags: string[];
  visibility: 'PRIVATE' | 'TEAM' | 'RESEARCHERS';
  team: string | null;
  author: string;
  created: string;
}
