// Browser journeys: the built platform (npm run build) started as `npm start` would, driven in Debian's Chromium.
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'e2e',
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  globalSetup: '<rootDir>/support/global-setup.js',
  globalTeardown: '<rootDir>/support/global-teardown.js',
  testTimeout: 60000,
  maxWorkers: 1,
};
