import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/deep/**", "test/rust/**", "**/node_modules/**"],
    testTimeout: 30_000,
    pool: "forks",
  },
});
