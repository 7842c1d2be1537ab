import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  AcknowledgeSafeguardingAlertDocument,
  SafeguardingAlertsDocument,
  SafeguardingInboxDocument,
  type SafeguardingAlertFieldsFragment,
} from '../../../gql/graphql';
import { currentLanguage } from '../../../i18n/i18n';
import { formatDateTime } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';
import { usePageTitle } from '../../layout/hooks/use-page-title';

function AlertFacts({ alert }: { alert: SafeguardingAlertFieldsFragment }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t('school.safeguarding.classes')}</dt>
          <dd>{alert.classNames.length ? alert.classNames.join(', ') : t('school.safeguarding.noClass')}</dd>
        </div>
        <div>
          <dt>{t('school.safeguarding.when')}</dt>
          <dd>
            <time dateTime={String(alert.createdAt)}>{formatDateTime(alert.createdAt, language)}</time>
          </dd>
        </div>
        {alert.categories.length > 0 && (
          <div>
            <dt>{t('school.safeguarding.categories')}</dt>
            <dd>{alert.categories.map((c) => t(`school.safeguarding.category.${c}`)).join('; ')}</dd>
          </div>
        )}
      </dl>
      <h4 className="alert-card__label">{t('school.safeguarding.text')}</h4>
      {alert.text ? (
        <blockquote className="alert-card__text">{alert.text}</blockquote>
      ) : (
        <p className="alert-card__empty">{t('school.safeguarding.noText')}</p>
      )}
    </>
  );
}

function alertTitle(t: TFunction, a: SafeguardingAlertFieldsFragment) {
  const grade =
    a.gradeLevel === null || a.gradeLevel === undefined
      ? ''
      : `, ${t('school.safeguarding.grade', { grade: a.gradeLevel })}`;
  return `${a.studentName}${grade}: ${t(`school.safeguarding.kind.${a.kind}`)}`;
}

function OpenAlert({
  alert,
  onDone,
}: {
  alert: SafeguardingAlertFieldsFragment;
  onDone: (name: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [acknowledge, { loading }] = useMutation(AcknowledgeSafeguardingAlertDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (note.trim().length < 2) {
      setProblem(t('school.safeguarding.noteRequired'));
      noteRef.current?.focus();
      return;
    }
    setProblem(null);
    try {
      await acknowledge({ variables: { input: { alertId: alert.id, note: note.trim() } } });
      onDone(alert.studentName);
    } catch {
      setProblem(t('school.safeguarding.saveFailed'));
    }
  };

  return (
    <li className="card alert-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="card__title">
        {alertTitle(t, alert)}
      </h3>
      <AlertFacts alert={alert} />
      <form className="alert-card__form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('school.safeguarding.noteLabel')}</label>
          <p className="field__hint" id={`${id}-hint`}>
            {t('school.safeguarding.noteHint')}
          </p>
          <textarea
            ref={noteRef}
            id={`${id}-note`}
            rows={3}
            maxLength={2000}
            aria-required="true"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-hint ${id}-problem` : `${id}-hint`}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {problem && (
            <p className="field__error" id={`${id}-problem`} role="alert">
              {problem}
            </p>
          )}
        </div>
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('school.safeguarding.acknowledging') : t('school.safeguarding.acknowledge')}
        </button>
      </form>
    </li>
  );
}

function AcknowledgedAlert({ alert }: { alert: SafeguardingAlertFieldsFragment }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <li className="card alert-card alert-card--done" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="card__title">
        {alertTitle(t, alert)}
      </h3>
      <AlertFacts alert={alert} />
      <p className="alert-card__ack">
        {t('school.safeguarding.acknowledgedBy', {
          name: alert.acknowledgedByName ?? '—',
          when: formatDateTime(alert.acknowledgedAt, currentLanguage()),
        })}
      </p>
      {alert.notes && (
        <p>
          <strong>{t('school.safeguarding.note')}:</strong> {alert.notes}
        </p>
      )}
    </li>
  );
}

/**
 * `/safeguarding`: for the school's designated safeguarding staff, the open alerts (what the student
 * wrote, their classes, when) to acknowledge with a note, and the acknowledged ones. The API audits every
 * read; anyone not designated gets an empty list and an explanation.
 */
export function SafeguardingPage() {
  const { t } = useTranslation();
  usePageTitle(t('school.safeguarding.title'));
  const [done, setDone] = useState<string | null>(null);
  const inbox = useQuery(SafeguardingInboxDocument);
  const open = useQuery(SafeguardingAlertsDocument, {
    variables: { status: 'open' },
    fetchPolicy: 'cache-and-network',
  });
  const acknowledged = useQuery(SafeguardingAlertsDocument, {
    variables: { status: 'acknowledged' },
    fetchPolicy: 'cache-and-network',
  });

  const onDone = (name: string) => {
    setDone(name);
    void open.refetch();
    void acknowledged.refetch();
    void inbox.refetch();
  };

  if (!inbox.data)
    return inbox.error ? (
      <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />
    ) : (
      <Loading />
    );

  return (
    <div className="safeguarding-page">
      <h1>{t('school.safeguarding.title')}</h1>
      {!inbox.data.safeguardingInbox.designated ? (
        <p>{t('school.safeguarding.notDesignated')}</p>
      ) : (
        <>
          <p className="lead">{t('school.safeguarding.intro')}</p>
          <div role="status" aria-live="polite">
            {done && <p className="notice notice--info">{t('school.safeguarding.done')}</p>}
          </div>
          <section className="section" aria-labelledby="open-alerts-title">
            <h2 id="open-alerts-title">{t('school.safeguarding.open')}</h2>
            {!open.data ? (
              open.error ? (
                <QueryError error={open.error} onRetry={() => void open.refetch()} />
              ) : (
                <Loading />
              )
            ) : open.data.safeguardingAlerts.length === 0 ? (
              <p>{t('school.safeguarding.openEmpty')}</p>
            ) : (
              <ul className="card-list card-list--stack">
                {open.data.safeguardingAlerts.map((a) => (
                  <OpenAlert key={a.id} alert={a} onDone={onDone} />
                ))}
              </ul>
            )}
          </section>
          <section className="section" aria-labelledby="acknowledged-alerts-title">
            <h2 id="acknowledged-alerts-title">{t('school.safeguarding.acknowledged')}</h2>
            {!acknowledged.data ? (
              acknowledged.error ? (
                <QueryError error={acknowledged.error} onRetry={() => void acknowledged.refetch()} />
              ) : (
                <Loading />
              )
            ) : acknowledged.data.safeguardingAlerts.length === 0 ? (
              <p>{t('school.safeguarding.acknowledgedEmpty')}</p>
            ) : (
              <ul className="card-list card-list--stack">
                {acknowledged.data.safeguardingAlerts.map((a) => (
                  <AcknowledgedAlert key={a.id} alert={a} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
