import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { NavLink } from '../../../app/router';
import { SafetyBar } from '../../safety/components/safety-bar';
import { SignOutButton } from '../../auth/components/sign-out-button';
import type { Viewer } from '../../auth/hooks/use-viewer';
import { LanguageSwitcher } from './language-switcher';

export interface NavItem {
  to: string;
  /** Translation key of the link text. */
  label: string;
  /** Match the path exactly (for an area's home). */
  end?: boolean;
}

function focusMain(event: MouseEvent<HTMLAnchorElement>): void {
  const main = document.getElementById('main');
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView?.();
}

/**
 * Every page: the student safety bar (first in tab order) when asked for, a skip link, the header, an
 * optional area navigation, and the main landmark.
 */
export function AppShell({
  children,
  viewer,
  safety = false,
  nav,
  navLabel,
}: {
  children: ReactNode;
  viewer?: Viewer | null;
  safety?: boolean;
  nav?: readonly NavItem[];
  navLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={safety ? 'app app--safe' : 'app'}>
      {safety && <SafetyBar />}
      <header className="app-header">
        <a className="skip-link" href="#main" onClick={focusMain}>
          {t('a11y.skipToContent')}
        </a>
        <div className="app-header__inner">
          <Link className="brand" to={viewer?.home ?? '/'}>
            <span className="brand__mark" aria-hidden="true" />
            {t('app.name')}
          </Link>
          <div className="app-header__tools">
            {viewer && (
              <p className="app-header__user">{t('header.signedInAs', { name: viewer.displayName })}</p>
            )}
            <LanguageSwitcher signedIn={!!viewer} />
            {viewer && <SignOutButton />}
          </div>
        </div>
        {nav && nav.length > 0 && (
          <nav className="area-nav" aria-label={navLabel ?? t('nav.label')}>
            <ul>
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
