/**
 * An unseen model (test/import/fixtures/unseen/policy.rs, mvm's style, written after the importer):
 * imported with no diagnostic, generated to TypeScript, and run on what real serde did with it
 * (serde-vectors.json, recorded from serde 1.0.152 + serde_json 1.0.87): the package reads what
 * serde reads, refuses what serde refuses, and writes back serde's bytes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";
import { importRust } from "../../generator/src/import/rust/index.js";
import { importAndGenerate, rustSources } from "./round-trip.js";

interface Vector {
  readonly type: string;
  readonly input: string;
  readonly ok: boolean;
  readonly output?: string;
}

/** Where the package differs from serde, not because of the import: nowhere (an f32 beyond f32::MAX is infinity, written null, as in serde). */
const PACKAGE_DIFFERENCES: readonly string[] = [];

const vectors = (JSON.parse(readFileSync(new URL("./fixtures/unseen/serde-vectors.json", import.meta.url), "utf8")) as { cases: Vector[] }).cases;
const POLICY_RS = fileURLToPath(new URL("./fixtures/unseen/policy.rs", import.meta.url));
const pkg = await importAndGenerate(rustSources([POLICY_RS]), "@import/unseen");
afterAll(() => pkg.remove());

describe("an unseen model, imported", () => {
  it("imports completely, as a module with a root and a path helper", () => {
    expect(pkg.imported.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(pkg.model.modules[0]!.types.map((t) => t.name)).toEqual([
      "MemMib",
      "Cidr",
      "Protocol",
      "Verdict",
      "PortSpec",
      "Destination",
      "Rule",
      "Limits",
      "NetworkPolicy",
      "Rollout",
      "Audit",
      "InstancePolicy",
      "PolicyEvent",
    ]);
    expect((pkg.api["tenantPolicyPath"] as (t: string) => string)("acme")).toBe("/etc/mvm/policy/acme.json");
    expect((pkg.api["displayVerdict"] as (v: string) => string)("log-only")).toBe("logged");
  });

  it("is the reviewed module, byte for byte (fixtures/unseen/policy.yaml: the Rust's order, its docs, no TODO)", async () => {
    const again = await importRust(rustSources([POLICY_RS]), { schemaPath: "../../../../generator/idl.schema.json" });
    const expected = readFileSync(new URL("./fixtures/unseen/policy.yaml", import.meta.url), "utf8");
    if (process.env["IDLC_UPDATE_GOLDENS"] === "1") writeFileSync(new URL("./fixtures/unseen/policy.yaml", import.meta.url), again.modules[0]!.text);
    expect(again.modules[0]!.text).toBe(expected);
  });

  it("reads and writes every recorded vector as serde did", () => {
    const differences: string[] = [];
    for (const v of vectors) {
      const parse = pkg.api[`safeParse${v.type}Json`] as (text: string) => { ok: boolean; value?: unknown };
      const stringify = pkg.api[`stringify${v.type}`] as (value: unknown) => string;
      const r = parse(v.input);
      if (r.ok !== v.ok) {
        differences.push(`${v.type} ${v.input}: serde ${v.ok ? "reads" : "refuses"} it`);
        continue;
      }
      if (!r.ok || v.output === undefined) continue;
      let written: string;
      try {
        written = stringify(r.value);
      } catch (error) {
        written = `an error (${(error as Error).message})`;
      }
      if (written !== v.output) differences.push(`${v.type} ${v.input}: serde writes ${v.output}, the package ${written}`);
    }
    expect(differences).toEqual(PACKAGE_DIFFERENCES);
    expect(vectors.length).toBeGreaterThan(90);
  });
});
