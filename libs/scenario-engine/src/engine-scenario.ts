/**
 * The engine's own view of a scenario: only the fields it needs. A compiled curriculum scenario
 * (`CompiledScenario` from `@haven/curriculum`) is assignable to it, but the engine never imports the
 * curriculum library (the curriculum depends on the engine, not the reverse), so it stays small
 * enough for the student's browser.
 *
 * Scenarios are treated as immutable: the engine caches what it derives from a scenario object
 * (parsed conditions, lookup tables) per object, so do not mutate one after first use.
 */

/** Text per language code, e.g. `{ en: '…', es: '…' }`. */
export type EngineText = Readonly<Record<string, string>>;

/** The value of a scenario variable. */
export type VariableValue = boolean | number;

export type ChoiceId = string;
export type NodeId = string;

export interface EngineChoice {
  readonly id: ChoiceId;
  /** Id of the node this choice leads to. */
  readonly next: NodeId;
  readonly feedback: EngineText;
  /** e.g. `protective`, `risky`, `neutral`, `safe-adult`, `help-seeking`. */
  readonly tags: readonly string[];
  /** A condition in the condition language (see `parseCondition`); the choice is offered when it holds. */
  readonly if?: string;
  /** Variables assigned when the choice is taken (applied before `add`). */
  readonly set?: Readonly<Record<string, boolean | number | string>>;
  /** Numbers added to numeric variables when the choice is taken. */
  readonly add?: Readonly<Record<string, number>>;
}

export interface EngineEnding {
  /** e.g. `protective`, `risky`, `mixed`. */
  readonly outcome: string;
  readonly debrief: EngineText;
}

export interface EngineNode {
  readonly id: NodeId;
  readonly tags: readonly string[];
  readonly choices: readonly EngineChoice[];
  /** Present on ending nodes, which have no choices. */
  readonly ending?: EngineEnding;
}

export interface EngineVariable {
  readonly id: string;
  readonly initial: VariableValue;
}

export interface EngineScenario {
  readonly id: string;
  readonly start: NodeId;
  readonly variables: readonly EngineVariable[];
  readonly nodes: readonly EngineNode[];
}

/** The node type of a given scenario type (so callers get their full node back, text included). */
export type NodeOf<S extends EngineScenario> = S['nodes'][number];
/** The choice type of a given scenario type. */
export type ChoiceOf<S extends EngineScenario> = NodeOf<S>['choices'][number];
