export * from './issues';
export * from './vocabulary';
export * from './schemas';
export * from './upgraders';
export { conditionReferences, evaluateCondition, parseCondition } from '@haven/scenario-engine';
export type {
  ComparisonOp,
  ConditionAst,
  ConditionParseResult,
  ConditionValue,
} from '@haven/scenario-engine';
export * from './scenario-graph';
export * from './lesson-markdown';
export * from './localized';
export * from './parse';
export * from './load-module';
export * from './readability';
export * from './render';
export * from './images';
export * from './validate';
export * from './canonical-json';
export * from './compile';
export * from './scaffold';
export * from './stats';
export * from './mandate-coverage';
export * from './document';
export * from './authoring/canonical-yaml';
export * from './authoring/document-files';
export * from './authoring/document-validate';
export * from './authoring/module-zip';
export * from './authoring/localized-fields';
export * from './authoring/translations';
export * from './authoring/document-diff';
export { parseModuleSpec, pullModule, PullError, type FetchFn, type PullOptions } from './cli-pull';
