// A reference (not an import) so that every project compiling this file sees the declaration.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./js-yaml.d.ts" />
import fastYaml from 'js-yaml';
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { SourcePosition } from './issues';

// js-yaml (typed in js-yaml.d.ts for the two members used) reads YAML several times faster than
// `yaml`'s document API, which keeps validating hundreds of modules fast; `yaml` is still used for
// everything that needs positions.

export type DataPath = readonly (string | number)[];

/** A YAML text parsed with positions, able to point at any value (or key) by its data path. */
export interface YamlSource {
  data: unknown;
  syntaxErrors: { pos: SourcePosition; message: string }[];
  /** Position of the value at `path`, or of the nearest ancestor that exists. */
  locate(path: DataPath, opts?: { key?: boolean }): SourcePosition;
  /** Position of the first character of a scalar's text (after an opening quote). */
  locateText(path: DataPath): SourcePosition;
}

/**
 * Parses YAML keeping positions. `lineOffset` shifts reported lines (front matter starts after `---`).
 *
 * The data is read with js-yaml (YAML 1.2 core schema, duplicate keys rejected), which is fast. The
 * `yaml` document with positions is only built when a position is asked for (an issue is reported) or
 * when js-yaml rejects the text, in which case `yaml` reports the syntax errors with their positions
 * (and its reading wins if it accepts the text after all).
 */
export function parseYamlSource(text: string, lineOffset = 0): YamlSource {
  let fast: { data: unknown } | undefined;
  try {
    fast = { data: fastYaml.load(text, { schema: fastYaml.CORE_SCHEMA }) ?? null };
  } catch {
    fast = undefined;
  }
  let full: YamlSource | undefined;
  const getFull = (): YamlSource => (full ??= parseFullYaml(text, lineOffset));
  if (fast) {
    return {
      data: fast.data,
      syntaxErrors: [],
      locate: (path, opts) => getFull().locate(path, opts),
      locateText: (path) => getFull().locateText(path),
    };
  }
  return getFull();
}

/** Parses with `yaml`'s document API, which keeps the position of every node. */
function parseFullYaml(text: string, lineOffset: number): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPos = (offset: number): SourcePosition => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + lineOffset, column: p.col };
  };
  const syntaxErrors = doc.errors.map((e) => ({
    pos: toPos(e.pos[0]),
    message: e.message.split('\n')[0] ?? e.message,
  }));
  const data: unknown = syntaxErrors.length > 0 ? undefined : doc.toJS();

  const locate = (path: DataPath, opts: { key?: boolean } = {}): SourcePosition => {
    let node: unknown = doc.contents;
    let best: number = (node as Node | null)?.range?.[0] ?? 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find(
          (it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg),
        );
        if (!pair) break;
        const keyNode = pair.key as Node;
        if (last && opts.key && keyNode.range) {
          best = keyNode.range[0];
          break;
        }
        node = pair.value;
        const r = (pair.value as Node | null)?.range ?? keyNode.range;
        if (r) best = r[0];
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        node = item;
        if (item.range) best = item.range[0];
      } else {
        break;
      }
    }
    return toPos(best);
  };
  const locateText = (path: DataPath): SourcePosition => {
    const pos = locate(path);
    const node = doc.getIn(path, true);
    const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    return quoted ? { line: pos.line, column: pos.column + 1 } : pos;
  };
  return { data, syntaxErrors, locate, locateText };
}
