import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { OutcomesReportDocument, type OutcomesReportQuery } from '../../../gql/graphql';
import { formatGrades } from '../../layout/format';
import { Loading, QueryError } from '../../layout/components/status';
import { TableRegion } from '../../layout/components/table-region';

type Group = NonNullable<OutcomesReportQuery['outcomesReport']>['groups'][number];
type Outcome = Group['constructs'][number];

/** The constructs shown as columns, in order (session safety has its own column). */
export const OUTCOME_CONSTRUCTS = [
  'knowledge',
  'attitudes',
  'help-seeking-intention',
  'self-efficacy',
] as const;

function OutcomeCell({ outcome }: { outcome: Outcome | undefined }) {
  const { t, i18n } = useTranslation();
  if (!outcome) {
    return (
      <td>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('compliance.outcomes.notMeasured')}</span>
      </td>
    );
  }
  if (outcome.preMean === null || outcome.postMean === null || outcome.gain === null) {
    return <td>{t('compliance.outcomes.hidden', { pairs: outcome.pairs })}</td>;
  }
  const n = (v: number) => v.toLocaleString(i18n.language, { maximumFractionDigits: 1 });
  const gain = `${outcome.gain > 0 ? '+' : ''}${n(outcome.gain)}`;
  return (
    <td>
      {t('compliance.outcomes.prePost', { pre: n(outcome.preMean), post: n(outcome.postMean) })}
      <br />
      {t('compliance.outcomes.gain', { gain })}
      <br />
      <span className="note">{t('compliance.outcomes.pairs', { pairs: outcome.pairs })}</span>
    </td>
  );
}

/** One school's outcomes: a row per grade and module version, a column per construct. */
export function OutcomesTable({ schoolName, groups }: { schoolName: string; groups: Group[] }) {
  const { t } = useTranslation();
  const caption = t('compliance.outcomes.caption', { school: schoolName });
  return (
    <TableRegion label={caption}>
      <table className="outcomes-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compliance.outcomes.gradeModule')}</th>
            {OUTCOME_CONSTRUCTS.map((c) => (
              <th key={c} scope="col">
                {t(`compliance.outcomes.construct.${c}`)}
              </th>
            ))}
            <th scope="col">{t('compliance.outcomes.sessionSafety')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const safety = g.sessionSafety;
            return (
              <tr key={`${g.grade}-${g.moduleId}-${g.moduleVersion}`}>
                <th scope="row">
                  {formatGrades(t, [g.grade])}
                  <br />
                  {t('compliance.outcomes.module', { title: g.moduleTitle, version: g.moduleVersion })}
                </th>
                {OUTCOME_CONSTRUCTS.map((c) => (
                  <OutcomeCell key={c} outcome={g.constructs.find((x) => x.construct === c)} />
                ))}
                <td>
                  {!safety
                    ? t('compliance.outcomes.noAnswers')
                    : safety.upsetPercent === null
                      ? t('compliance.outcomes.hiddenRespondents', { n: safety.respondents })
                      : t('compliance.outcomes.upset', {
                          percent: safety.upsetPercent,
                          n: safety.respondents,
                        })}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** "Outcomes": pre/post gains per construct beside the delivery figures (dashboard and printed report). */
export function OutcomesSection({ year, idPrefix }: { year: string; idPrefix: string }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(OutcomesReportDocument, { variables: { schoolYear: year } });
  const report = data?.outcomesReport;
  const schools = new Map<string, { name: string; groups: Group[] }>();
  for (const g of report?.groups ?? []) {
    const s = schools.get(g.schoolId) ?? { name: g.schoolName, groups: [] };
    s.groups.push(g);
    schools.set(g.schoolId, s);
  }
  const titleId = `${idPrefix}-outcomes-title`;
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('compliance.outcomes.title')}</h2>
      {!data ? (
        error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Loading />
        )
      ) : schools.size === 0 ? (
        <p>{t('compliance.outcomes.empty')}</p>
      ) : (
        <>
          <p>{t('compliance.outcomes.intro')}</p>
          {[...schools.entries()].map(([id, s]) => (
            <section key={id} className="school-block" aria-labelledby={`${idPrefix}-outcomes-${id}`}>
              <h3 id={`${idPrefix}-outcomes-${id}`}>{s.name}</h3>
              <OutcomesTable schoolName={s.name} groups={s.groups} />
            </section>
          ))}
          <p className="note">{t('compliance.outcomes.footnote')}</p>
        </>
      )}
    </section>
  );
}
