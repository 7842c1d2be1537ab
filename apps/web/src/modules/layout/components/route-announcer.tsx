import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';

/**
 * After a client-side navigation, moves focus to the very top of the page and reads out the new
 * page's title. The next Tab then reaches the quick exit (on student pages) or the skip link, as on
 * a fresh page load.
 */
export function RouteAnnouncer() {
  const [pathname] = useLocation();
  const [message, setMessage] = useState('');
  const ref = useRef<HTMLParagraphElement>(null);
  const shown = useRef(pathname);

  useEffect(() => {
    // Not on the first load (the browser handles that), only when the path really changed.
    if (shown.current === pathname) return;
    shown.current = pathname;
    // Let the new page set its title first.
    const timer = window.setTimeout(() => {
      setMessage(document.title);
      ref.current?.focus({ preventScroll: true });
      window.scrollTo?.(0, 0);
    }, 60);
    return () => window.clearTimeout(timer);
  }, [pathname]);

  return (
    <p ref={ref} tabIndex={-1} className="visually-hidden" aria-live="polite" data-testid="route-announcer">
      {message}
    </p>
  );
}
