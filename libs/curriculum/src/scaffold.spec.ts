import { compileModule } from './compile';
import { parseModule } from './parse';
import { scaffoldModule } from './scaffold';
import { validateModule } from './validate';
import { GRADE_BANDS } from '@haven/domain';

describe('scaffoldModule', () => {
  it.each(GRADE_BANDS)('writes a skeleton that validates with no errors for band %s', (band) => {
    const parsed = parseModule(scaffoldModule('my-module', band), { basePath: 'curricula/my-module' });
    const result = validateModule(parsed);
    expect(result.errors).toEqual([]);
    // Placeholder words such as "TODO" can lift the K-2 reading level; nothing else may warn.
    expect(result.warnings.filter((w) => w.code !== 'READING_LEVEL_HIGH')).toEqual([]);
    expect(parsed.manifest?.data?.gradeBand).toBe(band);
    expect(compileModule(parsed).id).toBe('my-module');
  });
});
