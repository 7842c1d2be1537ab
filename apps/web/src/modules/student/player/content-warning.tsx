import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFocusOnChange } from './use-focus-on-change';
import type { StudentModule } from './use-module-progress';

/** Before sensitive material: what is coming, and a way to do something else without saying why. */
/** The module's alternative activity (authored, in the content's language), or the interface's general one. */
export function AlternativeActivity({
  module,
}: {
  module: Pick<StudentModule, 'alternativeActivity' | 'language'>;
}) {
  const { t } = useTranslation();
  return module.alternativeActivity !== null ? (
    <p lang={module.language}>{module.alternativeActivity}</p>
  ) : (
    <p>{t('student.player.warning.alternativeDefault')}</p>
  );
}

export function ContentWarning({
  module,
  choseAlternative,
  onContinue,
  onAlternative,
}: {
  module: StudentModule;
  choseAlternative: boolean;
  onContinue: () => void;
  onAlternative: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(heading, choseAlternative);

  if (choseAlternative) {
    return (
      <section className="panel warning-panel" aria-labelledby="alternative-title">
        <h2 id="alternative-title" tabIndex={-1} ref={heading}>
          {t('student.player.warning.alternativeTitle')}
        </h2>
        <AlternativeActivity module={module} />
        <p>{t('student.player.warning.alternativeNote')}</p>
        <div className="player-actions">
          <Link className="button button--secondary" to="/student">
            {t('student.player.backToLessons')}
          </Link>
          <button type="button" className="button button--primary" onClick={onContinue}>
            {t('student.player.warning.readyNow')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="panel warning-panel" aria-labelledby="warning-title">
      <h2 id="warning-title" tabIndex={-1} ref={heading}>
        {t('student.player.warning.title')}
      </h2>
      <ul className="warning-list" lang={module.language}>
        {module.contentWarnings.map((w) => (
          <li key={w.topic}>{w.text}</li>
        ))}
      </ul>
      <p>{t('student.player.warning.stepAway')}</p>
      <div className="player-actions">
        <button type="button" className="button button--secondary" onClick={onAlternative}>
          {t('student.player.warning.alternative')}
        </button>
        <button type="button" className="button button--primary" onClick={onContinue}>
          {t('student.player.warning.continue')}
        </button>
      </div>
    </section>
  );
}
