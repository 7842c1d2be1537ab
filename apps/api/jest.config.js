module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'api',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
};
