module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'web',
  rootDir: '.',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  moduleNameMapper: {
    ...require('../../jest.preset.js').moduleNameMapper,
    '\\.css$': '<rootDir>/src/testing/style-stub.js',
    // `x.json?staff` (a copy of x.json for the staff chunk, vite.config.mts) is x.json itself here.
    '^(\\.{1,2}/.*\\.json)\\?staff$': '$1',
  },
  // wouter ships ES modules only: SWC compiles it like our sources.
  transformIgnorePatterns: ['/node_modules/(?!wouter/)'],
  setupFilesAfterEnv: ['<rootDir>/src/testing/setup-tests.tsx'],
};
