import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useSearchParams } from 'wouter';
import {
  FloridaPlanDraftDocument,
  StateFilingsDocument,
  TexasTrainedStaffDraftDocument,
  type FilingBasisFieldsFragment,
} from '../../../gql/graphql';
import { formatDate, formatDateTime } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';
import { TableRegion } from '../../layout/components/table-region';
import { usePageTitle } from '../../layout/hooks/use-page-title';
import { readSchoolYear } from '../compliance-year';
import { YearSelect } from './compliance-parts';

/** Where each draft Haven prepares lives. */
export const DRAFT_PATHS: Readonly<Record<string, string>> = {
  'fl-implementation-plan': '/district/filings/fl-implementation-plan',
  'tx-trained-staff': '/district/filings/tx-trained-staff',
};

export const flPlanCsvHref = (year: string): string =>
  `/exports/filings/fl-implementation-plan.csv?schoolYear=${encodeURIComponent(year)}`;
export const TX_STAFF_CSV_HREF = '/exports/filings/tx-trained-staff.csv';

const gradeName = (grade: number, t: TFunction): string =>
  grade === 0 ? t('district.filings.kindergarten') : t('district.filings.grade', { grade });

/** /district/filings: what the state asks the district to file, when, how sure we are, and the drafts. */
export function FilingsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('district.filings.title'));
  const { data, error, refetch } = useQuery(StateFilingsDocument);
  return (
    <div>
      <h1>{t('district.filings.title')}</h1>
      <p className="lead">{t('district.filings.intro')}</p>
      {!data ? (
        error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Loading />
        )
      ) : data.stateFilings.length === 0 ? (
        <p>{t('district.filings.none')}</p>
      ) : (
        <ul className="card-list">
          {data.stateFilings.map((f) => (
            <li key={`${f.ruleId}/${f.filingId}`} className="card">
              <h2>{f.title}</h2>
              <p>{f.description}</p>
              <dl className="facts">
                <div>
                  <dt>{t('district.filings.recipient')}</dt>
                  <dd>{f.recipient}</dd>
                </div>
                <div>
                  <dt>{t('district.filings.deadline')}</dt>
                  <dd>
                    {f.nextDue
                      ? formatDate(`${f.nextDue}T12:00:00Z`, i18n.language)
                      : f.deadlineKind === 'after-event'
                        ? t('district.filings.withinHours', { hours: f.withinHours })
                        : t('district.filings.ongoing')}
                  </dd>
                </div>
                <div>
                  <dt>{t('district.filings.citation')}</dt>
                  <dd>{f.citation}</dd>
                </div>
                <div>
                  <dt>{t('district.filings.evidence')}</dt>
                  <dd>
                    <span className={`certainty certainty--${f.certainty}`}>
                      {t(`compliance.certainty.${f.certainty}`, { defaultValue: f.certainty })}
                    </span>
                    {f.evidenceNote && <> {f.evidenceNote}</>}
                  </dd>
                </div>
              </dl>
              {f.draft && DRAFT_PATHS[f.draft] ? (
                <p>
                  <Link className="button button--primary" to={DRAFT_PATHS[f.draft]!}>
                    {t('district.filings.openDraft', { title: f.title })}
                  </Link>
                </p>
              ) : (
                <p className="note">{t('district.filings.noDraft')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The notice every draft carries: it is a draft, to check, and how certain the rule behind it is. */
export function DraftNotice({ basis }: { basis: FilingBasisFieldsFragment }) {
  const { t, i18n } = useTranslation();
  return (
    <div
      className="notice notice--warning draft-notice"
      role="note"
      aria-label={t('district.filings.draftLabel')}
    >
      <p>
        <strong>{t('district.filings.draftLabel')}</strong> {t('district.filings.draftBody')}
      </p>
      <p>
        {t('district.filings.basis', {
          citation: basis.citation,
          recipient: basis.recipient,
          reviewed: formatDate(`${basis.reviewedOn}T12:00:00Z`, i18n.language),
        })}
      </p>
      {basis.certainty !== 'verified' && (
        <p>
          <strong>
            {t('district.filings.unclear', {
              level: t(`compliance.certainty.${basis.certainty}`, { defaultValue: basis.certainty }),
            })}
          </strong>{' '}
          {basis.evidenceNote}
        </p>
      )}
      <p>{basis.ruleNote}</p>
    </div>
  );
}

function PrintTools({ csvHref, csvLabel }: { csvHref: string; csvLabel: string }) {
  const { t } = useTranslation();
  return (
    <div className="report__actions">
      <button type="button" className="button button--primary" onClick={() => window.print()}>
        {t('district.filings.print')}
      </button>
      <a className="button button--secondary" href={csvHref} download>
        {csvLabel}
      </a>
    </div>
  );
}

/** /district/filings/fl-implementation-plan: Florida's plan drafted from the school year, for print. */
export function FloridaPlanPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('district.filings.fl.title'));
  const [params, setParams] = useSearchParams();
  const year = readSchoolYear(params);
  const { data, error, refetch } = useQuery(FloridaPlanDraftDocument, { variables: { schoolYear: year } });
  const plan = data?.floridaPlanDraft;
  return (
    <div className="report">
      <p className="no-print">
        <Link to="/district/filings">{t('district.filings.back')}</Link>
      </p>
      <h1>{t('district.filings.fl.title')}</h1>
      <div className="report__tools no-print">
        <YearSelect year={year} onChange={(y) => setParams({ year: y }, { replace: true })} />
        <PrintTools csvHref={flPlanCsvHref(year)} csvLabel={t('district.filings.csv')} />
      </div>
      {!data ? (
        error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Loading />
        )
      ) : !plan ? (
        <p>{t('district.filings.notYourState')}</p>
      ) : (
        <>
          <DraftNotice basis={plan.basis} />
          <dl className="facts facts--inline report__facts">
            <div>
              <dt>{t('report.district')}</dt>
              <dd>{plan.districtName}</dd>
            </div>
            <div>
              <dt>{t('district.filings.fl.planYear')}</dt>
              <dd>{plan.planYear}</dd>
            </div>
            <div>
              <dt>{t('district.filings.fl.basedOn')}</dt>
              <dd>{plan.schoolYear}</dd>
            </div>
            <div>
              <dt>{t('district.filings.fl.due')}</dt>
              <dd>{formatDate(`${plan.dueOn}T12:00:00Z`, i18n.language)}</dd>
            </div>
            <div>
              <dt>{t('report.generated')}</dt>
              <dd>{formatDateTime(plan.generatedAt, i18n.language)}</dd>
            </div>
          </dl>
          <p>{t('district.filings.fl.explain')}</p>
          {plan.grades.map((g) => {
            const name = gradeName(g.grade, t);
            return (
              <section
                key={g.grade}
                className="section school-block"
                aria-labelledby={`plan-grade-${g.grade}`}
              >
                <h2 id={`plan-grade-${g.grade}`}>{name}</h2>
                {g.modules.length === 0 ? (
                  <p className="notice notice--warning">{t('district.filings.fl.nothing')}</p>
                ) : (
                  <>
                    <h3>{t('district.filings.fl.methods')}</h3>
                    <TableRegion label={t('district.filings.fl.caption', { grade: name })}>
                      <table>
                        <caption className="visually-hidden">
                          {t('district.filings.fl.caption', { grade: name })}
                        </caption>
                        <thead>
                          <tr>
                            <th scope="col">{t('district.filings.fl.material')}</th>
                            <th scope="col">{t('district.filings.fl.methodsCol')}</th>
                            <th scope="col" className="numeric">
                              {t('district.filings.fl.minutes')}
                            </th>
                            <th scope="col">{t('district.filings.fl.status')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {g.modules.map((m) => (
                            <tr key={`${m.moduleId}@${m.version}`}>
                              <th scope="row">
                                {m.title}
                                <br />
                                <span className="note">
                                  {t('district.filings.fl.version', {
                                    version: m.version,
                                    licence: m.licence,
                                  })}
                                </span>
                              </th>
                              <td>
                                {t('district.filings.fl.methodList', {
                                  lessons: m.lessons,
                                  scenarios: m.scenarios,
                                  assessments:
                                    m.assessments
                                      .map((k) =>
                                        t(`district.filings.fl.assessment.${k}`, { defaultValue: k }),
                                      )
                                      .join(', ') || t('district.filings.fl.noAssessment'),
                                })}
                              </td>
                              <td className="numeric">{m.minutes}</td>
                              <td>
                                {t(
                                  `district.filings.fl.${m.status === 'delivered' ? 'delivered' : 'assigned'}`,
                                  {
                                    count: m.classes,
                                  },
                                )}
                              </td>
                            </tr>
                          ))}
                        </tbody>
                        <tfoot>
                          <tr>
                            <th scope="row" colSpan={2}>
                              {t('district.filings.fl.total')}
                            </th>
                            <td className="numeric">{g.minutes}</td>
                            <td />
                          </tr>
                        </tfoot>
                      </table>
                    </TableRegion>
                    <h3>{t('district.filings.fl.qualifications')}</h3>
                    <ul>
                      {g.instructors.map((i) => (
                        <li key={i.userId}>
                          <strong>{i.displayName}</strong>:{' '}
                          {i.trainings.length === 0
                            ? t('district.filings.fl.noTraining')
                            : i.trainings
                                .map((x) =>
                                  x.expiresAt
                                    ? t('district.filings.trainingUntil', {
                                        course: x.courseTitle,
                                        date: formatDate(x.expiresAt, i18n.language),
                                      })
                                    : x.courseTitle,
                                )
                                .join('; ')}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
            );
          })}
        </>
      )}
    </div>
  );
}

/** /district/filings/tx-trained-staff: Texas' record of the names of trained staff, for print. */
export function TexasTrainedStaffPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('district.filings.tx.title'));
  const { data, error, refetch } = useQuery(TexasTrainedStaffDraftDocument);
  const list = data?.texasTrainedStaffDraft;
  return (
    <div className="report">
      <p className="no-print">
        <Link to="/district/filings">{t('district.filings.back')}</Link>
      </p>
      <h1>{t('district.filings.tx.title')}</h1>
      <div className="report__tools no-print">
        <PrintTools csvHref={TX_STAFF_CSV_HREF} csvLabel={t('district.filings.csv')} />
      </div>
      {!data ? (
        error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Loading />
        )
      ) : !list ? (
        <p>{t('district.filings.notYourState')}</p>
      ) : (
        <>
          <DraftNotice basis={list.basis} />
          <dl className="facts facts--inline report__facts">
            <div>
              <dt>{t('report.district')}</dt>
              <dd>{list.districtName}</dd>
            </div>
            <div>
              <dt>{t('district.filings.tx.trainings')}</dt>
              <dd>{list.trainings.join(', ')}</dd>
            </div>
            <div>
              <dt>{t('report.generated')}</dt>
              <dd>{formatDateTime(list.generatedAt, i18n.language)}</dd>
            </div>
          </dl>
          {list.staff.length === 0 ? (
            <p className="notice notice--warning">{t('district.filings.tx.none')}</p>
          ) : (
            <TableRegion label={t('district.filings.tx.caption')}>
              <table>
                <caption className="visually-hidden">{t('district.filings.tx.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('district.filings.tx.name')}</th>
                    <th scope="col">{t('district.filings.tx.training')}</th>
                    <th scope="col">{t('district.filings.tx.completed')}</th>
                    <th scope="col">{t('district.filings.tx.expires')}</th>
                    <th scope="col">{t('district.filings.tx.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.staff.flatMap((s) =>
                    s.completions.map((c, i) => (
                      <tr key={`${s.userId}/${c.courseCode}/${String(c.completedAt)}`}>
                        <th scope="row">
                          {i === 0 ? s.displayName : <span className="visually-hidden">{s.displayName}</span>}
                        </th>
                        <td>{c.courseTitle}</td>
                        <td>{formatDate(c.completedAt, i18n.language)}</td>
                        <td>
                          {c.expiresAt
                            ? formatDate(c.expiresAt, i18n.language)
                            : t('district.filings.tx.noExpiry')}
                        </td>
                        <td>
                          {c.current ? t('district.filings.tx.current') : t('district.filings.tx.expired')}
                        </td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </TableRegion>
          )}
        </>
      )}
    </div>
  );
}
