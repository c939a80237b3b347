import { useEffect, useState } from 'preact/hooks';
import { ApiError, getJson } from './api';

export interface Loaded<T> {
  data?: T;
  error?: ApiError | Error;
  loading: boolean;
  reload: () => void;
}

/** GETs path (null: nothing yet) and follows it as it changes; a late answer to an older path is dropped. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: path !== null });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    setState((previous) => ({ data: previous.data, loading: true }));
    getJson<T>(path).then(
      (data) => current && setState({ data, loading: false }),
      (error: Error) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [path, generation]);
  return { ...state, reload: () => setGeneration((g) => g + 1) };
}
