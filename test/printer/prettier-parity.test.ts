/**
 * The TypeScript printer prints what prettier prints: its output is a fixed point of prettier
 * (same options as the printer's), on samples whose names grow until every layout rule breaks.
 */
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { PRINT_WIDTH, printSourceFile } from "../../generator/src/targets/ts/printer/print.js";
import { sampleDecls } from "./samples.js";

export const PRETTIER = { parser: "typescript", printWidth: PRINT_WIDTH, trailingComma: "all" } as const;

describe("the TypeScript printer against prettier", () => {
  for (const n of [1, 5, 12, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 118, 119, 120, 121, 125, 140]) {
    it(`prints names of ${n} characters as prettier does`, async () => {
      const text = printSourceFile({ header: "", decls: sampleDecls(n) });
      expect(text).toBe(await format(text, PRETTIER));
    });
  }
});
