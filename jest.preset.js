// Shared Jest settings: SWC transpiles TypeScript with decorator metadata (NestJS and TypeORM need it),
// and the @haven/* path aliases resolve to library sources.
const path = require('node:path');

const root = __dirname;

module.exports = {
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@haven/migrations$': path.join(root, 'migrations/index.ts'),
    '^@haven/domain$': path.join(root, 'libs/shared/domain/src/index.ts'),
    '^@haven/curriculum/vocabulary$': path.join(root, 'libs/curriculum/src/vocabulary.ts'),
    '^@haven/curriculum$': path.join(root, 'libs/curriculum/src/index.ts'),
    '^@haven/scenario-engine$': path.join(root, 'libs/scenario-engine/src/index.ts'),
    '^@haven/mandates$': path.join(root, 'libs/mandates/src/index.ts'),
    '^@haven/oneroster$': path.join(root, 'libs/oneroster/src/index.ts'),
    '^@haven/safeguarding$': path.join(root, 'libs/safeguarding/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testEnvironment: 'node',
};
