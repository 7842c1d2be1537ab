import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Background,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  type Connection,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Scenario } from '@haven/curriculum';
import { scenarioIssues, type EditorIssue } from './editor-issue';
import { addNode, connectNodes } from './scenario-ops';
import { scenarioFlow } from './scenario-flow';
import { ScenarioNodeView } from './scenario-flow-node';
import { ScenarioNodePanel } from './scenario-node-panel';
import { ScenarioSettings } from './scenario-settings';
import { useFocusOnChange } from '../../student/player/use-focus-on-change';

const NODE_TYPES: NodeTypes = { scenario: ScenarioNodeView };

/**
 * A scenario as a graph: one card per node and one arrow per choice, laid out in layers from the start
 * node. Drag from a node's right handle to another node to add a choice. Everything the canvas does can
 * also be done without a mouse: the node list selects a node and the panel beside it edits it.
 */
export function ScenarioGraphEditor({
  scenario,
  onChange,
  issues,
  languages,
}: {
  scenario: Scenario;
  onChange: (next: Scenario) => void;
  issues: readonly EditorIssue[];
  languages: readonly string[];
}) {
  const { t } = useTranslation();
  const [selectedId, setSelectedId] = useState<string | null>(scenario.start);
  const selected =
    scenario.nodes.find((n) => n.id === selectedId) ??
    scenario.nodes.find((n) => n.id === scenario.start) ??
    scenario.nodes[0];
  const sourceLang = languages[0] ?? 'en';
  const { nodes, edges } = useMemo(
    () => scenarioFlow(scenario, issues, sourceLang, selected?.id ?? null),
    [scenario, issues, sourceLang, selected?.id],
  );
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const [focusKey, setFocusKey] = useState(0);
  useFocusOnChange(panelHeading, focusKey);

  function select(id: string, focusPanel: boolean): void {
    setSelectedId(id);
    if (focusPanel) setFocusKey((k) => k + 1);
  }

  function connect(connection: Connection): void {
    if (!connection.source || !connection.target) return;
    onChange(connectNodes(scenario, connection.source, connection.target));
    select(connection.source, false);
  }

  function add(): void {
    const result = addNode(scenario);
    onChange(result.scenario);
    select(result.id, true);
  }

  return (
    <div className="scenario-editor">
      <ScenarioSettings scenario={scenario} onChange={onChange} issues={issues} languages={languages} />
      <div className="scenario-editor__workspace">
        <nav className="scenario-editor__nodes" aria-label={t('studio.editor.scenario.nodeList')}>
          <h3>{t('studio.editor.scenario.nodeList')}</h3>
          <ul className="plain-list">
            {scenario.nodes.map((n) => {
              const count = scenarioIssues(issues, scenario.id, n.id).length;
              return (
                <li key={n.id}>
                  <button
                    type="button"
                    className="button button--toggle scenario-editor__node-button"
                    aria-pressed={n.id === selected?.id}
                    onClick={() => select(n.id, true)}
                  >
                    {n.id === scenario.start && <span aria-hidden="true">▶ </span>}
                    {n.id}
                    {n.id === scenario.start && (
                      <span className="visually-hidden"> ({t('studio.editor.scenario.startMarker')})</span>
                    )}
                    {n.ending && (
                      <span className="scenario-editor__node-meta">
                        {' '}
                        · {t(`studio.editor.outcome.${n.ending.outcome}`)}
                      </span>
                    )}
                    {count > 0 && (
                      <span className="scenario-editor__node-meta">
                        {' '}
                        · <span aria-hidden="true">⚠ </span>
                        {t('studio.editor.scenario.issueCount', { count })}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" className="button button--secondary" onClick={add}>
            {t('studio.editor.scenario.addNode')}
          </button>
        </nav>
        <div
          className="scenario-editor__canvas"
          role="group"
          aria-label={t('studio.editor.scenario.canvas')}
          aria-describedby="scenario-canvas-hint"
        >
          <p id="scenario-canvas-hint" className="visually-hidden">
            {t('studio.editor.scenario.canvasHint')}
          </p>
          <ReactFlowProvider>
            <ReactFlow
              nodes={nodes}
              edges={edges}
              nodeTypes={NODE_TYPES}
              nodesDraggable={false}
              deleteKeyCode={null}
              onConnect={connect}
              onNodeClick={(_, n) => select(n.id, false)}
              onEdgeClick={(_, e) => select(e.source, false)}
              fitView
              minZoom={0.2}
              ariaLabelConfig={{
                'node.a11yDescription.default': t('studio.editor.scenario.a11yNode'),
                'node.a11yDescription.keyboardDisabled': t('studio.editor.scenario.a11yNode'),
                'edge.a11yDescription.default': t('studio.editor.scenario.a11yEdge'),
                'controls.ariaLabel': t('studio.editor.scenario.controls'),
                'controls.zoomIn.ariaLabel': t('studio.editor.scenario.zoomIn'),
                'controls.zoomOut.ariaLabel': t('studio.editor.scenario.zoomOut'),
                'controls.fitView.ariaLabel': t('studio.editor.scenario.fitView'),
                'controls.interactive.ariaLabel': t('studio.editor.scenario.interactive'),
                'handle.ariaLabel': t('studio.editor.scenario.handle'),
              }}
            >
              <Background />
              <Controls showInteractive={false} />
            </ReactFlow>
          </ReactFlowProvider>
        </div>
        {selected && (
          <ScenarioNodePanel
            scenario={scenario}
            node={selected}
            onChange={onChange}
            onSelect={(id) => select(id, false)}
            issues={issues}
            languages={languages}
            headingRef={panelHeading}
          />
        )}
      </div>
    </div>
  );
}
