module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'curriculum',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
