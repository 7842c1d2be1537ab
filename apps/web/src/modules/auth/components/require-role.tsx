import { Suspense, useEffect, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, Redirect, useLocation } from 'wouter';
import type { Role } from '@haven/domain';
import { MeDocument } from '../../../gql/graphql';
import { currentLanguage, isLanguage, i18n } from '../../../i18n/i18n';
import { AppShell, type NavItem } from '../../layout/components/app-shell';
import { Loading, QueryError } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { ViewerContext, type Viewer } from '../hooks/use-viewer';

function NoAccess({ home }: { home: string }) {
  const { t } = useTranslation();
  usePageTitle(t('access.title'));
  return (
    <section className="panel">
      <h1>{t('access.title')}</h1>
      <p>{t('access.body')}</p>
      <p>
        <Link to={home}>{t('access.goHome')}</Link>
      </p>
    </section>
  );
}

/** A signed-in user sees Haven in the language saved to their account. */
function useAccountLanguage(viewer: Viewer | null | undefined): void {
  const preferred = viewer?.preferredLanguage;
  useEffect(() => {
    if (isLanguage(preferred) && preferred !== currentLanguage()) void i18n.changeLanguage(preferred);
  }, [viewer?.id, preferred]);
}

/**
 * Route guard and layout for signed-in areas. Not signed in: off to the right sign-in page. Signed in
 * without one of `roles`: a plain "no access" page. The safety bar, when asked for, is there in every
 * state, loading included. `nav` is an area's navigation, or a function of the viewer for pages shared
 * by several areas (such as the curriculum catalog), which keep the navigation of the viewer's home.
 */
export function RequireRole({
  roles,
  signInPath,
  safety = false,
  nav,
  navLabel,
  bare = false,
  children,
}: {
  roles: readonly Role[];
  signInPath: string;
  safety?: boolean;
  nav?: readonly NavItem[] | ((viewer: Viewer) => readonly NavItem[] | undefined);
  navLabel?: string;
  /** Signed in with a role: the page alone, without the app's header and navigation (a projector view). */
  bare?: boolean;
  /** The area's pages. */
  children: ReactNode;
}) {
  const [pathname] = useLocation();
  const { data, error, refetch } = useQuery(MeDocument);
  const viewer = data?.me;
  useAccountLanguage(viewer);

  // Apollo Client 4 reports `loading` again while refetching: keep showing what we have.
  if (!data) {
    return (
      <AppShell safety={safety}>
        {error ? <QueryError error={error} onRetry={() => void refetch()} /> : <Loading />}
      </AppShell>
    );
  }
  if (!viewer) {
    return <Redirect to={signInPath} replace state={{ from: pathname }} />;
  }
  if (!roles.some((role) => viewer.roles.includes(role))) {
    return (
      <AppShell safety={safety} viewer={viewer}>
        <NoAccess home={viewer.home} />
      </AppShell>
    );
  }
  if (bare) {
    return (
      <ViewerContext value={viewer}>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </ViewerContext>
    );
  }
  return (
    <AppShell
      safety={safety}
      viewer={viewer}
      nav={typeof nav === 'function' ? nav(viewer) : nav}
      navLabel={navLabel}
    >
      <ViewerContext value={viewer}>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </ViewerContext>
    </AppShell>
  );
}
