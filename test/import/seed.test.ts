/**
 * The seed round trip: pool.rs (a copy of ../shared/seed/pool.rs), with the tenant module it uses (a fixture written
 * from UPSTREAM.md), imported to IDL, loaded, generated to TypeScript, and run against every
 * shared serde conformance vector and the seed's own tests.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";
import { serdeVectorsSuite } from "../support/suites/serde-vectors.js";
import { importAndGenerate, rustSources } from "./round-trip.js";

const here = fileURLToPath(new URL(".", import.meta.url));
export const SEED_FILES = [join(here, "fixtures/seed/pool.rs"), join(here, "fixtures/seed/tenant.rs")];

const pkg = await importAndGenerate(rustSources(SEED_FILES), "@import/seed");
afterAll(() => pkg.remove());

describe("importing pool.rs and tenant.rs", () => {
  it("is complete: no diagnostic, no TODO left", () => {
    expect(pkg.imported.diagnostics.map(formatDiagnostic)).toEqual([]);
    for (const m of pkg.imported.modules) expect(m.text).not.toContain("TODO");
    expect(pkg.imported.modules.map((m) => m.fileName)).toEqual(["pool.yaml", "tenant.yaml"]);
  });
});

describe("the package generated from the imported IDL", () => {
  serdeVectorsSuite(pkg.api, { ids: "segments" });
});
