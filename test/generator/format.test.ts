/**
 * idlc prints TypeScript itself, as prettier would: every emitted .ts file (of the real IDL and of
 * every golden fixture) is a fixed point of prettier with the printer's options, and so is the
 * runtime copied into the package.
 */
import * as prettier from "prettier";
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/src/emit/generate.js";
import { runtimeSource } from "../../generator/src/emit/runtime-source.js";
import { readIdlDir } from "../../generator/src/io/files.js";
import { loadIdl } from "../../generator/src/load.js";
import { PRINT_WIDTH } from "../../generator/src/targets/ts/printer/print.js";
import { TS_KNOWN_FAILURES } from "../support/known-ts-failures.js";

export const PRETTIER_OPTIONS = { parser: "typescript", printWidth: PRINT_WIDTH, trailingComma: "all" } as const;

const dirs = ["idl", ...readdirSync("test/golden/fixtures").map((f) => `test/golden/fixtures/${f}/idl`)];

describe("emitted TypeScript is in prettier's form", () => {
  it.each(dirs)("%s", async (dir) => {
    const known = TS_KNOWN_FAILURES.get(dir.split("/").at(-2) ?? "");
    if (dir !== "idl" && known !== undefined) {
      expect(() => generate(loadIdl(readIdlDir(dir)).model!, { package: { name: "x", version: "0.0.0" }, runtimeSource: runtimeSource() })).toThrow(known);
      return;
    }
    const files = generate(loadIdl(readIdlDir(dir)).model!, { package: { name: "x", version: "0.0.0" }, runtimeSource: runtimeSource() });
    for (const [path, text] of files) {
      if (!path.endsWith(".ts")) continue;
      expect(text, `${dir} ${path}`).toBe(await prettier.format(text, PRETTIER_OPTIONS));
    }
  });
});
