/**
 * Run counts of the property tests. The same test logic serves the small run (`npm test`) and
 * the large one (`npm run test:deep`); `FC_RUNS` overrides both, `FC_SEED` replays a failure.
 */
import fc from "fast-check";

/** Cases per main property in the deep run (`npm run test:deep`). */
export const DEEP_RUNS = 100_000;

/** `FC_RUNS` when set (a positive integer), else `defaultRuns`. */
export function fcRuns(defaultRuns: number): number {
  const env = process.env["FC_RUNS"];
  if (env === undefined || env === "") return defaultRuns;
  const n = Number(env);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`FC_RUNS must be a positive integer, got ${JSON.stringify(env)}`);
  return n;
}

/** fast-check parameters for `numRuns` cases (seeded by `FC_SEED` when set). */
export function fcParams(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env["FC_SEED"];
  return seed !== undefined && seed !== "" ? { numRuns, seed: Number(seed) } : { numRuns };
}

/** Test timeout for a property of `numRuns` cases: up to 20 ms a case (a loaded CI machine, shrinking), at least 60 s. */
export function timeoutFor(numRuns: number): number {
  return Math.max(60_000, numRuns * 20);
}
