/**
 * The golden fixtures' round trip through their generated Rust: each fixture's crate
 * (test/golden/fixtures/<name>/expected-rust/src/*.rs, written by `idlc generate --target rust`
 * from the fixture's idl/) is imported back, and what comes out is compared with the fixture:
 *
 * - the import is complete (no diagnostic) and loads;
 * - idlc diff's engine, from the fixture's IDL to the imported one, finds nothing but the
 *   differences listed below, each with what the generated Rust cannot carry back;
 * - the TypeScript package and the Rust crate generated from the imported IDL are the fixture's,
 *   byte for byte, but for the files those differences reach (listed);
 * - the fixture's package and the imported one read and write the same: random valid values of
 *   every type (from the fixture's model) and their mutations, and every path helper.
 *
 * lib.rs is the crate's own support (string rules, path errors), not a module: not imported.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";
import { diffModels } from "../../generator/src/diff/diff-models.js";
import { generate } from "../../generator/src/emit/generate.js";
import { runtimeSource } from "../../generator/src/emit/runtime-source.js";
import { listTree } from "../../generator/src/io/files.js";
import { pathFunctionName } from "../../generator/src/model/api-names.js";
import type { Model } from "../../generator/src/model/ir.js";
import { generateRust } from "../../generator/src/targets/rust/crate.js";
import { ModelArbitraries } from "../support/ir-arbitraries.js";
import { generatePackage, importAndLoad, loadIdlFolder, rustSources } from "./round-trip.js";
import { disagreements } from "./same-behaviour.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const fixtureDir = (name: string): string => join(here, "../golden/fixtures", name);

interface Expected {
  /** Findings of idlc diff's engine from the fixture's IDL to the imported one, each explained. */
  readonly findings: readonly string[];
  /** Files of the TypeScript package that differ (or exist on one side only) because of them. */
  readonly tsFiles: readonly string[];
  /** Files of the Rust crate that differ because of them. */
  readonly rustFiles: readonly string[];
}

const SAME: Expected = { findings: [], tsFiles: [], rustFiles: [] };

/**
 * What the generated Rust cannot carry back, fixture by fixture. Everything else (docs of types,
 * fields, variants, roots and helpers; Display strings; literal defaults from `Type::default_x`
 * and `impl Default`; `kind: string` rules from `StringRule` constants; path helpers from `format!`
 * and from a root or another helper alone; parameter types from the `try_` variants; raw
 * identifiers; `#[serde(...)]` in rustfmt's layout) comes back as the fixture says it.
 */
const EXPECTED: Readonly<Record<string, Expected>> = {
  "data-model": SAME,
  minimal: SAME,
  "reserved-words": SAME,
  everything: {
    findings: [
      // An open enum is `pub type Codec = String;` and a constant per known value in Rust: the
      // import does not guess open enums (docs/import.md), so Codec is `string` where it is used
      // and its known values and its own default are gone (the field keeps `default: gzip`).
      "breaking TYPE_REMOVED type:Codec",
      "safe IDL_ONLY_CHANGE Everything.codec",
      "safe IDL_ONLY_CHANGE Tally.codecs",
      // The fixture writes `{origin: {xPos: 0}}`, a field at its own default; Rust writes every
      // field, and the import leaves out those at their default: `{origin: {}}`, the same value.
      "dangerous DEFAULT_CHANGED Everything.point_map",
      // Rust needs Box for a struct that holds itself; the fixture leaves that to the Rust target.
      "safe BOX_CHANGED Tree.parent",
    ],
    tsFiles: [
      ".idlc-manifest",
      "README.md",
      "schema/codec.schema.json",
      "schema/everything.schema.json",
      "schema/tally.schema.json",
      "src/shapes.ts",
    ],
    rustFiles: ["src/shapes.rs"],
  },
  "long-names": {
    findings: [
      // The open enum again (see everything).
      "breaking TYPE_REMOVED type:AnOpenEnumerationWithAVeryLongNameThatGoesOnAndOnAndOn",
      "safe IDL_ONLY_CHANGE AStructureWithAVeryLongNameThatGoesOnAndOnAndOnAndOn.open_value",
      "safe IDL_ONLY_CHANGE UsesEverything.open",
      // Box of a self-holding struct, as in everything.
      "safe BOX_CHANGED AnotherStructureWithLongName.self_reference",
    ],
    tsFiles: [
      ".idlc-manifest",
      "README.md",
      "schema/a-structure-with-a-very-long-name-that-goes-on-and-on-and-on-and-on.schema.json",
      "schema/an-open-enumeration-with-a-very-long-name-that-goes-on-and-on-and-on.schema.json",
      "schema/uses-everything.schema.json",
      "src/index.ts",
      "src/layout_of_long_names.ts",
      "src/using_the_long_names.ts",
    ],
    rustFiles: ["src/layout_of_long_names.rs", "src/using_the_long_names.rs"],
  },
};

/** Paths whose text differs between two file sets, or that only one has. */
function differingFiles(want: ReadonlyMap<string, string>, got: ReadonlyMap<string, string>): string[] {
  const paths = new Set([...want.keys(), ...got.keys()]);
  return [...paths].filter((p) => want.get(p) !== got.get(p)).sort();
}

function readTree(dir: string): Map<string, string> {
  return new Map(listTree(dir).map((p) => [p, readFileSync(join(dir, p), "utf8")]));
}

/** Random valid wire values of every type of the fixture's model the imported model also declares. */
function seedsOf(golden: Model, imported: Model): Record<string, never[]> {
  const arbs = new ModelArbitraries(golden);
  const declared = new Set(imported.modules.flatMap((m) => m.types.map((t) => t.name)));
  const seeds: Record<string, never[]> = {};
  for (const type of arbs.index.types.keys()) {
    if (declared.has(type)) seeds[type] = fc.sample(arbs.wire(type), { numRuns: 8, seed: 14 }) as never[];
  }
  return seeds;
}

describe.each(Object.keys(EXPECTED))("golden fixture %s, from its generated Rust and back", async (name) => {
  const expected = EXPECTED[name]!;
  const src = join(fixtureDir(name), "expected-rust/src");
  const files = readdirSync(src)
    .filter((f) => f.endsWith(".rs") && f !== "lib.rs")
    .sort()
    .map((f) => join(src, f));
  const { imported, loaded } = await importAndLoad(rustSources(files));
  const golden = loadIdlFolder(join(fixtureDir(name), "idl"));
  const model = loaded.model!;

  it("imports completely and loads without a diagnostic, the fixture's modules in its order", () => {
    expect(imported.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
    for (const m of imported.modules) expect(m.text).not.toContain("TODO");
    const modules = (m: Model): string[] => m.modules.map((mod) => mod.name);
    expect(modules(model)).toEqual(modules(golden));
  });

  it("is the fixture's model to idlc diff's engine, docs included, but for the listed differences", () => {
    const findings = diffModels(golden, model).map((f) => `${f.severity} ${f.rule} ${f.path}`);
    expect(findings.sort()).toEqual([...expected.findings].sort());
  });

  it("generates the fixture's TypeScript package, every other file byte for byte", () => {
    const ts = new Map(generate(model, { package: { name: `@golden/${name}`, version: "0.0.0" }, runtimeSource: runtimeSource() }));
    expect(differingFiles(readTree(join(fixtureDir(name), "expected")), ts)).toEqual(expected.tsFiles);
  });

  it("generates the Rust crate it was imported from, every other file byte for byte", () => {
    const rust = new Map(generateRust(model, { crate: { name: `golden-${name}`, version: "0.0.0" } }));
    expect(differingFiles(readTree(join(fixtureDir(name), "expected-rust")), rust)).toEqual(expected.rustFiles);
  });

  describe("on the wire", async () => {
    const fixturePkg = (await import(join(fixtureDir(name), "expected/src/index.ts"))) as Record<string, unknown>;
    const importedPkg = await generatePackage(model, `@import/${name}`);
    afterAll(() => importedPkg.remove());

    it("reads and writes as the fixture's package: random values of every type and their mutations", () => {
      const result = disagreements(fixturePkg, importedPkg.api, seedsOf(golden, model));
      expect(result.differences).toEqual([]);
      expect(result.compared).toBeGreaterThan(20);
    });

    it("builds the same paths, and refuses the same arguments", () => {
      const arbs = new ModelArbitraries(golden);
      const outcome = (pkg: Record<string, unknown>, fn: string, args: string[]): string => {
        try {
          return (pkg[fn] as (...a: string[]) => string)(...args);
        } catch (error) {
          return `refused: ${(error as Error).message}`;
        }
      };
      for (const helper of arbs.index.paths.values()) {
        const fn = pathFunctionName(helper);
        for (const args of fc.sample(arbs.pathArgs(helper), { numRuns: 30, seed: 14 })) {
          expect(outcome(importedPkg.api, fn, args), `${fn}(${JSON.stringify(args)})`).toBe(outcome(fixturePkg, fn, args));
        }
      }
    });
  });
});
