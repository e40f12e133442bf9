import { defineConfig } from 'vitest/config';

// Unit and component tests. A fixed time zone makes day-rollover tests exact on any machine.
process.env.TZ = 'Asia/Shanghai';

export default defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // The scheduler engine loads lazily in the app; tests get it up front.
    setupFiles: ['tests/support/setup.ts'],
  },
});
