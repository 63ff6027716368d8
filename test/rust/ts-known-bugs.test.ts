/**
 * KNOWN BUGS of the TypeScript package, found while proving the Rust target (issue 11/12), left
 * for the engineer who owns `generator/src/targets/ts/runtime/runtime.ts`. Each case states what
 * serde does (and what the generated crate does, since it is serde) and is marked `it.fails`: it
 * passes while the bug is there and turns red when the bug is fixed, so the mark is removed then
 * (and the case can go back where it came from).
 */
import { describe, expect, it } from "vitest";
import { parseEverythingJson, safeParseEverythingJson } from "../golden/fixtures/everything/expected/src/index.js";

const required = { small: 1, medium: 2, large: 3, huge: 4, signed: -5, wide: -6, ratio: 0.5, flag: true };
const withTags = (tags: string): string => JSON.stringify(required).replace("{", `{"tags":${tags},`);

describe("TypeScript reads a map whose key repeats (moved from test/golden/everything-behaviour.test.ts)", () => {
  it("keeps the last value, as serde does", () => {
    expect(parseEverythingJson(withTags('{"a":["x"],"a":["y"]}')).tags).toEqual({ a: ["y"] });
  });

  // serde_json reads every value of a repeated key into the map (each must be a valid V), keeping
  // the last; the TypeScript text reader skips the replaced value without checking it, so it
  // accepts a text that serde (and the generated crate) refuses:
  //   everything: {"tags":{"a":[1],"a":["y"]},...}  serde: invalid type: integer `1`, expected a string
  it.fails("KNOWN BUG: refuses a replaced value that is not a V, as serde does", () => {
    expect(safeParseEverythingJson(withTags('{"a":[1],"a":["y"]}')).ok).toBe(false);
  });

  // Likewise for a struct value: serde reads `{"xPos":1e400}` (number out of range) and refuses.
  it.fails("KNOWN BUG: refuses a replaced struct value with a number out of range, as serde does", () => {
    const text = JSON.stringify(required).replace("{", '{"point_map":{"o":{"xPos":1e400},"o":{}},');
    expect(safeParseEverythingJson(text).ok).toBe(false);
  });
});
