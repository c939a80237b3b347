import { useEffect, useState } from 'preact/hooks';

/** A view of the page, all in the URL fragment (#/page/id?params), so a copied URL reproduces it. */
export interface Route {
  page: string;
  id?: string;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [page, id] = path.split('/');
  return { page: page || 'explore', id: id || undefined, params: new URLSearchParams(query) };
}

export function href(page: string, params?: Record<string, string | undefined> | URLSearchParams, id?: string): string {
  const query = new URLSearchParams();
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params ?? {});
  for (const [key, value] of entries) {
    if (value) query.set(key, value);
  }
  const search = query.toString();
  return `#/${page}${id ? `/${id}` : ''}${search ? `?${search}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const changed = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
}
