import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * The pixel width an element is laid out at, followed as it changes. Charts draw in these pixels, so that their
 * text keeps its size on a phone instead of shrinking with a fixed viewBox.
 */
export function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => element.clientWidth > 0 && setWidth(element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
