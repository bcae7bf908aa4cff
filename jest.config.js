/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // A transcript matches each line against every sample of a generated model (thousands); on a busy
  // two-core machine a long conversation can pass jest's 5 s default without anything being wrong.
  testTimeout: 30_000,
  roots: ['<rootDir>/tests'],
  transform: { '^.+\\.ts$': '<rootDir>/tests/support/transform.js' },
  setupFiles: ['<rootDir>/tests/support/env.ts'],
  // Only virtual-alexa asks for these, for service mocks no test uses (see the file).
  moduleNameMapper: { '^(aws-sdk|nock)$': '<rootDir>/lambda/local/unusedServiceMocks.js' },
};
