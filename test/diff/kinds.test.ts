/**
 * The diff rules of the data-model constructs on IR pairs (test/diff/ir-cases.ts): the diff of
 * base and head gives exactly the expected findings, with rule, severity, path and line.
 */
import { describe, expect, it } from "vitest";
import { diffModels } from "../../generator/src/diff/diff-models.js";
import { RULES } from "../../generator/src/diff/rules.js";
import { IR_CASES } from "./ir-cases.js";

describe("a pair per rule of the data-model constructs", () => {
  it.each(Object.entries(IR_CASES))("%s", (_name, { base, head, expected }) => {
    const findings = diffModels(base, head);
    const got = findings.map((f) => [f.rule, f.severity, f.path, `${f.head ? "head" : "base"}:${(f.head ?? f.base)!.start.line}`]);
    expect(got).toEqual(expected.map(([rule, severity, path, at]) => [rule, severity, path, at]));
    for (const [i, [, , , , words]] of expected.entries()) if (words) expect(findings[i]!.message).toContain(words);
  });

  it("the severities in the table are the catalog's", () => {
    for (const { expected } of Object.values(IR_CASES)) for (const [rule, severity] of expected) expect(RULES[rule].severity).toBe(severity);
  });

  it("the same models give no finding", () => {
    for (const { base, head } of Object.values(IR_CASES)) {
      expect(diffModels(base, base)).toEqual([]);
      expect(diffModels(head, head)).toEqual([]);
    }
  });
});
