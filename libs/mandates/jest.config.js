module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'mandates',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
