import { CURRENT_SCHEMA_VERSION } from './schemas';

/**
 * Every curriculum file declares `schemaVersion`. Old files are upgraded in memory by a chain of
 * vN → vN+1 functions (as oppia does for its content), so authors never have to rewrite files when the
 * format moves on, and each step stays small and tested. Add a step by appending to the chains below
 * and raising CURRENT_SCHEMA_VERSION.
 */
export type CurriculumFileKind = 'module' | 'lesson' | 'scenario' | 'assessment';

type Json = Record<string, unknown>;
/** Takes a file's data at version N (already a plain object) and returns it at version N+1. */
export type Upgrader = (data: Json) => Json;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** v1 wrote grades as a range string ("6-8", "K-2", "K", "7"); v2 lists them as integers (K = 0). */
export function gradesFromV1(value: unknown): unknown {
  if (typeof value === 'number') return [value];
  if (typeof value !== 'string') return value;
  const toGrade = (s: string): number => (s.trim().toUpperCase() === 'K' ? 0 : Number(s.trim()));
  const m = /^\s*(K|\d{1,2})\s*(?:-\s*(K|\d{1,2}))?\s*$/i.exec(value);
  if (!m || m[1] === undefined) return value;
  const from = toGrade(m[1]);
  const to = m[2] === undefined ? from : toGrade(m[2]);
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) return value;
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function bandOfV1Range(value: unknown): string | undefined {
  return typeof value === 'string' && ['K-2', '3-5', '6-8', '9-12'].includes(value.trim().toUpperCase())
    ? value.trim().toUpperCase()
    : undefined;
}

const moduleV1toV2: Upgrader = (d) => {
  const out: Json = { ...d, schemaVersion: 2 };
  if ('grades' in d) {
    out['grades'] = gradesFromV1(d['grades']);
    if (!('gradeBand' in d)) {
      const band = bandOfV1Range(d['grades']);
      if (band) out['gradeBand'] = band;
    }
  }
  return out;
};

/** v1 lessons gave `duration` ("30 min" or 30); v2 names it `minutes` and keeps a number. */
const lessonV1toV2: Upgrader = (d) => {
  const { duration, ...rest } = d;
  const out: Json = { ...rest, schemaVersion: 2 };
  if (duration !== undefined && !('minutes' in d)) {
    const n = typeof duration === 'number' ? duration : Number(/^\s*(\d+)/.exec(String(duration))?.[1]);
    out['minutes'] = Number.isFinite(n) ? n : duration;
  }
  return out;
};

/** v1 choices pointed at the next node with `goto`; v2 calls it `next`. */
const scenarioV1toV2: Upgrader = (d) => {
  const nodes = Array.isArray(d['nodes'])
    ? d['nodes'].map((node: unknown) => {
        if (!isObject(node) || !Array.isArray(node['choices'])) return node;
        const choices = node['choices'].map((c: unknown) => {
          if (!isObject(c) || !('goto' in c) || 'next' in c) return c;
          const { goto, ...rest } = c;
          return { ...rest, next: goto };
        });
        return { ...node, choices };
      })
    : d['nodes'];
  return { ...d, schemaVersion: 2, nodes };
};

/** v1 used short item types `mc` and `tf`. */
const assessmentV1toV2: Upgrader = (d) => {
  const short: Record<string, string> = { mc: 'multiple-choice', tf: 'true-false' };
  const items = Array.isArray(d['items'])
    ? d['items'].map((it: unknown) => {
        if (!isObject(it) || typeof it['type'] !== 'string') return it;
        const t = short[it['type']];
        return t ? { ...it, type: t } : it;
      })
    : d['items'];
  return { ...d, schemaVersion: 2, items };
};

/** UPGRADERS[kind][n] upgrades a file of that kind from version n+1 to n+2. */
export const UPGRADERS: Record<CurriculumFileKind, readonly Upgrader[]> = {
  module: [moduleV1toV2],
  lesson: [lessonV1toV2],
  scenario: [scenarioV1toV2],
  assessment: [assessmentV1toV2],
};

export type UpgradeResult =
  | { ok: true; data: Json; fromVersion: number }
  | { ok: false; reason: 'missing' | 'unsupported'; found: unknown };

/** Runs the chain from the file's `schemaVersion` up to CURRENT_SCHEMA_VERSION. */
export function upgradeToCurrent(kind: CurriculumFileKind, data: unknown): UpgradeResult {
  if (!isObject(data) || !('schemaVersion' in data))
    return { ok: false, reason: 'missing', found: undefined };
  const from = data['schemaVersion'];
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1 || from > CURRENT_SCHEMA_VERSION) {
    return { ok: false, reason: 'unsupported', found: from };
  }
  const chain = UPGRADERS[kind];
  let current: Json = data;
  for (let v = from; v < CURRENT_SCHEMA_VERSION; v++) {
    const step = chain[v - 1];
    if (!step) throw new Error(`No ${kind} upgrader from schemaVersion ${v} to ${v + 1}`);
    current = step(current);
  }
  return { ok: true, data: current, fromVersion: from };
}
