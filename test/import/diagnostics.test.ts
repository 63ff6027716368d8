/**
 * One fixture per code of `idlc import`'s catalog (generator/src/diagnostics/import-catalog.ts):
 * test/import/fixtures/diagnostics/<code>/ holds Rust files (each a module named after it, found
 * in subfolders too) and expected.txt, the exact diagnostic lines the import reports. An error
 * leaves a `TODO(idlc import) <code>` in the YAML; a warning leaves none and the import stays
 * complete.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";
import { importCatalog } from "../../generator/src/diagnostics/import-catalog.js";
import { importRust, type RustSource } from "../../generator/src/import/rust/index.js";

const FIXTURES = fileURLToPath(new URL("./fixtures/diagnostics/", import.meta.url));
const codes = Object.keys(importCatalog).sort();
const folders = readdirSync(FIXTURES)
  .filter((name) => statSync(join(FIXTURES, name)).isDirectory())
  .sort();

function rustFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? rustFiles(path) : name.endsWith(".rs") ? [path] : [];
    });
}

/** The fixture's files, as the CLI gives them: display paths relative to the fixture, modules named after the files. */
function readRustFixture(dir: string): RustSource[] {
  return rustFiles(dir).map((path) => ({
    path: relative(dir, path),
    text: readFileSync(path, "utf8"),
    modulePath: [basename(path, ".rs")],
  }));
}

function expectedLines(dir: string): string[] {
  return readFileSync(join(dir, "expected.txt"), "utf8")
    .split("\n")
    .filter((line, i, all) => !(line === "" && i === all.length - 1));
}

describe("idlc import diagnostic fixtures", () => {
  it.each(folders)("%s", async (code) => {
    const dir = join(FIXTURES, code);
    const result = await importRust(readRustFixture(dir), { schemaPath: "idl.schema.json" });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual(expectedLines(dir));
    expect(result.diagnostics.map((d) => d.code)).toContain(code);
    const yaml = result.modules.map((m) => m.text).join("\n");
    const severity = importCatalog[code as keyof typeof importCatalog].severity;
    // Errors are marked where they are in the YAML; warnings leave nothing to finish.
    for (const d of result.diagnostics.filter((x) => x.severity === "error" && x.code === code)) {
      expect(yaml).toContain(`TODO(idlc import) ${d.code} (${d.range.file}:${d.range.start.line}:${d.range.start.col})`);
    }
    if (severity === "warning") expect(yaml).not.toContain(`TODO(idlc import) ${code}`);
  });

  it("documents every code in docs/import.md", () => {
    const doc = readFileSync(new URL("../../docs/import.md", import.meta.url), "utf8");
    const rows = [...doc.matchAll(/^\| `([a-z-]+)` \| (error|warning) \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows.sort()).toEqual(codes.map((code) => [code, importCatalog[code as keyof typeof importCatalog].severity]).sort());
  });

  it("has a fixture for every code of the catalog, and none for another", () => {
    expect(folders).toEqual(codes);
    for (const code of folders) expect(existsSync(join(FIXTURES, code, "expected.txt")), code).toBe(true);
  });
});
