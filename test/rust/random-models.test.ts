/**
 * Random IDL models (test/support/random-idl.ts), not only the fixtures: for each, the Rust
 * target writes a crate that rustfmt leaves as it is and clippy passes with warnings denied
 * (long names, keywords, nested defaults, recursion, every rename rule), and the differential
 * harness finds TypeScript and Rust agreeing on it. 4 models in the regular run, 30 with
 * IDLC_RUST_DEEP=1; FC_SEED picks other ones.
 */
import fc from "fast-check";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";
import { generate } from "../../generator/src/emit/generate.js";
import { runtimeSource } from "../../generator/src/emit/runtime-source.js";
import { loadIdl } from "../../generator/src/load.js";
import type { Model } from "../../generator/src/model/ir.js";
import { generateRust } from "../../generator/src/targets/rust/crate.js";
import { checkRustModel } from "../../generator/src/targets/rust/names.js";
import { randomIdl } from "../support/random-idl.js";
import { cargo, requireToolchain, SCRATCH, writeScratchCrate } from "./support/cargo.js";
import { generatedCases } from "./support/cases.js";
import { buildDriver } from "./support/driver.js";
import { runCases, TsPackage } from "./support/harness.js";

const DEEP = process.env["IDLC_RUST_DEEP"] === "1";
const MODELS = DEEP ? 30 : 4;
const CASES = DEEP ? 10_000 : 2_000;
const SEED = Number(process.env["FC_SEED"] ?? 4242);

const idls = fc.sample(randomIdl, { numRuns: MODELS, seed: SEED });

beforeAll(() => requireToolchain());

describe.each(idls.map((files, i) => [i, files] as const))("random model %i", (i, files) => {
  let model: Model;
  let crateDir = "";
  const label = `random-${i}`;

  beforeAll(() => {
    const loaded = loadIdl([...files].map(([name, text]) => ({ path: `idl/${name}`, text })));
    if (!loaded.model) throw new Error(`random model ${i} does not load:\n${loaded.diagnostics.map(formatDiagnostic).join("\n")}`);
    model = loaded.model;
    expect(checkRustModel(model).map(formatDiagnostic)).toEqual([]);
    crateDir = writeScratchCrate(`random/${label}/rust`, generateRust(model, { crate: { name: `idlc-${label}`, version: "0.0.0" } }));
    for (const [name, text] of files) writeScratchFile(join(crateDir, "idl", name), text);
  });

  it("is what rustfmt writes", () => {
    const r = cargo(["fmt", "--check"], crateDir);
    expect(r.stdout + r.stderr).toBe("");
  });

  it("is clean under cargo clippy -- -D warnings", () => {
    const r = cargo(["clippy", "--offline", "--", "-D", "warnings"], crateDir);
    expect(r.status, r.stderr).toBe(0);
  });

  it(`agrees with its TypeScript package on ${CASES} cases`, async () => {
    const tsDir = join(SCRATCH, "random", label, "ts");
    rmSync(tsDir, { recursive: true, force: true });
    const ts = generate(model, { package: { name: `@random/${label}`, version: "0.0.0" }, runtimeSource: runtimeSource() });
    for (const [path, text] of ts) writeScratchFile(join(tsDir, path), text);
    const pkg = new TsPackage(model, (await import(join(tsDir, "src/index.ts"))) as Record<string, unknown>);
    const driver = buildDriver(model, `idlc-${label}`, crateDir, label);
    const outcome = runCases(pkg, driver, generatedCases(model, pkg, CASES, SEED + i));
    expect(outcome.disagreements.slice(0, 3)).toEqual([]);
    expect(outcome.accepted).toBeGreaterThan(0);
    expect(outcome.refused).toBeGreaterThan(0);
  });
});

function writeScratchFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
