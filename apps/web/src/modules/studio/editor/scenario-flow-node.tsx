import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { EditorIssue } from './editor-issue';
import type { ScenarioFlowNode } from './scenario-flow';

const BADGES: Record<string, string> = {
  SCENARIO_UNREACHABLE_NODE: 'unreachable',
  SCENARIO_DEAD_END: 'deadEnd',
  SCENARIO_NO_PATH_TO_ENDING: 'noEnding',
  SCENARIO_LOOP_NO_EXIT: 'loop',
  SCENARIO_UNKNOWN_TARGET: 'brokenLink',
  SCENARIO_UNKNOWN_SPEAKER: 'unknownSpeaker',
  SCENARIO_CONDITION_SYNTAX: 'condition',
  SCENARIO_VARIABLE_UNDECLARED: 'variable',
  SCENARIO_VARIABLE_TYPE: 'variable',
  TRANSLATION_MISSING: 'missingTranslation',
};

/** The short badge text of an issue: a name for the known graph problems, else "Error"/"Warning". */
export function issueBadgeKey(issue: EditorIssue): string {
  const known = BADGES[issue.code];
  return known ? `studio.editor.scenario.badge.${known}` : `studio.editor.issue.${issue.severity}`;
}

/** A scenario node on the canvas: start marker, speaker, text excerpt, ending and issue badges. */
export function ScenarioNodeView({ data, selected }: NodeProps<ScenarioFlowNode>) {
  const { t } = useTranslation();
  const { node, isStart, excerpt, issues, lang } = data;
  const classes = ['scenario-node'];
  if (selected) classes.push('scenario-node--selected');
  if (node.ending) classes.push(`scenario-node--ending scenario-node--${node.ending.outcome}`);
  if (issues.some((i) => i.severity === 'error')) classes.push('scenario-node--error');
  return (
    <div className={classes.join(' ')} data-node-id={node.id}>
      <Handle type="target" position={Position.Left} />
      <p className="scenario-node__head">
        {isStart && (
          <span className="scenario-node__start">
            <span aria-hidden="true">▶ </span>
            {t('studio.editor.scenario.startMarker')}
          </span>
        )}
        <span className="scenario-node__id">{node.id}</span>
      </p>
      <p className="scenario-node__speaker">{node.speaker}</p>
      <p className="scenario-node__text" lang={lang}>
        {excerpt || <em>{t('studio.editor.scenario.noText')}</em>}
      </p>
      {node.ending && (
        <p className={`scenario-outcome scenario-outcome--${node.ending.outcome}`}>
          <span aria-hidden="true">◆ </span>
          {t('studio.editor.scenario.endingBadge', {
            outcome: t(`studio.editor.outcome.${node.ending.outcome}`),
          })}
        </p>
      )}
      {issues.length > 0 && (
        <ul className="scenario-node__issues" aria-label={t('studio.editor.scenario.nodeIssues')}>
          {issues.map((issue, i) => (
            <li
              key={`${issue.code}-${i}`}
              className={`scenario-issue-badge scenario-issue-badge--${issue.severity}`}
              title={issue.message}
            >
              <span aria-hidden="true">{issue.severity === 'error' ? '✖ ' : '⚠ '}</span>
              {t(issueBadgeKey(issue))}
              <span className="visually-hidden">: {issue.message}</span>
            </li>
          ))}
        </ul>
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}
