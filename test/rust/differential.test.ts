/**
 * The differential harness, TypeScript package against Rust crate, on the project's model and on
 * every golden fixture: the shared serde vectors, values generated from the model's IR (written
 * by TypeScript, read by Rust, and back), their mutations as data and as text, defaults, and path
 * helper arguments. Both sides must agree on accept or refuse, `to_string`, `to_string_pretty`,
 * `Display` and paths; the only tolerated difference is integers beyond 2^53, which TypeScript
 * refuses. The regular run makes at least 10,000 cases per model; IDLC_RUST_DEEP=1 (npm run
 * test:rust:deep) makes 100,000.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { jsonParses, vectors } from "../conformance/vectors.js";
import { fcRuns } from "../support/runs.js";
import { requireToolchain, SCRATCH } from "./support/cargo.js";
import { buildDriver, type Driver } from "./support/driver.js";
import { generatedCases } from "./support/cases.js";
import { runCases, TsPackage, type Case, type Outcome } from "./support/harness.js";
import { knownTsBug } from "./support/known-ts-bugs.js";
import { GOLDEN_FIXTURES, goldenModel, projectModel, type ModelUnderTest } from "./support/models.js";

/** Cases per model: 10,000 in the regular run, 100,000 in the deep one (FC_RUNS overrides). */
const CASES = fcRuns(process.env["IDLC_RUST_DEEP"] === "1" ? 100_000 : 10_000);
const SEED = Number(process.env["FC_SEED"] ?? 20_251_202);

/** The first disagreements, for the failure message; all of them go to target/idlc-tests/ for a closer look. */
function report(label: string, o: Outcome): string {
  const file = join(SCRATCH, `disagreements-${label}.json`);
  rmSync(file, { force: true });
  if (o.disagreements.length === 0) return "";
  mkdirSync(SCRATCH, { recursive: true });
  writeFileSync(file, JSON.stringify(o.disagreements, null, 1));
  const shown = o.disagreements.slice(0, 5).map((d) => JSON.stringify(d, null, 1));
  return `${o.disagreements.length} disagreements (all in ${file}):\n${shown.join("\n")}`;
}

const models: (() => ModelUnderTest)[] = [projectModel, ...GOLDEN_FIXTURES.map((f) => () => goldenModel(f))];

beforeAll(() => requireToolchain());

describe.each(models.map((m) => [m().label, m] as const))("model %s", (_label, make) => {
  let m: ModelUnderTest;
  let pkg: TsPackage;
  let driver: Driver;

  beforeAll(async () => {
    m = make();
    pkg = new TsPackage(m.model, await m.api());
    driver = buildDriver(m.model, m.crateName, m.crateDir, m.label);
  });

  it(`agrees on ${CASES} generated cases, but for integers beyond 2^53`, () => {
    const cases = generatedCases(m.model, pkg, CASES, SEED);
    expect(cases.length).toBeGreaterThanOrEqual(CASES);
    const all = runCases(pkg, driver, cases);
    // Disagreements that are known bugs of the TypeScript package (support/known-ts-bugs.ts) are counted, not failed on.
    const known = new Map<string, number>();
    for (const d of all.disagreements) {
      const bug = knownTsBug(d);
      if (bug !== undefined) known.set(bug.id, (known.get(bug.id) ?? 0) + 1);
    }
    const outcome: Outcome = { ...all, disagreements: all.disagreements.filter((d) => knownTsBug(d) === undefined) };
    // Counted before the check, so that a run with other disagreements shows them too.
    if (known.size > 0) console.log(`${m.label}: known TypeScript bugs (test/rust/support/known-ts-bugs.ts): ${[...known].map(([id, n]) => `${id} ${n}`).join(", ")}`);
    expect(outcome.disagreements, report(m.label, outcome)).toEqual([]);
    // Both sides accept a good share and refuse a good share: the cases test both ways.
    expect(outcome.accepted).toBeGreaterThan(cases.length / 10);
    expect(outcome.refused).toBeGreaterThan(cases.length / 10);
    console.log(
      `${m.label}: ${outcome.cases} cases, ${outcome.accepted} read by both, ${outcome.refused} refused by both, ${outcome.tolerated.length} integers beyond 2^53 only serde reads`,
    );
  });

  it("agrees on the shared serde vectors of its types", () => {
    const cases: Case[] = vectors.cases
      .filter((c) => pkg.types.has(c.type))
      .map((c) => ({ k: "read", type: c.type, text: c.input_text, origin: c.id }));
    const all = runCases(pkg, driver, cases);
    const outcome: Outcome = { ...all, disagreements: all.disagreements.filter((d) => knownTsBug(d) === undefined) };
    expect(outcome.disagreements, report(`${m.label}-vectors`, outcome)).toEqual([]);
    // Those the TypeScript package refuses and serde reads are exactly the integers beyond 2^53.
    for (const c of outcome.tolerated) expect((c as { text: string }).text).toMatch(/\d{16,}/);
    if (m.label === "idl") expect(cases.length).toBe(vectors.cases.length);
    expect(vectors.cases.filter((c) => jsonParses(c.input_text)).length).toBeGreaterThan(0);
  });
});
