/**
 * Rust snippets -> the IDL `idlc import rust` writes for them (the table: construct-cases.ts),
 * compared as data with the expected YAML, with the diagnostic codes each must report.
 * Constructs today's loader does not read yet are checked here at the level of the YAML.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { importRust } from "../../generator/src/import/rust/index.js";
import { CASES } from "./construct-cases.js";

describe("Rust constructs to IDL", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const result = await importRust([{ path: "model.rs", text: c.rust, modulePath: ["model"] }], { schemaPath: "idl.schema.json" });
    expect(result.diagnostics.map((d) => d.code)).toEqual(c.codes ?? []);
    expect(result.modules).toHaveLength(1);
    const got = parse(result.modules[0]!.text) as Record<string, unknown>;
    const want = parse(c.idl) as Record<string, unknown>;
    for (const key of ["imports", "types", "roots", "paths"]) expect(got[key], key).toEqual(want[key]);
    // Keys come in the order docs/idl.md writes them, which the comparison above does not see.
    expect(Object.keys(got)).toEqual(["idl", "module", ...["doc", "imports", "types", "roots", "paths"].filter((k) => k in got)]);
  });
});
