import { Document, isMap, isPair, isScalar, isSeq, visit, type ToStringOptions } from 'yaml';

/**
 * The one YAML style every canonical curriculum file is written in (browser-safe):
 *
 * - block style for maps and lists of maps, two-space indentation, list items indented under their key;
 * - a list of plain scalars (grades, languages, tags, short topic lists) in flow style `[a, b]` when
 *   that fits in {@link FLOW_LIST_MAX_WIDTH} characters, one item per line otherwise;
 * - the variable maps `set` and `add` of a scenario choice in flow style `{ a: 1 }` when they fit in
 *   the same width (every other map is in block style);
 * - strings plain when YAML allows it, else double-quoted; never folded (no line width);
 * - strings with line breaks as literal block scalars (`|-`, or `|` / `|+` when they end with line
 *   breaks);
 * - keys in the order the caller built the object (the writer builds them in schema order).
 */
export const CANONICAL_YAML_OPTIONS: ToStringOptions = {
  indent: 2,
  indentSeq: true,
  lineWidth: 0,
  minContentWidth: 0,
  blockQuote: 'literal',
  flowCollectionPadding: false,
  defaultStringType: 'PLAIN',
  defaultKeyType: 'PLAIN',
  doubleQuotedAsJSON: false,
  singleQuote: false,
};

/** Lists of scalars (and `set` / `add` maps) up to this width, brackets included, stay on one line. */
export const FLOW_LIST_MAX_WIDTH = 72;

/** Keys whose map values are written in flow style when short (scenario variable assignments). */
const FLOW_MAP_KEYS: ReadonlySet<string> = new Set(['set', 'add']);

/**
 * js-yaml (which the parser reads with) takes `0b101` as a binary integer under its core schema, while
 * the `yaml` package's core schema does not, and would write such a string plain.
 */
const JS_YAML_ONLY_NUMBER = /^[-+]?0b[0-1_]+$/i;

/** Serialises plain data (objects, arrays, strings, numbers, booleans) as canonical YAML. */
export function canonicalYaml(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && JS_YAML_ONLY_NUMBER.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  visit(doc, {
    Seq(_, node) {
      if (node.items.length === 0 || !node.items.every(isScalar)) return;
      const values = node.items.map((i) => (isScalar(i) ? i.value : undefined));
      if (values.some((v) => typeof v === 'string' && /[\n\r]/.test(v))) return;
      const probe = new Document(values);
      if (isSeq(probe.contents)) probe.contents.flow = true;
      node.flow = probe.toString(CANONICAL_YAML_OPTIONS).trimEnd().length <= FLOW_LIST_MAX_WIDTH;
    },
  });
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !FLOW_MAP_KEYS.has(String(pair.key.value))) return;
      const map = pair.value;
      if (!isMap(map) || map.items.length === 0) return;
      if (!map.items.every((p) => isPair(p) && isScalar(p.value) && !/[\n\r]/.test(String(p.value.value))))
        return;
      map.flow = true;
      const probe = new Document(map.toJSON());
      if (isMap(probe.contents)) probe.contents.flow = true;
      map.flow = probe.toString(CANONICAL_YAML_OPTIONS).trimEnd().length <= FLOW_LIST_MAX_WIDTH;
    },
  });
  return doc.toString(CANONICAL_YAML_OPTIONS);
}
