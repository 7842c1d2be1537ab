import { useEffect, useEffectEvent } from 'react';
import { ESCAPE_TWICE_WINDOW_MS } from '../quick-exit';

/** Calls `onTwice` when Escape is pressed twice within one second, wherever the focus is. */
export function useEscapeTwice(onTwice: () => void): void {
  const fire = useEffectEvent(onTwice);

  useEffect(() => {
    let last: number | null = null;
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== 'Escape' && event.key !== 'Esc') return;
      // Holding the key down is one press, not many.
      if (event.repeat || event.isComposing) return;
      const now = Date.now();
      if (last !== null && now - last <= ESCAPE_TWICE_WINDOW_MS) {
        last = null;
        fire();
        return;
      }
      last = now;
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}
