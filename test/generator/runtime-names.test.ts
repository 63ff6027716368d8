// RUNTIME_VALUES, the names FileScope.rt accepts and locals avoid, is exactly what runtime.ts exports.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RUNTIME_VALUES } from "../../generator/src/targets/ts/runtime/names.js";

const source = readFileSync(new URL("../../generator/src/targets/ts/runtime/runtime.ts", import.meta.url), "utf8");

describe("runtime names", () => {
  it("lists every value runtime.ts exports, and nothing else", () => {
    const exported = [...source.matchAll(/^export (?:abstract class|class|function|const|let) ([A-Za-z0-9_$]+)/gm)].map((m) => m[1]!);
    expect(exported.length).toBeGreaterThan(50);
    expect([...RUNTIME_VALUES].sort()).toEqual([...new Set(exported)].sort());
  });
});
