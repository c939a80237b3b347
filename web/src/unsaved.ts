import { useEffect } from 'preact/hooks';

const QUESTION = 'You have unsaved changes. Leave this page and lose them?';

/**
 * While a form holds unsaved changes, leaving asks first: closing or reloading the tab through the browser's own
 * question (beforeunload), a link inside the app (every view is a #/ link) through a confirm.
 */
export function useUnsavedGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const unload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = QUESTION;
    };
    const click = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.('a[href]');
      const target = link?.getAttribute('href') ?? '';
      if (!target.startsWith('#/') || target === location.hash) return;
      if (!confirm(QUESTION)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    addEventListener('beforeunload', unload);
    document.addEventListener('click', click, true);
    return () => {
      removeEventListener('beforeunload', unload);
      document.removeEventListener('click', click, true);
    };
  }, [dirty]);
}
