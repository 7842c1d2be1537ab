import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ClassInsightsDocument, type ClassInsightsQuery } from '../../../gql/graphql';
import { Loading, QueryError } from '../../layout/components/status';
import { TableRegion } from '../../layout/components/table-region';

type Insights = ClassInsightsQuery['classInsights'];
type Construct = Insights['constructs'][number];
type Node = Insights['scenarios'][number]['nodes'][number];

function useNumber() {
  const { i18n } = useTranslation();
  return (v: number) => v.toLocaleString(i18n.language, { maximumFractionDigits: 1 });
}

function ConstructRow({ c }: { c: Construct }) {
  const { t } = useTranslation();
  const n = useNumber();
  const name = t(`compliance.outcomes.construct.${c.construct}`, { defaultValue: c.construct });
  if (c.preMean === null || c.postMean === null || c.gain === null) {
    return (
      <tr>
        <th scope="row">{name}</th>
        <td colSpan={3}>{t('teacher.insights.hiddenPairs')}</td>
        <td>{c.pairs}</td>
      </tr>
    );
  }
  const change = `${c.gain > 0 ? '+' : ''}${n(c.gain)}`;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{n(c.preMean)}</td>
      <td>{n(c.postMean)}</td>
      <td>{t('teacher.insights.changePoints', { change })}</td>
      <td>{c.pairs}</td>
    </tr>
  );
}

function NodeChoices({ node, id }: { node: Node; id: string }) {
  const { t } = useTranslation();
  const n = useNumber();
  const caption = t('teacher.insights.nodeCaption', { text: node.text });
  if (node.notYetChosen === null) {
    return (
      <div className="insights-node" data-testid={`node-${node.nodeId}`}>
        <p className="insights-node__text">{caption}</p>
        <p className="note">{t('teacher.insights.hiddenNode')}</p>
      </div>
    );
  }
  return (
    <div className="insights-node" data-testid={`node-${node.nodeId}`}>
      <TableRegion label={caption}>
        <table className="insights-table" aria-describedby={`${id}-reached`}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('teacher.insights.option')}</th>
              <th scope="col">{t('teacher.insights.students')}</th>
              <th scope="col">{t('teacher.insights.share')}</th>
            </tr>
          </thead>
          <tbody>
            {node.choices.map((c) => (
              <tr key={c.choiceId}>
                <th scope="row">{c.text}</th>
                <td>{c.count}</td>
                <td>
                  <span className="insights-bar" aria-hidden="true">
                    <span className="insights-bar__fill" style={{ width: `${c.percent ?? 0}%` }} />
                  </span>{' '}
                  {t('teacher.insights.percent', { percent: n(c.percent ?? 0) })}
                </td>
              </tr>
            ))}
            {node.notYetChosen > 0 && (
              <tr>
                <th scope="row">{t('teacher.insights.notYetChosen')}</th>
                <td>{node.notYetChosen}</td>
                <td />
              </tr>
            )}
          </tbody>
        </table>
      </TableRegion>
      <p className="note" id={`${id}-reached`}>
        {t('teacher.insights.reached', { n: node.reached })}
      </p>
    </div>
  );
}

function InsightsBody({ insights }: { insights: Insights }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t('teacher.insights.prePostTitle')}</h3>
      {insights.constructs.length === 0 ? (
        <p>{t('teacher.insights.noConstructs')}</p>
      ) : (
        <>
          <p>{t('teacher.insights.prePostIntro')}</p>
          <TableRegion label={t('teacher.insights.prePostCaption')}>
            <table className="insights-table">
              <caption>{t('teacher.insights.prePostCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('teacher.insights.construct')}</th>
                  <th scope="col">{t('teacher.insights.pre')}</th>
                  <th scope="col">{t('teacher.insights.post')}</th>
                  <th scope="col">{t('teacher.insights.change')}</th>
                  <th scope="col">{t('teacher.insights.pairs')}</th>
                </tr>
              </thead>
              <tbody>
                {insights.constructs.map((c) => (
                  <ConstructRow key={c.construct} c={c} />
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
      <p className="note">{t('teacher.insights.safetyNote')}</p>

      <h3>{t('teacher.insights.choicesTitle')}</h3>
      {insights.scenarios.length === 0 ? (
        <p>{t('teacher.insights.noScenarios')}</p>
      ) : (
        <>
          <p>{t('teacher.insights.choicesIntro')}</p>
          {insights.scenarios.map((s) => (
            <section key={s.scenarioId} aria-labelledby={`insights-${s.scenarioId}`}>
              <h4 id={`insights-${s.scenarioId}`}>{s.title}</h4>
              {s.nodes.map((node) => (
                <NodeChoices key={node.nodeId} node={node} id={`insights-${s.scenarioId}-${node.nodeId}`} />
              ))}
            </section>
          ))}
        </>
      )}
    </>
  );
}

/**
 * "Class insights" on an assignment's progress page: aggregates only (pre/post means per construct over
 * matched pairs, the share choosing each scenario option), groups under 5 hidden by the API. Loaded when the
 * teacher opens it, as each read is audited; the reflections stay in their own section, linked from here.
 */
export function ClassInsightsSection({
  assignmentId,
  displayLanguage,
  reflectionsId,
}: {
  assignmentId: string;
  displayLanguage: string;
  reflectionsId: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { data, error, refetch } = useQuery(ClassInsightsDocument, {
    variables: { assignmentId, displayLanguage },
    skip: !open,
  });
  return (
    <section className="section" aria-labelledby="class-insights-title">
      <h2 id="class-insights-title">{t('teacher.insights.title')}</h2>
      <p>{t('teacher.insights.intro')}</p>
      <p>
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={open}
          aria-controls="class-insights-body"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('teacher.insights.hide') : t('teacher.insights.show')}
        </button>
      </p>
      <div id="class-insights-body" hidden={!open}>
        {open &&
          (data ? (
            <InsightsBody insights={data.classInsights} />
          ) : error ? (
            <QueryError error={error} onRetry={() => void refetch()} />
          ) : (
            <Loading />
          ))}
      </div>
      <p>
        <a href={`#${reflectionsId}`}>{t('teacher.insights.reflectionsLink')}</a>
      </p>
    </section>
  );
}
