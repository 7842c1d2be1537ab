module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'oneroster',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
