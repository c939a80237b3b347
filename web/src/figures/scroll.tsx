import { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * A wide table's box: it scrolls sideways on a narrow screen, says so in words while anything is out of view, and
 * shades the edge that hides more. Focusable, so that keyboard users can scroll it too.
 */
export function Scroll({ label, children }: { label: string; children: ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState(false);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setHidden(box.scrollWidth - box.clientWidth - box.scrollLeft > 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    box.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener('scroll', measure);
    };
  }, []);
  return (
    <>
      {hidden && <p class="scroll-cue" data-testid="scroll-cue">Scroll sideways for more columns →</p>}
      <div ref={ref} class="scroll" tabIndex={0} role="region" aria-label={label}>{children}</div>
    </>
  );
}
