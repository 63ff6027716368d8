/**
 * The seed round trip: pool.rs (a copy of ../shared/seed/pool.rs), with the tenant module it uses (a fixture written
 * from UPSTREAM.md), imported to IDL, loaded, generated to TypeScript, and run against every
 * shared serde conformance vector and the seed's own tests.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";
import { diffModels } from "../../generator/src/diff/diff-models.js";
import { loadIdl } from "../../generator/src/load.js";
import { serdeVectorsSuite } from "../support/suites/serde-vectors.js";
import { importAndGenerate, importAndLoad, rustSources, SEED_FILES } from "./round-trip.js";

const here = fileURLToPath(new URL(".", import.meta.url));

const pkg = await importAndGenerate(rustSources(SEED_FILES), "@import/seed");
afterAll(() => pkg.remove());

describe("importing pool.rs and tenant.rs", () => {
  it("is complete: no diagnostic, no TODO left", () => {
    expect(pkg.imported.diagnostics.map(formatDiagnostic)).toEqual([]);
    for (const m of pkg.imported.modules) expect(m.text).not.toContain("TODO");
    expect(pkg.imported.modules.map((m) => m.fileName)).toEqual(["pool.yaml", "tenant.yaml"]);
  });
});

describe("the imported IDL against the hand-written idl/", () => {
  it("differs on the wire only where the import is deliberately plainer", async () => {
    const idlDir = join(here, "../../idl");
    const handWritten = loadIdl(
      readdirSync(idlDir)
        .filter((f) => f.endsWith(".yaml") && f !== "accepted-changes.yaml")
        .map((f) => ({ path: `idl/${f}`, text: readFileSync(join(idlDir, f), "utf8") })),
    ).model!;
    const { loaded } = await importAndLoad(rustSources(SEED_FILES));
    // idlc diff's own engine, comparing on the wire; documentation differences left aside.
    const findings = diffModels(handWritten, loaded.model!).filter((f) => f.rule !== "DOC_CHANGED");
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.path}`)).toEqual([
      // Path parameters are plain strings (Rust has no rule for them), named as in Rust (upstream's tenant.rs says `id`).
      "breaking PATH_PARAMS_CHANGED pool_dir",
      "breaking PATH_PARAMS_CHANGED tenant_dir",
      // Types the Rust does not have: the id rule, and the two open enums, which stay strings.
      "breaking TYPE_REMOVED type:Id",
      "breaking TYPE_REMOVED type:SeccompPolicy",
      "breaking TYPE_REMOVED type:SnapshotCompression",
      // The open enums' fields read the same JSON as strings.
      "safe IDL_ONLY_CHANGE PoolSpec.seccomp_policy",
      "safe IDL_ONLY_CHANGE PoolSpec.snapshot_compression",
    ]);
  });
});

describe("the package generated from the imported IDL", () => {
  serdeVectorsSuite(pkg.api, { ids: "segments" });
});
