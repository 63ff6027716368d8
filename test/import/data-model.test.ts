/**
 * The data-model round trip: test/import/fixtures/data-model/*.rs is the Rust of the golden
 * fixture test/golden/fixtures/data-model/idl/ (every construct of the IDL's serde data model:
 * enums with data in the four representations, every scalar, containers, flatten, alias, skip,
 * raw JSON, newtype/tuple/unit structs), written as upstream writes serde types. Imported, it
 * must load without a diagnostic and generate the fixture's TypeScript package byte for byte:
 * the strongest proof that the import says what the hand-written IDL says. The one difference
 * is listed below with its reason. Since the fixture mirrors the serde lab's models, the Rust is
 * the fixture's golden crate (expected-rust) with the tenant root's and path helper's docs and
 * the Sparse port's default and predicate as free functions, as upstream writes them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";
import { diffModels } from "../../generator/src/diff/diff-models.js";
import { generate } from "../../generator/src/emit/generate.js";
import { runtimeSource } from "../../generator/src/emit/runtime-source.js";
import { listTree } from "../../generator/src/io/files.js";
import { loadIdl } from "../../generator/src/load.js";
import type { Model } from "../../generator/src/model/ir.js";
import { importAndLoad, loadIdlFolder, type ModuleText, rustSources } from "./round-trip.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const rustDir = join(here, "fixtures/data-model");
const goldenDir = join(here, "../golden/fixtures/data-model");
const RUST_FILES = readdirSync(rustDir)
  .filter((f) => f.endsWith(".rs"))
  .sort()
  .map((f) => join(rustDir, f));

const goldenModel = (): Model => loadIdlFolder(join(goldenDir, "idl"));

const generated = (model: Model): Map<string, string> =>
  new Map(generate(model, { package: { name: "@golden/data-model", version: "0.0.0" }, runtimeSource: runtimeSource() }));

/**
 * The Rust documents the tenant root and its path helper, the fixture's IDL does not: the import
 * carries both docs over (they reach tenant.ts, the README and nothing else). The byte comparison
 * is made with these two `doc:` lines taken out of the imported YAML; the rest is as imported.
 */
const EXTRA_DOCS: readonly string[] = [
  "    doc: Directory under which every tenant's files live.\n",
  "    doc: A tenant's directory.\n",
];

function withoutExtraDocs(modules: readonly ModuleText[]): ModuleText[] {
  return modules.map((m) => {
    let text = m.text;
    for (const line of m.fileName === "tenant.yaml" ? EXTRA_DOCS : []) {
      if (!text.includes(line)) throw new Error(`tenant.yaml lacks ${line}`);
      text = text.replace(line, "");
    }
    return { fileName: m.fileName, text };
  });
}

describe("the data-model golden fixture, from its Rust and back", async () => {
  const { imported, loaded } = await importAndLoad(rustSources(RUST_FILES));

  it("imports completely and loads without a diagnostic", () => {
    expect(imported.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(imported.modules.map((m) => m.fileName)).toEqual(["common.yaml", "instance.yaml", "network.yaml", "tenant.yaml", "values.yaml"]);
    for (const m of imported.modules) expect(m.text).not.toContain("TODO");
  });

  it("is the fixture's model: idlc diff's engine finds nothing but the two extra docs", () => {
    const findings = diffModels(goldenModel(), loaded.model!).map((f) => `${f.severity} ${f.rule} ${f.path}`);
    expect(findings).toEqual(["safe DOC_CHANGED root:TENANT_BASE", "safe DOC_CHANGED tenant_dir"]);
  });

  it("declares every type the fixture declares, in the same modules and order", () => {
    const names = (m: Model): string[][] => m.modules.map((mod) => [mod.name, ...mod.types.map((t) => t.name)]);
    expect(names(loaded.model!)).toEqual(names(goldenModel()));
  });

  it("generates the fixture's TypeScript package byte for byte, every file", () => {
    const reloaded = loadIdl(withoutExtraDocs(imported.modules).map((m) => ({ path: `idl/${m.fileName}`, text: m.text })));
    expect(reloaded.diagnostics.map(formatDiagnostic)).toEqual([]);
    const files = generated(reloaded.model!);
    const expectedDir = join(goldenDir, "expected");
    expect([...files.keys()].sort()).toEqual(listTree(expectedDir).sort());
    for (const [path, text] of files) expect(text, path).toBe(readFileSync(join(expectedDir, path), "utf8"));
  });
});
