import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchemaSdl } from '../graphql/print-schema';

/** `npm run schema:print`: writes apps/api/schema.gql. */
buildSchemaSdl()
  .then((sdl) => {
    const target = resolve(process.cwd(), 'apps/api/schema.gql');
    writeFileSync(target, sdl);
    console.log(`Wrote ${target}`);
  })
  .catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
