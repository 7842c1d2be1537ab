import { conditionReferences, evaluateCondition, parseCondition } from './conditions';

const ast = (src: string) => {
  const r = parseCondition(src);
  if (!r.ok) throw new Error(r.message);
  return r.ast;
};

describe('conditions', () => {
  it('evaluates comparisons, not, and/or with precedence and parentheses', () => {
    const vars = { told: true, trust: 2, shared: false };
    expect(evaluateCondition(ast('told'), vars)).toBe(true);
    expect(evaluateCondition(ast('not shared and trust >= 2'), vars)).toBe(true);
    expect(evaluateCondition(ast('shared or told and trust > 5'), vars)).toBe(false);
    expect(evaluateCondition(ast('(shared or told) and trust != 3'), vars)).toBe(true);
    expect(evaluateCondition(ast('shared == false'), vars)).toBe(true);
    expect(evaluateCondition(ast('unknown'), vars)).toBe(false);
  });

  it('lists references with their offsets', () => {
    expect(conditionReferences(ast('told and trust >= 2'))).toEqual([
      { name: 'told', offset: 0 },
      { name: 'trust', offset: 9, op: '>=', value: 2 },
    ]);
  });

  it('reports syntax errors with an offset', () => {
    expect(parseCondition('told and')).toEqual({ ok: false, message: 'condition ends too early', offset: 8 });
    expect(parseCondition('trust >= maybe')).toEqual({
      ok: false,
      message: 'expected a number, true or false after ">="',
      offset: 9,
    });
    expect(parseCondition('a b')).toMatchObject({ ok: false, offset: 2 });
    expect(parseCondition('a & b')).toMatchObject({ ok: false, offset: 2 });
  });
});
