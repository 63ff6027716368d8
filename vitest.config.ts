import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The long runs (npm run test:deep), the browser test (npm run test:browser, needs Chromium) and
    // the Rust tests (npm run test:rust, needs cargo and Debian's serde).
    exclude: ["test/deep/**", "test/browser/**", "test/rust/**", "**/node_modules/**"],
    testTimeout: 30_000,
    pool: "forks",
  },
});
