import { useEffect, useRef } from 'preact/hooks';
import { Route } from './route';

/** Moves focus to the page's main heading (or to main), so that a keyboard or screen-reader user starts there. */
export function focusHeading(): boolean {
  const main = document.getElementById('main');
  const heading = main?.querySelector<HTMLElement>('h1');
  const target = heading ?? main;
  if (!target) return false;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  return heading != null;
}

/**
 * After a change of page (not of a page's filters), focus moves to the new page's heading once it is drawn: most
 * pages draw it only when their data arrive, so this waits for it a few seconds and then settles for main.
 */
export function useHeadingFocus(route: Route): void {
  const first = useRef(true);
  const view = `${route.page}/${route.id ?? ''}`;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('main');
    if (!main || main.querySelector('h1')) {
      focusHeading();
      return;
    }
    const observer = new MutationObserver(() => {
      if (main.querySelector('h1')) {
        observer.disconnect();
        focusHeading();
      }
    });
    observer.observe(main, { childList: true, subtree: true });
    const stop = setTimeout(() => {
      observer.disconnect();
      focusHeading();
    }, 5000);
    return () => {
      observer.disconnect();
      clearTimeout(stop);
    };
  }, [view]);
}
