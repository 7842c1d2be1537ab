import { useRef, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { EMERGENCY, HOTLINE } from '@haven/domain';
import { quickExit } from '../quick-exit';
import { useEscapeTwice } from '../hooks/use-escape-twice';

/**
 * Shown on every student screen, first in the tab order and stuck to the top of the viewport:
 * a quick exit and a way to get help now. The help panel is a disclosure, not a dialog, so it never
 * traps focus or hides the page.
 */
export function SafetyBar() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const exit = () => quickExit(client);
  useEscapeTwice(exit);

  return (
    <>
      <aside className="safety-bar" aria-label={t('safety.regionLabel')}>
        <div className="safety-bar__inner">
          <button type="button" className="button button--exit" data-testid="quick-exit" onClick={exit}>
            {t('safety.quickExit')}
          </button>
          <button
            ref={toggle}
            type="button"
            className="button button--help"
            data-testid="help-toggle"
            aria-expanded={open}
            aria-controls="help-panel"
            onClick={() => setOpen((value) => !value)}
          >
            {t('safety.needHelp')}
          </button>
          <p className="safety-bar__hint">{t('safety.escapeHint')}</p>
        </div>
      </aside>
      <section
        id="help-panel"
        className="help-panel"
        data-testid="help-panel"
        aria-labelledby="help-panel-title"
        hidden={!open}
      >
        <div className="help-panel__inner">
          <h2 id="help-panel-title">{t('help.title')}</h2>
          <div className="help-panel__grid">
            <div className="help-card">
              <h3>{t('help.hotlineName')}</h3>
              <p>{t('help.hotlineAbout')}</p>
              <ul className="help-actions">
                <li>
                  <a className="button button--primary" href={HOTLINE.phoneHref}>
                    {t('help.call', { phone: HOTLINE.phone })}
                  </a>
                </li>
                <li>
                  <a className="button button--secondary" href={HOTLINE.smsHref}>
                    {t('help.text', { number: HOTLINE.text })}
                  </a>
                </li>
              </ul>
            </div>
            <div className="help-card help-card--urgent">
              <h3>{t('help.emergencyTitle')}</h3>
              <p>
                <a className="button button--primary" href={EMERGENCY.phoneHref}>
                  {t('help.emergencyCall', { phone: EMERGENCY.phone })}
                </a>
              </p>
              <h3>{t('help.trustedAdultTitle')}</h3>
              <p>{t('help.trustedAdult')}</p>
            </div>
          </div>
          <p className="help-panel__note">{t('help.quickExitNote')}</p>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              setOpen(false);
              toggle.current?.focus();
            }}
          >
            {t('help.close')}
          </button>
        </div>
      </section>
    </>
  );
}
