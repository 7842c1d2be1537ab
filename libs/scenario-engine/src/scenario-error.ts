export type ScenarioErrorCode =
  /** The current node has no choice with this id. */
  | 'UNKNOWN_CHOICE'
  /** The choice exists at the current node but its condition does not hold. */
  | 'CHOICE_NOT_AVAILABLE'
  /** The scenario has reached an ending; no further choice is accepted. */
  | 'ALREADY_ENDED'
  /** The scenario itself is invalid (unknown start or target node, bad condition, undeclared variable…). */
  | 'BROKEN_SCENARIO'
  /** The state passed in does not belong to this scenario (other scenario, unknown node). */
  | 'STATE_MISMATCH';

export interface ScenarioErrorDetails {
  readonly scenarioId: string;
  readonly nodeId?: string;
  readonly choiceId?: string;
}

/** A coded, deterministic error: the message names the scenario, node and choice concerned. */
export class ScenarioError extends Error {
  readonly code: ScenarioErrorCode;
  readonly scenarioId: string;
  readonly nodeId: string | undefined;
  readonly choiceId: string | undefined;

  constructor(code: ScenarioErrorCode, message: string, details: ScenarioErrorDetails) {
    super(message);
    this.name = 'ScenarioError';
    this.code = code;
    this.scenarioId = details.scenarioId;
    this.nodeId = details.nodeId;
    this.choiceId = details.choiceId;
  }
}
