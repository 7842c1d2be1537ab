module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'web',
  rootDir: '.',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  moduleNameMapper: {
    ...require('../../jest.preset.js').moduleNameMapper,
    '\\.css$': '<rootDir>/src/testing/style-stub.js',
  },
  setupFilesAfterEnv: ['<rootDir>/src/testing/setup-tests.tsx'],
};
