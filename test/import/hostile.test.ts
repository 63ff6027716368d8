/**
 * Broken and odd Rust never crashes the import: every prefix of the seed and of the lab-style
 * fixtures (cut mid-token, mid-attribute, mid-item), and a few hostile texts, give modules and
 * diagnostics, never an exception.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importRust } from "../../generator/src/import/rust/index.js";
import { CASES } from "./construct-cases.js";
import { SEED_FILES } from "./round-trip.js";

const texts = [...SEED_FILES.map((f) => readFileSync(f, "utf8")), CASES.map((c) => c.rust).join("\n")];

const HOSTILE = [
  "",
  "\u0000\u0001",
  "#[derive(Serialize)] pub struct",
  "#[serde(rename = )] #[derive(Serialize)] pub struct S { a: u8 }",
  '#[derive(Serialize)] #[serde(default = "f")] pub struct S { a: u8 } fn f() -> S { f() }',
  '#[derive(Serialize)] pub struct S { #[serde(default = "f")] a: u8 } fn f() -> u8 { g() } fn g() -> u8 { f() }',
  "#[derive(Serialize)] pub struct S { a: [u8; 99999999999999999999] }",
  "#[derive(Serialize)] pub struct S { a: Vec<> , b: Option<u8, u8>, c: BTreeMap<String> }",
  "#[derive(Serialize, Default)] pub struct S { a: Box<S> }",
  'pub fn p(a: &str) -> String { format!("{}/{}/{:?}", p(a), a, a) }',
  'pub const R: &str = "/r"; pub fn p(a: &str) -> String { format!("{}/{", R, a) }',
  "#[derive(Serialize)] enum E { A = 1, B(u8) = 2 } impl std::fmt::Display for E { fn fmt(&self, f: &mut F) -> R { match *self {} } }",
  `#[derive(Serialize)] pub struct S { ${Array.from({ length: 2000 }, (_, i) => `f${i}: Option<Vec<u8>>,`).join(" ")} }`,
];

describe("hostile Rust", () => {
  it("imports every prefix of the seed and the construct table without throwing", async () => {
    let runs = 0;
    for (const text of texts) {
      const step = Math.max(1, Math.floor(text.length / 60));
      for (let end = 0; end <= text.length; end += step) {
        const result = await importRust([{ path: "cut.rs", text: text.slice(0, end), modulePath: ["cut"] }], { schemaPath: "s.json" });
        expect(Array.isArray(result.diagnostics)).toBe(true);
        runs++;
      }
    }
    expect(runs).toBeGreaterThan(150);
  });

  it.each(HOSTILE.map((t, i) => [i, t] as const))("hostile text %i gives diagnostics, not an exception", async (_i, text) => {
    const result = await importRust([{ path: "h.rs", text, modulePath: ["h"] }], { schemaPath: "s.json" });
    for (const d of result.diagnostics) expect(d.range.file).toBe("h.rs");
  });
});
