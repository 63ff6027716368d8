/** The project's own IDL (idl/) loads without a single diagnostic, into the model pool.rs describes. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";
import { loadIdl, type SourceFile } from "../../generator/src/load.js";
import { indexModel, typeText, type Field, type Model, type StructDecl, type TypeDecl } from "../../generator/src/model/ir.js";

const IDL = new URL("../../idl/", import.meta.url).pathname;

function realFiles(): SourceFile[] {
  return readdirSync(IDL)
    .filter((name) => name.endsWith(".yaml") && name !== "accepted-changes.yaml")
    .sort()
    .map((name) => ({ path: `idl/${name}`, text: readFileSync(`${IDL}${name}`, "utf8") }));
}

const result = loadIdl(realFiles());

function model(): Model {
  if (result.model === undefined) throw new Error(`idl/ did not load:\n${result.diagnostics.map(formatDiagnostic).join("\n")}`);
  return result.model;
}

function decl(name: string): TypeDecl {
  const found = indexModel(model()).types.get(name);
  if (found === undefined) throw new Error(`no type ${name}`);
  return found;
}

function struct(name: string): StructDecl {
  const d = decl(name);
  if (d.kind !== "struct") throw new Error(`${name} is a ${d.kind}`);
  return d;
}

function field(s: StructDecl, name: string): Field {
  const f = s.fields.find((x) => x.name === name);
  if (f === undefined) throw new Error(`${s.name} has no field ${name}`);
  return f;
}

describe("the real idl/", () => {
  it("loads with no diagnostics at all", () => {
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.model).toBeDefined();
  });

  it("has the modules tenant then pool (imported modules first), in their own files", () => {
    expect(model().modules.map((m) => [m.name, m.file, m.imports])).toEqual([
      ["tenant", "idl/tenant.yaml", []],
      ["pool", "idl/pool.yaml", ["tenant"]],
    ]);
  });

  it("declares every type of pool.rs, plus the Id of the tenant paths", () => {
    const types = model().modules.flatMap((m) => m.types.map((t) => `${t.name}:${t.kind}`));
    expect(types.length).toBeGreaterThanOrEqual(11);
    expect(types).toEqual(
      expect.arrayContaining([
        "Id:string",
        "Role:enum",
        "SeccompPolicy:open-enum",
        "SnapshotCompression:open-enum",
        "PoolMetadata:struct",
        "RuntimePolicy:struct",
        "PoolSpec:struct",
        "SecretScope:struct",
        "InstanceResources:struct",
        "DesiredCounts:struct",
        "BuildRevision:struct",
        "ArtifactPaths:struct",
      ]),
    );
  });

  it("keeps PoolSpec's fields in Rust order, with their types", () => {
    const spec = struct("PoolSpec");
    expect(spec.fields.map((f) => `${f.name}: ${typeText(f.type)}`)).toEqual([
      "pool_id: string",
      "tenant_id: string",
      "flake_ref: string",
      "profile: string",
      "role: Role",
      "instance_resources: InstanceResources",
      "desired_counts: DesiredCounts",
      "runtime_policy: RuntimePolicy",
      "metadata: PoolMetadata",
      "seccomp_policy: SeccompPolicy",
      "snapshot_compression: SnapshotCompression",
      "metadata_enabled: bool",
      "pinned: bool",
      "critical: bool",
      "secret_scopes: list<SecretScope>",
      "template_id: string",
    ]);
    expect(spec.hasDefault).toBe(false);
    expect(spec.unknownFields).toBe("ignore");
    // Wire names are the Rust names (no rename_all).
    expect(spec.fields.every((f) => f.wire === f.name)).toBe(true);
    expect(field(spec, "seccomp_policy").default).toMatchObject({ kind: "literal", value: "baseline" });
    expect(field(spec, "snapshot_compression").default).toMatchObject({ kind: "literal", value: "none" });
    expect(field(spec, "role").default?.kind).toBe("type");
    expect(field(spec, "pool_id").default).toBeUndefined();
  });

  it("has Role with the default Worker and kebab-case wire names", () => {
    const role = decl("Role");
    if (role.kind !== "enum") throw new Error("Role is not an enum");
    expect(role.defaultVariant).toBe("Worker");
    expect(role.renameAll).toBe("kebab-case");
    expect(role.variants.map((v) => [v.name, v.wire])).toEqual([
      ["Gateway", "gateway"],
      ["Worker", "worker"],
      ["Builder", "builder"],
      ["CapabilityImessage", "capability-imessage"],
    ]);
  });

  it("has RuntimePolicy with the defaults 60/30/30/15 and a default of its own", () => {
    const policy = struct("RuntimePolicy");
    expect(policy.hasDefault).toBe(true);
    expect(policy.fields.map((f) => [f.name, typeText(f.type), f.default?.kind === "literal" ? f.default.value : undefined])).toEqual([
      ["min_running_seconds", "u64", 60],
      ["min_warm_seconds", "u64", 30],
      ["drain_timeout_seconds", "u64", 30],
      ["graceful_shutdown_seconds", "u64", 15],
    ]);
  });

  it("omits PoolMetadata's empty fields on output, as skip_serializing_if does", () => {
    const meta = struct("PoolMetadata");
    expect(meta.fields.map((f) => [f.name, typeText(f.type), f.omit])).toEqual([
      ["capability", "optional<string>", "if-none"],
      ["integration_types", "list<string>", "if-empty"],
      ["tags", "map<string, string>", "if-empty"],
    ]);
  });

  it("has Id as a checked string: 1 to 63 characters of the upstream pattern", () => {
    const id = decl("Id");
    if (id.kind !== "string") throw new Error("Id is not a string type");
    expect([id.minLength, id.maxLength, id.pattern]).toEqual([1, 63, "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"]);
  });

  it("roots pool_dir at TENANT_BASE with the parameters [tenant_id, pool_id]", () => {
    const index = indexModel(model());
    expect(index.roots.get("TENANT_BASE")?.value).toBe("/var/lib/mvm/tenants");
    const poolDir = index.paths.get("pool_dir");
    expect(poolDir?.root).toBe("TENANT_BASE");
    expect(poolDir?.params.map((p) => [p.name, typeText(p.type), p.declaredBy])).toEqual([
      ["tenant_id", "Id", "tenant_dir"],
      ["pool_id", "Id", "pool_dir"],
    ]);
    expect(poolDir?.template.map((part) => (part.kind === "text" ? part.text : `{${part.name}}`)).join("")).toBe(
      "{tenant_pools_dir}/{pool_id}",
    );
    for (const name of ["pool_config_path", "pool_artifacts_dir", "pool_instances_dir", "pool_snapshots_dir", "pool_config_data_dir"]) {
      expect(
        index.paths.get(name)?.params.map((p) => p.name),
        name,
      ).toEqual(["tenant_id", "pool_id"]);
      expect(index.paths.get(name)?.root, name).toBe("TENANT_BASE");
    }
  });

  it("places declarations at their names in the files", () => {
    const spec = struct("PoolSpec");
    const text = readFileSync(`${IDL}pool.yaml`, "utf8").split("\n");
    expect(spec.range.file).toBe("idl/pool.yaml");
    expect(text[spec.range.start.line - 1]!.slice(spec.range.start.col - 1)).toBe("PoolSpec:");
  });
});
