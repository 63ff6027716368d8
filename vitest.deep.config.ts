import { defineConfig } from "vitest/config";

/** The long runs: property tests with 100,000+ cases and loader fuzzing at scale (`npm run test:deep`). */
export default defineConfig({
  test: {
    include: ["test/deep/**/*.test.ts"],
    testTimeout: 30 * 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
