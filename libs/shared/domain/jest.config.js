module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'domain',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
