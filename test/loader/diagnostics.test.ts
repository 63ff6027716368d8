/**
 * One fixture per diagnostic code: a small IDL folder with one mistake and the exact diagnostic
 * lines loadIdl must report for it (test/loader/fixtures/<code>/[<case>/]expected.txt), or, for a
 * fixture marked `rust-target`, that the Rust target's checks report for an IDL that loads.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog } from "../../generator/src/diagnostics/catalog.js";
import { formatDiagnostic, hasErrors } from "../../generator/src/diagnostics/diagnostic.js";
import { loadIdl } from "../../generator/src/load.js";
import { checkRustModel } from "../../generator/src/targets/rust/names.js";
import { FIXTURES, fixtureCases, readExpected, readFixture } from "./fixture-files.js";

const cases = fixtureCases();
const codes = Object.keys(catalog).sort();

describe("diagnostic fixtures", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const expected = readExpected(c.dir);
    const loaded = loadIdl(readFixture(c.dir));
    if (c.rustTarget) {
      // The IDL is valid; the Rust target's checks refuse it.
      expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
      const diagnostics = checkRustModel(loaded.model!);
      expect(diagnostics.map(formatDiagnostic)).toEqual(expected);
      expect(diagnostics.map((d) => d.code)).toContain(c.code);
      expect(hasErrors(diagnostics)).toBe(true);
      return;
    }
    const { model, diagnostics } = loaded;
    expect(diagnostics.map(formatDiagnostic)).toEqual(expected);
    // The fixture shows the code it is filed under, and an error means no model.
    expect(diagnostics.map((d) => d.code)).toContain(c.code);
    expect(hasErrors(diagnostics)).toBe(true);
    expect(model).toBeUndefined();
  });

  it("has a fixture for every code of the catalog", () => {
    const covered = new Set(cases.map((c) => c.code));
    expect(codes.filter((code) => !covered.has(code))).toEqual([]);
  });

  it("has no fixture folder for a code the catalog does not have", () => {
    const folders = readdirSync(FIXTURES).filter((name) => statSync(join(FIXTURES, name)).isDirectory());
    expect(folders.filter((name) => !codes.includes(name))).toEqual([]);
  });

  it("has no folder without an expected.txt", () => {
    const folders = readdirSync(FIXTURES).flatMap((code) => {
      const dir = join(FIXTURES, code);
      if (!statSync(dir).isDirectory()) return [];
      const subs = readdirSync(dir).filter((s) => statSync(join(dir, s)).isDirectory());
      return [code, ...subs.map((s) => `${code}/${s}`)];
    });
    const withCase = new Set(cases.map((c) => c.name));
    const codeFoldersWithSubCases = new Set(cases.filter((c) => c.name !== c.code).map((c) => c.code));
    expect(folders.filter((f) => !withCase.has(f) && !codeFoldersWithSubCases.has(f))).toEqual([]);
  });

  it("writes every expected line as file:line:col - severity code: message", () => {
    for (const c of cases) {
      for (const line of readExpected(c.dir)) {
        expect(line, `${c.name}/expected.txt`).toMatch(/^idl(\/[a-z0-9_]+\.yaml)?:\d+:\d+ - (error|warning) [a-z]+(-[a-z]+)*: \S.*$/);
      }
    }
  });
});
