/** The formatter's shortcuts must not change its output. */
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { generate, PREFORMATTED } from "../../generator/src/emit/generate.js";
import { runtimeSource } from "../../generator/src/emit/runtime-source.js";
import { formatFiles, PRETTIER_OPTIONS, splitStatements } from "../../generator/src/format/format.js";
import { readIdlDir } from "../../generator/src/io/files.js";
import { loadIdl } from "../../generator/src/load.js";

const generateFrom = (dir: string) =>
  generate(loadIdl(readIdlDir(dir)).model!, { package: { name: "x", version: "0.0.0" }, runtimeSource: runtimeSource() });

describe("formatting", () => {
  it("prints with the babel-ts parser exactly what prettier's typescript parser prints", async () => {
    for (const dir of ["idl", "test/golden/fixtures/everything/idl"]) {
      for (const [path, text] of generateFrom(dir)) {
        if (!path.endsWith(".ts")) continue;
        const viaBabel = await prettier.format(text, PRETTIER_OPTIONS);
        expect(viaBabel, `${dir} ${path}`).toBe(await prettier.format(text, { ...PRETTIER_OPTIONS, parser: "typescript" }));
      }
    }
  });

  it("copies only files already in prettier's form verbatim", async () => {
    const files = generateFrom("idl");
    for (const path of PREFORMATTED) {
      const text = files.get(path)!;
      expect(await prettier.format(text, PRETTIER_OPTIONS), path).toBe(text);
    }
  });

  it("gives, statement by statement and in batches, what formatting whole files gives", async () => {
    const raw = generateFrom("idl");
    const formatted = await formatFiles(raw);
    for (const [path, text] of raw) {
      if (!path.endsWith(".ts")) continue;
      expect(formatted.get(path), path).toBe(await prettier.format(text, PRETTIER_OPTIONS));
      expect(splitStatements(text).length, `${path} is cut into statements`).toBeGreaterThan(1);
    }
  });
});
