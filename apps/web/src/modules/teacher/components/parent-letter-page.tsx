import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import { AssignmentProgressDocument, ParentLetterDocument } from '../../../gql/graphql';
import { formatDate } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';

const LETTER_LANGUAGES = ['en', 'es'] as const;

/**
 * The module's letter to parents and guardians (from its content files), in English or Spanish, ready to print
 * for the class. Printing hides the app's own chrome (see the print stylesheet).
 */
export function ParentLetterPage() {
  const { t, i18n } = useTranslation();
  const { classId = '', assignmentId = '', lang = 'en' } = useParams();
  const language = (LETTER_LANGUAGES as readonly string[]).includes(lang) ? lang : 'en';
  const progress = useQuery(AssignmentProgressDocument, { variables: { assignmentId } });
  const assignment = progress.data?.assignmentProgress?.assignment;
  const found = assignment && assignment.classId === classId ? assignment : null;
  const letter = useQuery(ParentLetterDocument, {
    variables: { moduleId: found?.moduleId ?? '', version: found?.version, language },
    skip: !found,
  });
  usePageTitle(t('teacher.letter.title'));
  const back = (
    <p className="back-link no-print">
      <Link
        to={`/teacher/classes/${encodeURIComponent(classId)}/assignments/${encodeURIComponent(assignmentId)}`}
      >
        {t('teacher.letter.back')}
      </Link>
    </p>
  );
  if (progress.error || letter.error)
    return <QueryError error={progress.error ?? letter.error} onRetry={() => void progress.refetch()} />;
  if (!progress.data || (found && !letter.data)) return <Loading />;
  const text = letter.data?.moduleVersion?.parentNotice;
  if (!found || !text) {
    return (
      <div>
        {back}
        <h1>{t('teacher.letter.notFound')}</h1>
      </div>
    );
  }
  return (
    <div>
      {back}
      <h1 className="no-print">{t('teacher.letter.title')}</h1>
      <div className="player-actions no-print">
        {LETTER_LANGUAGES.map((l) => (
          <Link
            key={l}
            className="button"
            aria-current={l === language ? 'page' : undefined}
            to={`/teacher/classes/${encodeURIComponent(classId)}/assignments/${encodeURIComponent(assignmentId)}/letter/${l}`}
          >
            {t(`language.${l}`)}
          </Link>
        ))}
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('teacher.letter.print')}
        </button>
      </div>
      <article className="letter" lang={language} aria-label={letter.data?.moduleVersion?.title ?? ''}>
        <p className="letter__date">{formatDate(new Date(), language === 'es' ? 'es' : i18n.language)}</p>
        {text.split(/\n\s*\n/).map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </article>
    </div>
  );
}
