import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, nextCursor } from './api';

export interface Loaded<T> {
  data?: T;
  error?: ApiError | Error;
  loading: boolean;
  reload: () => void;
}

/**
 * GETs path (null: nothing yet), reads the answer with `read` and follows path as it changes; a late answer to
 * an older path is dropped.
 */
function useRead<T>(path: string | null, read: (response: Response) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: path !== null });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    setState((previous) => ({ data: previous.data, loading: true }));
    api(path).then(read).then(
      (data) => current && setState({ data, loading: false }),
      (error: Error) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [path, generation]);
  return { ...state, reload: () => setGeneration((g) => g + 1) };
}

/** GETs path as JSON (null: nothing yet) and follows it as it changes; a late answer to an older path is dropped. */
export function useApi<T>(path: string | null): Loaded<T> {
  return useRead<T>(path, (response) => response.json());
}

/** One page of a list the API pages with a Link header: the items, and the cursor of the next page (if any). */
export interface Paged<T> {
  items: T[];
  next?: string;
}

/** Like useApi, for a list whose next page the answer's Link rel="next" names. */
export function usePagedApi<T>(path: string | null): Loaded<Paged<T>> {
  return useRead<Paged<T>>(path, async (response) => ({ items: await response.json(), next: nextCursor(response) }));
}
