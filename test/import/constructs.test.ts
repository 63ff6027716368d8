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

describe("names across files", () => {
  it("resolves super::, crate::, globs and renamed uses to module imports", async () => {
    const common = `use serde::{Deserialize, Serialize};
#[derive(Serialize, Deserialize)]
pub struct Tag { pub name: String }
pub const ROOT: &str = "/data";`;
    const shapes = `use serde::{Deserialize, Serialize};
use super::common::*;
use crate::common::ROOT as BASE;
#[derive(Serialize, Deserialize)]
pub struct Shape { pub tag: Tag, pub other: crate::common::Tag, pub list: Vec<super::common::Tag> }
pub fn shape_dir(id: &str) -> String { format!("{}/{}", BASE, id) }`;
    const result = await importRust(
      [
        { path: "src/shapes.rs", text: shapes, modulePath: ["shapes"] },
        { path: "src/common.rs", text: common, modulePath: ["common"] },
      ],
      { schemaPath: "idl.schema.json" },
    );
    expect(result.diagnostics).toEqual([]);
    const [c, s] = result.modules.map((m) => parse(m.text) as Record<string, unknown>);
    expect(c!["module"]).toBe("common");
    expect(c!["roots"]).toEqual({ ROOT: { value: "/data" } });
    expect(s!["imports"]).toEqual(["common"]);
    expect(s!["types"]).toEqual({ Shape: { kind: "struct", fields: { tag: "Tag", other: "Tag", list: "list<Tag>" } } });
    expect(s!["paths"]).toEqual({ shape_dir: { params: { id: "string" }, template: "{ROOT}/{id}" } });
  });
});

describe("comments", () => {
  it("carries plain comments before a type over as YAML comments, without ruler lines", async () => {
    const rust = `use serde::{Deserialize, Serialize};

// ============================================================================
// Internally tagged: #[serde(tag = "type")]
// ============================================================================

/// A boot command.
#[derive(Serialize, Deserialize)]
pub struct Boot { pub kernel: String }

/* Kept for old agents:
 * they still send it. */
#[derive(Serialize, Deserialize)]
pub struct Ping;`;
    const result = await importRust([{ path: "model.rs", text: rust, modulePath: ["model"] }], { schemaPath: "idl.schema.json" });
    expect(result.modules[0]!.text).toContain(`types:
  # Internally tagged: #[serde(tag = "type")]
  Boot:
    kind: struct
    doc: A boot command.
    fields:
      kernel: string

  # Kept for old agents:
  # they still send it.
  Ping:
    kind: unit-struct
`);
  });
});
