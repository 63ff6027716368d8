import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The long runs (npm run test:deep) and the browser test (npm run test:browser, needs Chromium).
    exclude: ["test/deep/**", "test/browser/**", "**/node_modules/**"],
    testTimeout: 30_000,
    pool: "forks",
  },
});
