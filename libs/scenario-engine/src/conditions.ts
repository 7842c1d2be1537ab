/**
 * The small condition language of scenario choices (`if:`):
 *
 *   condition  := or
 *   or         := and ("or" and)*
 *   and        := unary ("and" unary)*
 *   unary      := "not" unary | "(" condition ")" | comparison
 *   comparison := variable [ ("==" | "!=" | "<" | "<=" | ">" | ">=") literal ]
 *   literal    := number | "true" | "false"
 *
 * A bare variable is true when it is `true` or a non-zero number. Examples:
 * `toldAdult`, `not sharedPhoto and trust >= 2`, `(askedFriend or toldAdult) and step != 3`.
 */
export type ComparisonOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type ConditionValue = boolean | number;

export type ConditionAst =
  | { type: 'var'; name: string; offset: number }
  | { type: 'compare'; name: string; offset: number; op: ComparisonOp; value: ConditionValue }
  | { type: 'not'; operand: ConditionAst }
  | { type: 'and' | 'or'; left: ConditionAst; right: ConditionAst };

export type ConditionParseResult =
  { ok: true; ast: ConditionAst } | { ok: false; message: string; offset: number };

interface Token {
  kind: 'ident' | 'number' | 'op' | 'lparen' | 'rparen' | 'end';
  text: string;
  offset: number;
}

function tokenize(src: string): Token[] | { message: string; offset: number } {
  const tokens: Token[] = [];
  const re = /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|(-?\d+(?:\.\d+)?)|(==|!=|<=|>=|<|>)|(\()|(\)))/y;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) {
      const at = pos + (/^\s*/.exec(src.slice(pos))?.[0].length ?? 0);
      return { message: `unexpected character "${src[at]}"`, offset: at };
    }
    const text = m[0].trim();
    const offset = re.lastIndex - text.length;
    const kind: Token['kind'] = m[1] ? 'ident' : m[2] ? 'number' : m[3] ? 'op' : m[4] ? 'lparen' : 'rparen';
    tokens.push({ kind, text, offset });
    pos = re.lastIndex;
  }
  tokens.push({ kind: 'end', text: '', offset: src.length });
  return tokens;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false']);

export function parseCondition(src: string): ConditionParseResult {
  const toks = tokenize(src);
  if (!Array.isArray(toks)) return { ok: false, ...toks };
  let i = 0;
  const peek = (): Token => toks[i] ?? toks[toks.length - 1]!;
  const fail = (message: string, t: Token = peek()): never => {
    throw Object.assign(new Error(message), { offset: t.offset });
  };
  const isWord = (w: string): boolean => peek().kind === 'ident' && peek().text === w;

  const parseOr = (): ConditionAst => {
    let left = parseAnd();
    while (isWord('or')) {
      i++;
      left = { type: 'or', left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): ConditionAst => {
    let left = parseUnary();
    while (isWord('and')) {
      i++;
      left = { type: 'and', left, right: parseUnary() };
    }
    return left;
  };
  const parseUnary = (): ConditionAst => {
    if (isWord('not')) {
      i++;
      return { type: 'not', operand: parseUnary() };
    }
    const t = peek();
    if (t.kind === 'lparen') {
      i++;
      const inner = parseOr();
      if (peek().kind !== 'rparen') fail('expected ")"');
      i++;
      return inner;
    }
    if (t.kind !== 'ident' || KEYWORDS.has(t.text))
      fail(t.kind === 'end' ? 'condition ends too early' : `expected a variable name, found "${t.text}"`);
    i++;
    if (peek().kind !== 'op') return { type: 'var', name: t.text, offset: t.offset };
    const op = peek().text as ComparisonOp;
    i++;
    const lit = peek();
    let value: ConditionValue;
    if (lit.kind === 'number') value = Number(lit.text);
    else if (lit.kind === 'ident' && (lit.text === 'true' || lit.text === 'false'))
      value = lit.text === 'true';
    else return fail(`expected a number, true or false after "${op}"`, lit);
    i++;
    return { type: 'compare', name: t.text, offset: t.offset, op, value };
  };

  try {
    const ast = parseOr();
    if (peek().kind !== 'end') fail(`unexpected "${peek().text}"; join conditions with "and" or "or"`);
    return { ok: true, ast };
  } catch (e) {
    const err = e as Error & { offset?: number };
    return { ok: false, message: err.message, offset: err.offset ?? 0 };
  }
}

/** Every variable reference in a condition, with what it is compared with. */
export function conditionReferences(
  ast: ConditionAst,
): { name: string; offset: number; op?: ComparisonOp; value?: ConditionValue }[] {
  switch (ast.type) {
    case 'var':
      return [{ name: ast.name, offset: ast.offset }];
    case 'compare':
      return [{ name: ast.name, offset: ast.offset, op: ast.op, value: ast.value }];
    case 'not':
      return conditionReferences(ast.operand);
    default:
      return [...conditionReferences(ast.left), ...conditionReferences(ast.right)];
  }
}

export function evaluateCondition(
  ast: ConditionAst,
  vars: Readonly<Record<string, ConditionValue>>,
): boolean {
  switch (ast.type) {
    case 'var': {
      const v = vars[ast.name];
      return v === true || (typeof v === 'number' && v !== 0);
    }
    case 'compare': {
      const v = vars[ast.name];
      if (v === undefined) return false;
      switch (ast.op) {
        case '==':
          return v === ast.value;
        case '!=':
          return v !== ast.value;
        case '<':
          return v < ast.value;
        case '<=':
          return v <= ast.value;
        case '>':
          return v > ast.value;
        case '>=':
          return v >= ast.value;
      }
      return false;
    }
    case 'not':
      return !evaluateCondition(ast.operand, vars);
    case 'and':
      return evaluateCondition(ast.left, vars) && evaluateCondition(ast.right, vars);
    case 'or':
      return evaluateCondition(ast.left, vars) || evaluateCondition(ast.right, vars);
  }
}
