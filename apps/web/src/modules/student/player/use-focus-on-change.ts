import { useEffect, useRef, type RefObject } from 'react';

/**
 * Moves focus to `target` when `key` changes, never on the first render: on arrival the keyboard
 * starts at the top of the page, where the quick exit is.
 */
export function useFocusOnChange(target: RefObject<HTMLElement | null>, key: unknown): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    target.current?.focus();
  }, [key, target]);
}
