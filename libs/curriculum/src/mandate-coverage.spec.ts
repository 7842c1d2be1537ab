import {
  FLORIDA_TRAFFICKING_PREVENTION_RULE as FL,
  requiredTopicsForBand,
  topicCoverage,
} from './mandate-coverage';
import { TOPICS } from './vocabulary';

describe('Florida topic coverage', () => {
  it('maps each of the five required items (a)-(e) to known topic tags', () => {
    expect(FL.requirements.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    for (const r of FL.requirements) for (const t of r.topics) expect(TOPICS[t]).toBeDefined();
  });

  it('only requires topics a band may teach', () => {
    const k2 = requiredTopicsForBand(FL, 'K-2');
    expect(k2).toEqual(
      expect.arrayContaining(['resources', 'body-autonomy', 'safe-adults', 'help-seeking', 'online-safety']),
    );
    expect(k2).not.toContain('signs-of-trafficking');
    expect(k2).not.toContain('substance-use-prevention');
    expect(requiredTopicsForBand(FL, '3-5')).toContain('substance-use-prevention');
    expect(requiredTopicsForBand(FL, '6-8')).toEqual(
      expect.arrayContaining(['signs-of-trafficking', 'sex-trafficking']),
    );
  });

  it('reports missing topics and which requirements are covered', () => {
    const c = topicCoverage(FL, '6-8', ['resources', 'signs-of-trafficking']);
    expect(c.missing).toContain('substance-use-prevention');
    expect(c.requirements.find((r) => r.id === 'a')).toEqual({ id: 'a', covered: true });
    expect(c.requirements.find((r) => r.id === 'c')).toEqual({ id: 'c', covered: false });
    // (a) has no tag a K-2 class may be taught, so it is not listed for K-2.
    expect(topicCoverage(FL, 'K-2', []).requirements.map((r) => r.id)).toEqual(['b', 'd', 'e']);
  });
});
