/**
 * Loader fuzzing at scale (`npm run test:deep`): thousands of mutated copies of the real IDL
 * through loadIdl, every hand-made hostile file and dozens of mutated copies through
 * `idlc generate`, and IDL files of many small declarations near the 1 MB size limit.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REAL_FILES, badCliRun, removeTempDirs, runIdlc, tempDir, writeIdl } from "../support/idl-fuzz.js";
import { fcRuns } from "../support/runs.js";
import { cliFuzzSuite, loaderFuzzSuite } from "../support/suites/loader-fuzz.js";

loaderFuzzSuite(fcRuns(10_000));

cliFuzzSuite("all", 20, 424242);

/** Time a file just under the 1 MB limit may take through `idlc generate` (loading and reporting only). */
const SCALE_BUDGET_MS = 30_000;

const tenant = REAL_FILES.find((f) => f.path === "idl/tenant.yaml")!.text;

async function timedGenerate(poolYaml: string): Promise<{ code: number | null; ms: number; problem: string | undefined }> {
  const dir = tempDir("idlc-scale");
  const idl = writeIdl(dir, { "pool.yaml": poolYaml, "tenant.yaml": tenant });
  const run = await runIdlc(["generate", "--idl", idl, "--out", join(dir, "out"), "--quiet"], SCALE_BUDGET_MS);
  return { code: run.code, ms: run.ms, problem: badCliRun(run) };
}

/** `header` and as many entries as fit under the 1 MB limit (ASCII text). */
function underLimit(header: string, entry: (i: number) => string): string {
  const parts = [header];
  let size = header.length;
  for (let i = 0; ; i++) {
    const next = entry(i);
    if (size + next.length > 1024 * 1024 - 16) return parts.join("");
    parts.push(next);
    size += next.length;
  }
}

describe("many small declarations, just under the 1 MB limit", () => {
  afterAll(removeTempDirs);

  // Once quadratic (findPair scanned the mapping per key, pruneBroken copied the section per
  // broken declaration, yaml's duplicate-key check and ajv over a whole module grew with the
  // square of the entries): a file under the size limit kept idlc busy for minutes.
  it(
    "tens of thousands of broken declarations are reported within the budget",
    async () => {
      const r = await timedGenerate(underLimit("idl: 1\nmodule: pool\ntypes:\n", (i) => `  T${i}: 1\n`));
      expect(r.problem).toBeUndefined();
      expect(r.code).toBe(1);
    },
    SCALE_BUDGET_MS + 30_000,
  );

  it(
    "tens of thousands of valid declarations and one reserved name are reported within the budget",
    async () => {
      // One error, found by the last check (a type named like a JavaScript global), so every
      // declaration is read and checked but nothing is generated.
      const types = underLimit("idl: 1\nmodule: pool\ntypes:\n  Object: {kind: struct, fields: {}}\n", (i) => `  T${i}: {kind: struct, fields: {}}\n`);
      const r = await timedGenerate(types);
      expect(r.problem).toBeUndefined();
      expect(r.code).toBe(1);
    },
    SCALE_BUDGET_MS + 30_000,
  );
});
