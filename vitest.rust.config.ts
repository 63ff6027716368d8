import { defineConfig } from "vitest/config";

/**
 * The Rust tests (`npm run test:rust`): they need cargo, rustfmt, clippy and Debian's serde
 * packages (see the README), so `npm test` leaves them out. One file at a time: they share
 * cargo's target folder, and cargo would only wait for its lock anyway.
 */
export default defineConfig({
  test: {
    include: ["test/rust/**/*.test.ts"],
    testTimeout: 30 * 60_000,
    hookTimeout: 30 * 60_000,
    pool: "forks",
    fileParallelism: false,
  },
});
