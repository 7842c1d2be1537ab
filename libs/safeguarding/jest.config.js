module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'safeguarding',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
