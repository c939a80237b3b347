import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A filter form's draft: it starts from the route's values and is set to them again when the route changes
 * (`key` names the route's values). It is not set again when the page mounts: an effect runs after the first
 * paint, and would throw away what the user typed in between.
 */
export function useRouteDraft<T>(fromRoute: T, key: string) {
  const [draft, setDraft] = useState<T>(fromRoute);
  const shown = useRef(key);
  useEffect(() => {
    if (shown.current === key) return;
    shown.current = key;
    setDraft(fromRoute);
  }, [key]);
  return [draft, setDraft] as const;
}
