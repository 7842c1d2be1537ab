import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchemaSdl } from './print-schema';

describe('schema.gql', () => {
  it('is committed, sorted and up to date with the code (run `npm run schema:print` if this fails)', async () => {
    const committed = readFileSync(join(__dirname, '../../schema.gql'), 'utf8');
    expect(committed).toBe(await buildSchemaSdl());
  });
});
