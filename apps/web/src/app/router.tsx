import { createContext, startTransition, useContext, useLayoutEffect, useState, type ReactNode } from 'react';
import { Link, Router, useLocation, type NavigateOptions } from 'wouter';
import { navigate as historyNavigate } from 'wouter/use-browser-location';

/**
 * What wouter leaves to us. Routes, links and hooks are wouter's; this module adds the location they follow,
 * the history state of the page and a navigation link.
 */

/** The page shown: its path, its query string and its history entry's state. */
interface Place {
  path: string;
  search: string;
  state: unknown;
}

function currentPlace(): Place {
  return {
    path: window.location.pathname,
    search: window.location.search,
    state: window.history.state as unknown,
  };
}

const PlaceContext = createContext<Place | null>(null);
const followers = new Set<() => void>();

/** Moves to `to`. A link to the page already shown replaces its history entry rather than adding it again. */
function navigate(to: string, options: NavigateOptions = {}): void {
  const samePage = to === window.location.pathname + window.location.search;
  historyNavigate(to, samePage ? { ...options, replace: true } : options);
  for (const follow of followers) follow();
}

function usePlace(): Place {
  const place = useContext(PlaceContext);
  if (!place) throw new Error('The app routes render inside <AppRouter>');
  return place;
}

const usePlacePath = (): [string, typeof navigate] => [usePlace().path, navigate];
const usePlaceSearch = (): string => usePlace().search;

/**
 * Routing on the browser's history. The app moves to a new page in a React transition: while the next
 * page's code loads, the current page stays on screen, and everything that follows the location (links,
 * the route announcer) changes in the same render as the page. (wouter's own location hook cannot update
 * in a transition.)
 */
export function AppRouter({ children }: { children: ReactNode }) {
  const [place, setPlace] = useState(currentPlace);
  useLayoutEffect(() => {
    const follow = () =>
      startTransition(() =>
        setPlace((shown) => {
          const next = currentPlace();
          const same = next.path === shown.path && next.search === shown.search && next.state === shown.state;
          return same ? shown : next;
        }),
      );
    followers.add(follow);
    window.addEventListener('popstate', follow);
    // A page may have navigated already (a redirect, in its own layout effect, runs before this one).
    follow();
    return () => {
      followers.delete(follow);
      window.removeEventListener('popstate', follow);
    };
  }, []);
  return (
    <PlaceContext value={place}>
      <Router hook={usePlacePath} searchHook={usePlaceSearch}>
        {children}
      </Router>
    </PlaceContext>
  );
}

/** The history entry's state: what the link or redirect that led here handed to this page (or null). */
export function useLocationState(): unknown {
  return usePlace().state;
}

/**
 * Whether a navigation link to `to` stands for the current page: that very path when `end`, otherwise
 * also any page beneath it. Letter case is ignored, as in route matching.
 */
export function isCurrentPath(pathname: string, to: string, end: boolean): boolean {
  const path = pathname.toLowerCase();
  const target = to.toLowerCase();
  return path === target || (!end && path.startsWith(`${target}/`));
}

/** A link in a navigation list; the current page's link carries `aria-current="page"` (and `active`). */
export function NavLink({ to, end = false, children }: { to: string; end?: boolean; children: ReactNode }) {
  const [pathname] = useLocation();
  const current = isCurrentPath(pathname, to, end);
  return (
    <Link to={to} aria-current={current ? 'page' : undefined} className={current ? 'active' : undefined}>
      {children}
    </Link>
  );
}
