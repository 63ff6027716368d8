/**
 * The type declarations docs/idl.md shows as examples load as written: every ```yaml block that
 * declares types goes into one module, beside stubs of the few types they name without declaring.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";
import { loadIdl } from "../../generator/src/load.js";

const doc = readFileSync(new URL("../../docs/idl.md", import.meta.url), "utf8");

/** The yaml blocks whose first line declares a type (`  Name:` at two spaces). */
const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => /^ {2}[A-Z][A-Za-z0-9]*:\n/.test(b));

/** Types the examples refer to without declaring them. */
const STUBS = `
  CanaryPlan:
    kind: struct
    fields:
      percent: u8
  Meta:
    kind: struct
    has_default: true
    fields:
      labels:
        type: map<string, string>
        type_default: true
`;

describe("docs/idl.md", () => {
  it("shows declarations of every kind that load without a diagnostic", () => {
    const text = `idl: 1\nmodule: docs\ntypes:\n${blocks.join("")}${STUBS}`;
    const { model, diagnostics } = loadIdl([{ path: "idl/docs.yaml", text }]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    const declared = model!.modules[0]!.types.map((t) => `${t.name}:${t.kind}`);
    expect(declared).toEqual(
      expect.arrayContaining([
        "Role:enum",
        "UpdateStrategy:enum",
        "SnapshotCompression:open-enum",
        "Id:string",
        "InstanceResources:struct",
        "Limits:struct",
        "Instance:struct",
        "TenantId:struct",
        "Meters:newtype",
        "Pair:tuple-struct",
        "Marker:unit-struct",
      ]),
    );
  });
});
