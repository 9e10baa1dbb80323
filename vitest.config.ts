import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests build the deck and drive Chromium: generous limits on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Each browser test file starts its own Chromium; two at a time is what two cores carry.
    maxWorkers: 2,
  },
});
