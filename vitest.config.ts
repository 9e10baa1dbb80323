import { configDefaults, defineConfig } from 'vitest/config';

// No test reads or writes the talk a person last named with --talk (the project's .talk file): each names its own.
// Set here as well as in `env` below, which reaches the test files only: the browser project's global setup builds
// the deck in this process, and a remembered talk must not turn that build to another folder.
process.env.DECK_TALK_MEMORY = 'off';

// `npm test` (= vitest run) runs both projects. The pretest script (scripts/ensure-chromium.mjs) has made sure
// Debian's Chromium is there first.
export default defineConfig({
  test: {
    // Two cores: at most two test files at a time, across both projects. Some "unit" folders (share, pdf,
    // present) drive Chromium too, each file with one browser.
    maxWorkers: 2,
    // No test reads or writes the talk a person last named with --talk (the project's .talk file): each names its own.
    env: { DECK_TALK_MEMORY: 'off' },
    // Limits, not budgets: many tests run a command or a browser, and two busy cores (CI shares them) have taken over
    // a minute for three runs of a script. A hang still fails; speed is the benchmark's to measure.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/browser/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // Builds the deck once and serves it with vite preview on 127.0.0.1 (a free port) for all files.
          globalSetup: ['tests/browser/harness.ts'],
          // One file (one Chromium) at a time; each walks every slide several times.
          fileParallelism: false,
          testTimeout: 180_000,
        },
      },
    ],
  },
});
