/**
 * The seed round trip, Rust side: pool.rs (test/import/fixtures/seed/, a copy of
 * ../shared/seed/pool.rs) and the tenant module it uses, imported to IDL by `idlc import rust`,
 * generated to a Rust crate by `idlc generate --target rust`, and run on every shared serde vector
 * (../shared/conformance/serde-vectors.json, copied to test/conformance/): the crate generated
 * from the imported IDL reads, writes and refuses as serde did on the hand-written pool.rs,
 * messages included, and formats the same paths, Display strings and defaults. The TypeScript
 * half is test/import/seed.test.ts.
 */
import { beforeAll, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";
import { generateRust } from "../../generator/src/targets/rust/crate.js";
import { importAndLoad, rustSources, SEED_FILES } from "../import/round-trip.js";
import { cargo, requireToolchain, writeScratchCrate } from "./support/cargo.js";
import { buildDriver, type Driver } from "./support/driver.js";
import { serdeVectorsThroughCrate } from "./support/serde-vectors-suite.js";

const CRATE = "imported-seed";
const { imported, loaded } = await importAndLoad(rustSources(SEED_FILES));
let driver: Driver;
let crateDir: string;

beforeAll(() => {
  requireToolchain();
  if (!loaded.model) throw new Error(loaded.diagnostics.map(formatDiagnostic).join("\n"));
  crateDir = writeScratchCrate(CRATE, new Map(generateRust(loaded.model, { crate: { name: CRATE, version: "0.0.0" } })));
  driver = buildDriver(loaded.model, CRATE, crateDir, CRATE);
});

it("imports completely, and the crate of the imported IDL passes clippy -D warnings", () => {
  expect(imported.diagnostics.map(formatDiagnostic)).toEqual([]);
  const r = cargo(["clippy", "--offline", "--quiet", "--", "-D", "warnings"], crateDir);
  expect(r.status, r.stdout + r.stderr).toBe(0);
});

serdeVectorsThroughCrate(() => driver);
