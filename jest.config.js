/** Jest in ESM mode with ts-jest; run through `npm test` (sets --experimental-vm-modules). */
export default {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.all.json', diagnostics: false }]
  },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  testTimeout: 30000
}
