import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['**/node_modules/**', '**/dist/**', 'dashboard/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests start servers and workers; keep files from fighting over two cores.
    maxWorkers: 2,
  },
});
