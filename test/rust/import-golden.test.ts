/**
 * The golden fixtures whose crate, imported back, does not give the fixture's IDL exactly
 * (everything and long-names: their open enums are not guessed, see
 * test/import/generated-rust.test.ts), decided by the differential harness: the crate generated
 * from the imported IDL against the fixture's own TypeScript package, on cases generated from
 * the fixture's model (values written by TypeScript and read by Rust and back, their mutations,
 * defaults, path arguments). The other fixtures import back to their exact crate, which
 * differential.test.ts already runs.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";
import type { Model } from "../../generator/src/model/ir.js";
import { generateRust } from "../../generator/src/targets/rust/crate.js";
import { importAndLoad, rustSources } from "../import/round-trip.js";
import { fcRuns } from "../support/runs.js";
import { REPO, requireToolchain, writeScratchCrate } from "./support/cargo.js";
import { generatedCases } from "./support/cases.js";
import { buildDriver, type Driver } from "./support/driver.js";
import { runCases, TsPackage } from "./support/harness.js";
import { knownTsBug } from "./support/known-ts-bugs.js";
import { goldenModel } from "./support/models.js";

const CASES = fcRuns(3_000);

beforeAll(() => requireToolchain());

describe.each(["everything", "long-names"])("golden fixture %s: the crate of its imported Rust against its package", (name) => {
  let pkg: TsPackage;
  let driver: Driver;
  let golden: Model;
  let declared: Set<string>;

  beforeAll(async () => {
    const m = goldenModel(name);
    golden = m.model;
    pkg = new TsPackage(m.model, await m.api());
    const src = join(REPO, "test/golden/fixtures", name, "expected-rust/src");
    const files = readdirSync(src)
      .filter((f) => f.endsWith(".rs") && f !== "lib.rs")
      .map((f) => join(src, f));
    const { loaded } = await importAndLoad(rustSources(files));
    if (!loaded.model) throw new Error(loaded.diagnostics.map(formatDiagnostic).join("\n"));
    declared = new Set(loaded.model.modules.flatMap((mod) => mod.types.map((t) => t.name)));
    const crate = `imported-${name}`;
    const dir = writeScratchCrate(crate, new Map(generateRust(loaded.model, { crate: { name: crate, version: "0.0.0" } })));
    driver = buildDriver(loaded.model, crate, dir, crate);
  });

  it(`agrees on ${CASES} generated cases of every type it declares (the open enum, a string alias in Rust, aside)`, () => {
    const cases = generatedCases(golden, pkg, CASES, 14).filter((c) => c.k === "path" || declared.has(c.type));
    const all = runCases(pkg, driver, cases);
    const disagreements = all.disagreements.filter((d) => knownTsBug(d) === undefined);
    expect(disagreements.slice(0, 5)).toEqual([]);
    const known = all.disagreements.length - disagreements.length;
    console.log(`${name}: ${all.cases} cases, ${all.accepted} read by both, ${all.refused} refused by both, ${known} known TypeScript bugs`);
    expect(all.accepted).toBeGreaterThan(cases.length / 10);
    expect(all.refused).toBeGreaterThan(cases.length / 10);
  });
});
