import { defineConfig } from "vitest/config";

/** The browser test (`npm run test:browser`): the packed package in headless Chromium, which `npm test` does not need. */
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
