/**
 * The JSON Schemas editors use (issue 7, docs/editors.md):
 * - generator/idl.schema.json, which VS Code's YAML extension (redhat.vscode-yaml) applies to
 *   idl/*.yaml through their `# yaml-language-server: $schema=...` first line: the IDL validates,
 *   broken documents do not, and the schema keeps to what that extension's draft-07 validator
 *   understands (it meta-validates schemas against draft-07 and ignores newer keywords);
 * - generated/schema/*.schema.json, which VS Code's JSON support applies to pool.json files: a file
 *   written by the package validates, broken ones do not, a `$schema` key is harmless.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createPoolSpec, parsePoolSpecJson, stringifyPoolSpec } from "@mvm/pool-model";
import { Ajv, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import draft07 from "ajv/dist/refs/json-schema-draft-07.json" with { type: "json" };
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const idlDir = join(repo, "idl");
const idlSchemaPath = join(repo, "generator/idl.schema.json");
const idlSchema = JSON.parse(readFileSync(idlSchemaPath, "utf8")) as Record<string, unknown>;
const idlFiles = readdirSync(idlDir).filter((f) => f.endsWith(".yaml")).sort();
const MODELINE = "# yaml-language-server: $schema=../generator/idl.schema.json";

/** The schema as idlc compiles it (generator/src/parse/check-shape.ts). */
const validateIdl: ValidateFunction = new Ajv2020({ allErrors: true, discriminator: true, strict: true }).compile(idlSchema);

function errorsOf(validate: ValidateFunction, data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.keyword}: ${e.message ?? ""}`);
}

/** A copy of idl/pool.yaml's data with one change. */
function poolModule(change: (doc: Record<string, any>) => void): unknown {
  const doc = parse(readFileSync(join(idlDir, "pool.yaml"), "utf8")) as Record<string, any>;
  change(doc);
  return doc;
}

/** Broken IDL documents an author may write, each with the error keyword it must give. */
const BROKEN: readonly (readonly [string, () => unknown, string])[] = [
  ["a misspelled top-level key", () => poolModule((d) => ((d["modul"] = d["module"]), delete d["module"])), "additionalProperties"],
  ["a misspelled key in a struct", () => poolModule((d) => ((d["types"].PoolSpec.feilds = d["types"].PoolSpec.fields), delete d["types"].PoolSpec.fields)), "additionalProperties"],
  ["a misspelled field option", () => poolModule((d) => ((d["types"].PoolMetadata.fields.capability.omitt = "if-none"), delete d["types"].PoolMetadata.fields.capability.omit)), "additionalProperties"],
  ["an unknown kind", () => poolModule((d) => (d["types"].Role.kind = "enumeration")), "discriminator"],
  ["a wrong omit value", () => poolModule((d) => (d["types"].PoolMetadata.fields.capability.omit = "if-null")), "enum"],
  ["a lower-case type name", () => poolModule((d) => (d["types"].role = d["types"].Role)), "pattern"],
  ["an unsupported IDL version", () => poolModule((d) => (d["idl"] = 2)), "const"],
  ["a missing module name", () => poolModule((d) => delete d["module"]), "required"],
  ["a relative root", () => ({ idl: 1, module: "x", roots: { BASE: { value: "var/lib" } } }), "pattern"],
];

describe("generator/idl.schema.json for idl/*.yaml", () => {
  it.each(idlFiles)("%s starts with the yaml-language-server line, and its path resolves to the schema", (file) => {
    const first = readFileSync(join(idlDir, file), "utf8").split("\n")[0];
    expect(first).toBe(MODELINE);
    // The extension resolves a relative modeline path against the YAML file's folder.
    const target = resolve(dirname(join(idlDir, file)), MODELINE.split("$schema=")[1]!);
    expect(target).toBe(idlSchemaPath);
    expect(existsSync(target)).toBe(true);
  });

  it("finds idl files to check", () => {
    expect(idlFiles).toEqual(expect.arrayContaining(["pool.yaml", "tenant.yaml"]));
  });

  it.each(idlFiles)("%s validates against the schema", (file) => {
    const data: unknown = parse(readFileSync(join(idlDir, file), "utf8"));
    expect(errorsOf(validateIdl, data)).toEqual([]);
  });

  it.each(BROKEN)("refuses %s", (_what, make, keyword) => {
    const errors = errorsOf(validateIdl, make());
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toContain(` ${keyword}:`);
  });

  describe("as redhat.vscode-yaml reads it (draft-07)", () => {
    it("is a valid draft-07 schema, as the extension checks before using it", () => {
      const meta = new Ajv({ strict: false, allErrors: true }).getSchema((draft07 as { $id: string }).$id)!;
      expect(meta).toBeTypeOf("function");
      expect(errorsOf(meta, idlSchema)).toEqual([]);
    });

    it("uses only keywords a draft-07 validator applies (plus $defs, reached through $ref, and discriminator, an annotation)", () => {
      const draft07Keywords = new Set([
        ...Object.keys((draft07 as { properties: object }).properties),
        "$defs",
        "discriminator",
      ]);
      const used = new Set<string>();
      const walk = (node: unknown, isSchema: boolean): void => {
        if (Array.isArray(node)) return node.forEach((n) => walk(n, isSchema));
        if (typeof node !== "object" || node === null || !isSchema) return;
        for (const [key, value] of Object.entries(node)) {
          used.add(key);
          if (["properties", "$defs", "definitions", "patternProperties"].includes(key)) {
            for (const sub of Object.values(value as object)) walk(sub, true);
          } else if (!["const", "enum", "default", "examples", "discriminator", "required"].includes(key)) {
            walk(value, true);
          }
        }
      };
      walk(idlSchema, true);
      expect([...used]).toEqual(expect.arrayContaining(["oneOf", "additionalProperties", "$ref", "if", "then", "else"]));
      expect([...used].filter((k) => !draft07Keywords.has(k)).sort()).toEqual([]);
    });

    it("gives the same verdicts under draft-07 rules", () => {
      const { $schema: _drop, ...asDraft07 } = idlSchema;
      const validate = new Ajv({ allErrors: true, discriminator: true, strict: false }).compile(asDraft07);
      for (const file of idlFiles) expect(errorsOf(validate, parse(readFileSync(join(idlDir, file), "utf8"))), file).toEqual([]);
      for (const [what, make] of BROKEN) expect(errorsOf(validate, make()).length, what).toBeGreaterThan(0);
    });
  });
});

describe("generated/schema/*.schema.json for pool.json files", () => {
  const schemaDir = join(repo, "generated/schema");
  const schemaFiles = readdirSync(schemaDir).filter((f) => f.endsWith(".schema.json")).sort();
  const load = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(schemaDir, file), "utf8")) as Record<string, unknown>;
  // strictTuples off: serde's sequence form of a struct may leave its defaulted trailing fields out,
  // so `minItems` is below the number of `prefixItems` on purpose; Ajv's strict mode would refuse that.
  const ajv2020 = (): Ajv2020 => new Ajv2020({ allErrors: true, strict: true, strictTuples: false, discriminator: true });
  const poolSpecSchema = ajv2020().compile(load("pool-spec.schema.json"));

  const written = stringifyPoolSpec(
    createPoolSpec({
      pool_id: "workers",
      tenant_id: "acme",
      flake_ref: "github:acme/pool",
      profile: "minimal",
      instance_resources: { vcpus: 2, mem_mib: 1024 },
      desired_counts: { running: 1, warm: 0, sleeping: 0 },
      metadata: { tags: { team: "infra" } },
      secret_scopes: [{ integration: "telegram", keys: ["BOT_TOKEN"] }],
    }),
    { pretty: true },
  );

  it.each(schemaFiles)("%s compiles as draft 2020-12 in strict mode, without keywords VS Code does not support", (file) => {
    const schema = load(file);
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(() => ajv2020().compile(schema)).not.toThrow();
    // VS Code's JSON support warns on these ("not yet supported by the validator").
    expect(JSON.stringify(schema)).not.toMatch(/"\$(dynamicRef|dynamicAnchor|recursiveRef|recursiveAnchor)"/);
  });

  it("a pool.json written by stringifyPoolSpec validates against pool-spec.schema.json", () => {
    expect(errorsOf(poolSpecSchema, JSON.parse(written))).toEqual([]);
  });

  it("a `$schema` key in pool.json is accepted by the schema and ignored on reading (and dropped on writing)", () => {
    const withSchema = { $schema: "../../node_modules/@mvm/pool-model/schema/pool-spec.schema.json", ...JSON.parse(written) };
    expect(errorsOf(poolSpecSchema, withSchema)).toEqual([]);
    const value = parsePoolSpecJson(JSON.stringify(withSchema, null, 2));
    expect(stringifyPoolSpec(value, { pretty: true })).toBe(written);
  });

  it.each([
    ["an out-of-range integer", (d: any): void => void (d.instance_resources.vcpus = 256), "/instance_resources/vcpus"],
    ["an unknown enum variant", (d: any): void => void (d.role = "admin"), "/role"],
    ["a missing required field", (d: any): void => void delete d.tenant_id, ""],
    ["a map value of the wrong type", (d: any): void => void (d.metadata.tags.team = 1), "/metadata/tags/team"],
    ["a fractional count", (d: any): void => void (d.desired_counts.running = 1.5), "/desired_counts/running"],
  ] as const)("a pool.json with %s does not validate", (_what, change, path) => {
    const data = JSON.parse(written) as Record<string, unknown>;
    change(data);
    const errors = errorsOf(poolSpecSchema, data);
    expect(errors.some((e) => e.startsWith(`${path || "/"} `))).toBe(true);
  });
});
