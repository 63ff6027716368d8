/**
 * Golden tests, in three layers: each fixture IDL generates exactly its expected files, for the
 * TypeScript package (`expected/`) and the Rust crate (`expected-rust/`): no file missing, none
 * orphaned, every byte the same; the expected TypeScript type-checks under the strictest
 * settings (the expected crates are compiled, formatted and linted by `npm run test:rust`); and
 * (in `npm test`) `idlc check` regenerates the real package and crate and diffs them.
 * Update goldens on purpose only: `npm run golden:update`, then read the diff.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";
import { generate } from "../../generator/src/emit/generate.js";
import { runtimeSource } from "../../generator/src/emit/runtime-source.js";
import { listTree } from "../../generator/src/io/files.js";
import { loadIdl } from "../../generator/src/load.js";
import type { Model } from "../../generator/src/model/ir.js";
import { generateRust } from "../../generator/src/targets/rust/crate.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../..");
const fixturesDir = join(here, "fixtures");
const update = process.env["IDLC_UPDATE_GOLDENS"] === "1";
const fixtures = readdirSync(fixturesDir).sort();

function loadFixture(name: string): Model {
  const idl = join(fixturesDir, name, "idl");
  const files = readdirSync(idl)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => ({ path: `idl/${f}`, text: readFileSync(join(idl, f), "utf8") }));
  const { model, diagnostics } = loadIdl(files);
  if (!model) throw new Error(`fixture ${name} does not load:\n${diagnostics.map(formatDiagnostic).join("\n")}`);
  return model;
}

function generateFixture(name: string): Map<string, string> {
  return new Map(generate(loadFixture(name), { package: { name: `@golden/${name}`, version: "0.0.0" }, runtimeSource: runtimeSource() }));
}

/** The fixture's crate, as `idlc generate --target rust` writes it (the crate name `golden-<fixture>`). */
function generateFixtureCrate(name: string): Map<string, string> {
  return new Map(generateRust(loadFixture(name), { crate: { name: `golden-${name}`, version: "0.0.0" } }));
}

/** Compares generated files with a folder of goldens (rewriting it first with IDLC_UPDATE_GOLDENS=1). */
function expectGoldens(name: string, folder: string, files: ReadonlyMap<string, string>): void {
  const expectedDir = join(fixturesDir, name, folder);
  if (update) {
    rmSync(expectedDir, { recursive: true, force: true });
    for (const [path, text] of files) {
      mkdirSync(dirname(join(expectedDir, path)), { recursive: true });
      writeFileSync(join(expectedDir, path), text);
    }
  }
  expect(existsSync(expectedDir), `no goldens for ${name}: run npm run golden:update and review them`).toBe(true);
  const present = listTree(expectedDir, new Set());
  const orphaned = present.filter((p) => !files.has(p));
  const missing = [...files.keys()].filter((p) => !present.includes(p));
  expect(orphaned, "golden files no longer generated").toEqual([]);
  expect(missing, "generated files without a golden").toEqual([]);
  for (const [path, text] of files) {
    expect(text, `${name}/${folder}/${path}`).toBe(readFileSync(join(expectedDir, path), "utf8"));
  }
}

describe.each(fixtures)("golden fixture %s", (name) => {
  const expectedDir = join(fixturesDir, name, "expected");

  it("generates exactly the expected files", () => {
    expectGoldens(name, "expected", generateFixture(name));
  });

  it("generates exactly the expected Rust crate", () => {
    expectGoldens(name, "expected-rust", generateFixtureCrate(name));
  });

  it("is byte-identical when generated twice", () => {
    const [a, b] = [generateFixture(name), generateFixture(name)];
    expect([...a]).toEqual([...b]);
    expect([...generateFixtureCrate(name)]).toEqual([...generateFixtureCrate(name)]);
  });

  it("type-checks under strict, exactOptionalPropertyTypes and noUncheckedIndexedAccess", () => {
    const tsc = join(root, "node_modules/typescript/bin/tsc");
    const run = (): string => {
      try {
        return execFileSync(process.execPath, [tsc, "-p", join(expectedDir, "tsconfig.json"), "--noEmit"], { encoding: "utf8" });
      } catch (error) {
        return (error as { stdout?: string }).stdout ?? String(error);
      }
    };
    expect(run()).toBe("");
  });
});
