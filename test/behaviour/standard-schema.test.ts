/**
 * The Standard Schema of every type (issue 16): `TSchema["~standard"]` as @standard-schema/spec
 * declares it (the type checks at the top are tsc's, which `npm test` runs on the tests), and
 * outcomes that are parseT's: the same fresh value with defaults, or every issue with its message
 * and its place as a list of keys.
 */
import * as model from "@mvm/pool-model";
import {
  PoolSpecSchema,
  RoleSchema,
  parsePoolSpec,
  safeParsePoolSpec,
  type PoolSpec,
  type PoolSpecInput,
  type Role,
} from "@mvm/pool-model";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { describe, expect, it } from "vitest";
import type * as runtime from "../../generator/src/targets/ts/runtime/runtime.js";
import { isTextLevel, jsonParses, vectors } from "../conformance/vectors.js";
import { APIS, api, standardResult, type TypeName } from "../support/model.js";
import { minimalPoolSpec, minimalPoolSpecWithDefaults } from "../support/pool-specs.js";

// ---- Types: a compile error here fails `npm test` --------------------------------------------

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
type Validate<S extends StandardSchemaV1> = S["~standard"]["validate"];

/** Checked by tsc; exported only so that noUnusedLocals has no say. */
export type TypeChecks = [
  // What the issue asks: InferInput is the Input type, InferOutput the type itself.
  Expect<Equal<StandardSchemaV1.InferInput<typeof PoolSpecSchema>, PoolSpecInput>>,
  Expect<Equal<StandardSchemaV1.InferOutput<typeof PoolSpecSchema>, PoolSpec>>,
  Expect<Equal<StandardSchemaV1.InferInput<typeof RoleSchema>, Role>>,
  Expect<Equal<StandardSchemaV1.InferOutput<typeof RoleSchema>, Role>>,
  // A schema is what the spec's own type accepts, and its validate is synchronous.
  Expect<typeof PoolSpecSchema extends StandardSchemaV1<PoolSpecInput, PoolSpec> ? true : false>,
  Expect<Equal<ReturnType<Validate<typeof PoolSpecSchema>>, StandardSchemaV1.Result<PoolSpec>>>,
  // The interface copied into the runtime is the spec's, member for member.
  Expect<Equal<runtime.StandardSchemaV1<1, 2>, StandardSchemaV1<1, 2>>>,
  Expect<Equal<runtime.StandardSchemaV1.Props<1, 2>, StandardSchemaV1.Props<1, 2>>>,
  Expect<Equal<runtime.StandardSchemaV1.Result<1>, StandardSchemaV1.Result<1>>>,
  Expect<Equal<runtime.StandardSchemaV1.Issue, StandardSchemaV1.Issue>>,
  Expect<Equal<runtime.StandardSchemaV1.InferInput<typeof PoolSpecSchema>, PoolSpecInput>>,
  Expect<Equal<runtime.StandardSchemaV1.InferOutput<typeof PoolSpecSchema>, PoolSpec>>,
];

// @ts-expect-error a Role schema is no PoolSpec schema
export const notAPoolSpecSchema: StandardSchemaV1<PoolSpecInput, PoolSpec> = RoleSchema;

// ---- Behaviour ---------------------------------------------------------------------------------

/** The Standard Schema of a type, found by its name among the package's exports. */
function schemaOf(type: string): StandardSchemaV1 {
  return (model as unknown as Record<string, StandardSchemaV1>)[`${type}Schema`]!;
}

function validate(schema: StandardSchemaV1, value: unknown): StandardSchemaV1.Result<unknown> {
  const result = schema["~standard"].validate(value);
  if (result instanceof Promise) throw new Error("validate returned a promise");
  return result;
}

describe("TSchema", () => {
  it("exists for every type the package reads, and for nothing else", () => {
    const exported = Object.keys(model);
    const types = exported.filter((n) => /^parse[A-Z]\w*$/.test(n) && !n.endsWith("Json")).map((n) => n.slice(5));
    expect(types.length).toBeGreaterThan(10);
    expect(exported.filter((n) => n.endsWith("Schema")).sort()).toEqual(types.map((t) => `${t}Schema`).sort());
  });

  it.each(APIS.map((a) => [a.name] as const))("%sSchema is a frozen Standard Schema v1 of vendor idlc", (name) => {
    const schema = schemaOf(name);
    expect(Object.keys(schema)).toEqual(["~standard"]);
    expect(Object.keys(schema["~standard"])).toEqual(["version", "vendor", "validate"]);
    expect(schema["~standard"].version).toBe(1);
    expect(schema["~standard"].vendor).toBe("idlc");
    expect(Object.isFrozen(schema) && Object.isFrozen(schema["~standard"])).toBe(true);
  });
});

describe("PoolSpecSchema validates as parsePoolSpec reads", () => {
  it("a valid document: the same value", () => {
    const input = { ...minimalPoolSpec(), role: "builder", metadata: { tags: { env: "prod" } } };
    expect(validate(PoolSpecSchema, input)).toStrictEqual({ value: parsePoolSpec(input) });
  });

  it("a document with defaults left out: the value with its defaults filled", () => {
    expect(validate(PoolSpecSchema, minimalPoolSpec())).toStrictEqual({ value: minimalPoolSpecWithDefaults() });
  });

  it("an invalid document: every issue, its message as ValidationError words it, its path as keys and indexes", () => {
    const input = {
      ...minimalPoolSpec(),
      profile: undefined,
      instance_resources: { vcpus: 300, mem_mib: 512 },
      metadata: { tags: { "0": 1 } },
      secret_scopes: [{ integration: "telegram", keys: [] }, { integration: "x", keys: [7] }],
    };
    const result = validate(PoolSpecSchema, input);
    expect(result).toStrictEqual({
      issues: [
        { message: 'missing field "profile"', path: ["profile"] },
        { message: "expected u8 (an integer from 0 to 255), got 300", path: ["instance_resources", "vcpus"] },
        { message: "expected a string, got integer 1", path: ["metadata", "tags", "0"] },
        { message: "expected a string, got integer 7", path: ["secret_scopes", 1, "keys", 0] },
      ],
    });
    const parsed = safeParsePoolSpec(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(result.issues?.map((i) => i.message)).toEqual(parsed.error.issues.map((i) => i.message));
  });

  it("the value itself: an empty path", () => {
    expect(validate(PoolSpecSchema, "pool.json")).toStrictEqual({
      issues: [{ message: 'expected an object (PoolSpec), got string "pool.json"', path: [] }],
    });
  });

  it("hands out a fresh value every time and never modifies its input", () => {
    const input = Object.freeze({ ...minimalPoolSpec(), metadata: Object.freeze({ tags: Object.freeze({ a: "b" }) }) });
    const a = validate(PoolSpecSchema, input);
    const b = validate(PoolSpecSchema, input);
    expect(a).toStrictEqual(b);
    expect(a.issues).toBeUndefined();
    const [va, vb] = [a, b].map((r) => (r as StandardSchemaV1.SuccessResult<PoolSpec>).value);
    expect(va).not.toBe(vb);
    expect(va!.metadata.tags).not.toBe(input.metadata.tags);
  });

  it("answers a value that throws when read with an issue, not an exception", () => {
    const input = {
      ...minimalPoolSpec(),
      get profile(): string {
        throw new Error("boom");
      },
    };
    expect(validate(PoolSpecSchema, input)).toStrictEqual({
      issues: [{ message: "reading the value threw an exception (a getter or proxy?)", path: [] }],
    });
  });
});

describe("serde vectors through every TSchema", () => {
  const agreed = vectors.cases.filter((c) => jsonParses(c.input_text) && !isTextLevel(c));

  it.each(agreed.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const a = api(c.type as TypeName);
    const input: unknown = JSON.parse(c.input_text);
    const result = validate(a.standard, input);
    expect(result).toStrictEqual(standardResult(a.safeParse(input)));
    if (c.ok) {
      // Accepted as serde accepts it, and the value is the one serde writes.
      expect(result.issues).toBeUndefined();
      expect(a.stringify((result as StandardSchemaV1.SuccessResult<unknown>).value, { pretty: true })).toBe(c.pretty);
    } else {
      expect(result.issues?.length).toBeGreaterThan(0);
    }
  });
});
