import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type TargetMetadatas = ReturnType<Storage['getTargetValidationMetadatas']>;

const MEMOISED = Symbol.for('haven.validationMetadataMemo');

/**
 * Remembers class-validator's answer to "which rules apply to this class?" between validations.
 *
 * class-validator works it out again for every object it validates: it filters the class's rules and walks every
 * class that has rules (a few hundred input classes here) to find its parents, which was about a tenth of the
 * API's work per submitted step. The rules are decorators: they are all registered while the classes load and do
 * not change after that, so the answer for a (class, schema, always, strictGroups, groups) question stays right;
 * registering a rule or schema later (a class loaded late) forgets every answer, so a memo is never stale.
 * Callers read the arrays and never change them (class-validator's executor and Nest's ValidationPipe).
 *
 * Installed once on the process's one metadata storage; calling it again does nothing.
 */
export function memoiseValidationMetadata(storage: Storage = getMetadataStorage()): void {
  const patched = storage as Storage & { [MEMOISED]?: true };
  if (patched[MEMOISED]) return;
  patched[MEMOISED] = true;

  let targets = new Map<string, TargetMetadatas>();
  let grouped = new WeakMap<TargetMetadatas, ReturnType<Storage['groupByPropertyName']>>();
  const forget = (): void => {
    targets = new Map();
    grouped = new WeakMap();
  };
  // One id per class (and per schema name): the memo's key must tell two classes of the same name apart.
  const ids = new WeakMap<object, number>();
  let lastId = 0;
  const idOf = (target: unknown): string => {
    if (typeof target === 'string') return `s:${target}`;
    if (target === undefined || target === null) return '-';
    let id = ids.get(target as object);
    if (id === undefined) ids.set(target as object, (id = ++lastId));
    return `c:${id}`;
  };

  const getTarget = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (targetConstructor, targetSchema, always, strictGroups, groups) => {
    const key = `${idOf(targetConstructor)}|${targetSchema ?? ''}|${always ? 1 : 0}|${strictGroups ? 1 : 0}|${
      groups?.join('\u0000') ?? '\u0001'
    }`;
    let found = targets.get(key);
    if (!found) {
      found = getTarget(targetConstructor, targetSchema, always, strictGroups, groups);
      targets.set(key, found);
    }
    return found;
  };

  const groupBy = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) {
      found = groupBy(metadata);
      grouped.set(metadata, found);
    }
    return found;
  };

  for (const method of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const original = (storage[method] as (arg: never) => void).bind(storage);
    (storage[method] as (arg: never) => void) = (arg: never) => {
      forget();
      original(arg);
    };
  }
}
