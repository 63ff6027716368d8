/** Fast strict deep equality for property tests, with vitest's diff when it fails. */
import { isDeepStrictEqual } from "node:util";
import { expect } from "vitest";

/** Asserts `actual` strictly deep-equals `expected` (same prototypes, -0 is not 0, no missing undefined keys). */
export function same(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) {
    expect(actual).toStrictEqual(expected);
    throw new Error("values differ (node:util isDeepStrictEqual)");
  }
}
