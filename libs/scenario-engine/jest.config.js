module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'scenario-engine',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
