import { defineConfig } from 'vitest/config';

// Tests run against each package's TypeScript source through the
// `@retail-datagen/source` export condition, never against a stale dist/.
// The CLI tests spawn the built bin, which is why `pnpm test` builds first.
const conditions = ['@retail-datagen/source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@retail-datagen/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
