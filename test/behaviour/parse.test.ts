/** Behaviour of the generated readers: defaults, fresh values, every issue named by its JSON Pointer and its keys. */
import {
  ValidationError,
  parseInstanceResources,
  parsePoolMetadata,
  parsePoolSpec,
  parseRole,
  parseRuntimePolicy,
  safeParsePoolSpec,
} from "@mvm/pool-model";
import { describe, expect, it } from "vitest";
import { minimalPoolSpec, minimalPoolSpecWithDefaults } from "../support/pool-specs.js";

const minimal = minimalPoolSpec;

const full = () => ({
  ...minimal(),
  role: "gateway",
  instance_resources: { vcpus: 2, mem_mib: 1024, data_disk_mib: 2048 },
  runtime_policy: { min_running_seconds: 1, min_warm_seconds: 2, drain_timeout_seconds: 3, graceful_shutdown_seconds: 4 },
  metadata: { capability: "openclaw", integration_types: ["telegram"], tags: { env: "prod" } },
  seccomp_policy: "strict",
  snapshot_compression: "zstd",
  metadata_enabled: true,
  pinned: true,
  critical: true,
  secret_scopes: [{ integration: "telegram", keys: ["TOKEN"] }],
  template_id: "tmpl-1",
});

function issuesOf(input: unknown): { path: string; code: string }[] {
  const r = safeParsePoolSpec(input);
  if (r.ok) throw new Error("expected a failure");
  return r.error.issues.map(({ path, code }) => ({ path, code }));
}

describe("parsePoolSpec", () => {
  it("fills every default of a minimal spec", () => {
    expect(parsePoolSpec(minimal())).toStrictEqual(minimalPoolSpecWithDefaults());
  });

  it("keeps every given value of a full spec", () => {
    expect(parsePoolSpec(full())).toStrictEqual({ ...full() });
  });

  it("returns a fresh value holding only declared fields, sharing nothing with the input", () => {
    const input = { ...full(), extra: 1, instance_resources: { vcpus: 2, mem_mib: 1, gpu: true } };
    const value = parsePoolSpec(input);
    expect(value).not.toHaveProperty("extra");
    expect(value.instance_resources).not.toHaveProperty("gpu");
    expect(value.instance_resources).not.toBe(input.instance_resources);
    expect(value.metadata).not.toBe(input.metadata);
    expect(value.metadata.tags).not.toBe(input.metadata.tags);
    expect(value.metadata.integration_types).not.toBe(input.metadata.integration_types);
    expect(value.secret_scopes[0]).not.toBe(input.secret_scopes[0]);
    expect(value.secret_scopes[0]!.keys).not.toBe(input.secret_scopes[0]!.keys);
  });

  it("never modifies its input, valid or not", () => {
    for (const input of [minimal(), full(), { ...full(), role: "root", instance_resources: { vcpus: 300 } }]) {
      const before = structuredClone(input);
      const frozen = deepFreeze(input);
      safeParsePoolSpec(frozen);
      expect(frozen).toStrictEqual(before);
    }
  });

  it("hands out fresh defaults: changing one parsed value does not change the next", () => {
    const a = parsePoolSpec(minimal());
    a.secret_scopes.push({ integration: "x", keys: [] });
    a.runtime_policy.min_running_seconds = 1;
    a.metadata.tags["k"] = "v";
    const b = parsePoolSpec(minimal());
    expect(b.secret_scopes).toEqual([]);
    expect(b.runtime_policy.min_running_seconds).toBe(60);
    expect(b.metadata.tags).toEqual({});
  });

  it("names every failing path, not only the first", () => {
    const input = {
      ...full(),
      tenant_id: 7,
      role: "root",
      instance_resources: { vcpus: 300, mem_mib: -1 },
      desired_counts: { running: 1.5, warm: 0 },
      metadata: { integration_types: ["a", 2], tags: { "a/b~c": 1 } },
      secret_scopes: [{ integration: "x", keys: [] }, { keys: "k" }],
      pinned: null,
    };
    expect(issuesOf(input)).toEqual([
      { path: "/tenant_id", code: "invalid-type" },
      { path: "/role", code: "unknown-variant" },
      { path: "/instance_resources/vcpus", code: "out-of-range" },
      { path: "/instance_resources/mem_mib", code: "out-of-range" },
      { path: "/desired_counts/running", code: "not-an-integer" },
      { path: "/desired_counts/sleeping", code: "missing-field" },
      { path: "/metadata/integration_types/1", code: "invalid-type" },
      { path: "/metadata/tags/a~1b~0c", code: "invalid-type" },
      { path: "/pinned", code: "invalid-type" },
      { path: "/secret_scopes/1/integration", code: "missing-field" },
      { path: "/secret_scopes/1/keys", code: "invalid-type" },
    ]);
  });

  it("names each place also as a list of keys: numbers for array indexes, strings for object keys, even integer-like ones", () => {
    const input = {
      ...full(),
      metadata: { integration_types: ["a", 2], tags: { "0": 1, "a/b~c": 2 } },
      secret_scopes: [{ integration: "x", keys: [] }, { integration: "y", keys: [3] }],
    };
    const r = safeParsePoolSpec(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.issues.map(({ path, keys }) => ({ path, keys }))).toStrictEqual([
      { path: "/metadata/integration_types/1", keys: ["metadata", "integration_types", 1] },
      { path: "/metadata/tags/0", keys: ["metadata", "tags", "0"] },
      { path: "/metadata/tags/a~1b~0c", keys: ["metadata", "tags", "a/b~c"] },
      { path: "/secret_scopes/1/keys/0", keys: ["secret_scopes", 1, "keys", 0] },
    ]);
    // The root is the empty list, as it is the empty pointer.
    expect(safeParsePoolSpec(5)).toMatchObject({ ok: false, error: { issues: [{ path: "", keys: [] }] } });
  });

  it("throws ValidationError with the type name and readable messages", () => {
    let error: unknown;
    try {
      parsePoolSpec({ ...minimal(), instance_resources: { vcpus: 256, mem_mib: 1 } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const v = error as ValidationError;
    expect(v.typeName).toBe("PoolSpec");
    expect(v.issues).toEqual([
      {
        path: "/instance_resources/vcpus",
        keys: ["instance_resources", "vcpus"],
        code: "out-of-range",
        message: "expected u8 (an integer from 0 to 255), got 256",
      },
    ]);
    expect(v.message).toBe("Invalid PoolSpec: /instance_resources/vcpus: expected u8 (an integer from 0 to 255), got 256");
  });

  it("names the first five issues in the message, then how many more, and quotes missing fields", () => {
    const input = { pool_id: 1, tenant_id: 2, flake_ref: 3, metadata_enabled: 4, pinned: 5, critical: 6 };
    let error: unknown;
    try {
      parsePoolSpec(input);
    } catch (e) {
      error = e;
    }
    const v = error as ValidationError;
    expect(v.issues.map((i) => i.path)).toEqual([
      "/pool_id",
      "/tenant_id",
      "/flake_ref",
      "/profile",
      "/instance_resources",
      "/desired_counts",
      "/metadata_enabled",
      "/pinned",
      "/critical",
    ]);
    expect(v.issues[3]!.message).toBe('missing field "profile"');
    expect(v.message).toBe(
      "Invalid PoolSpec: /pool_id: expected a string, got integer 1; /tenant_id: expected a string, got integer 2; " +
        '/flake_ref: expected a string, got integer 3; /profile: missing field "profile"; ' +
        '/instance_resources: missing field "instance_resources"; and 4 more',
    );
  });

  it.each([
    ["not an object", 5, [{ path: "", code: "invalid-type" }]],
    ["null", null, [{ path: "", code: "invalid-type" }]],
    ["a string", "{}", [{ path: "", code: "invalid-type" }]],
  ])("refuses %s at the root", (_name, input, expected) => {
    expect(issuesOf(input)).toEqual(expected);
  });

  it("treats null as a value (not as missing) for defaulted fields, as serde does", () => {
    expect(issuesOf({ ...minimal(), role: null })).toEqual([{ path: "/role", code: "invalid-type" }]);
    expect(issuesOf({ ...minimal(), secret_scopes: null })).toEqual([{ path: "/secret_scopes", code: "invalid-type" }]);
    expect(parsePoolMetadata({ capability: null }).capability).toBeUndefined();
  });

  it("treats a property holding undefined as missing", () => {
    expect(parsePoolSpec({ ...minimal(), role: undefined }).role).toBe("worker");
  });

  it("reads any string for the open enums (Rust reads any String there)", () => {
    const v = parsePoolSpec({ ...minimal(), seccomp_policy: "custom-policy", snapshot_compression: "" });
    expect(v.seccomp_policy).toBe("custom-policy");
    expect(v.snapshot_compression).toBe("");
  });
});

describe("integers", () => {
  it.each([
    ["u8 max", { vcpus: 255, mem_mib: 1 }, true],
    ["u8 overflow", { vcpus: 256, mem_mib: 1 }, false],
    ["negative", { vcpus: -1, mem_mib: 1 }, false],
    ["fraction", { vcpus: 1.5, mem_mib: 1 }, false],
    ["NaN", { vcpus: Number.NaN, mem_mib: 1 }, false],
    ["Infinity", { vcpus: 1, mem_mib: Number.POSITIVE_INFINITY }, false],
    ["u32 max", { vcpus: 1, mem_mib: 4294967295 }, true],
    ["u32 overflow", { vcpus: 1, mem_mib: 4294967296 }, false],
    ["numeric string", { vcpus: "2", mem_mib: 1 }, false],
    ["bigint", { vcpus: 2n, mem_mib: 1 }, false],
  ])("InstanceResources %s", (_name, input, ok) => {
    expect(() => parseInstanceResources(input)).toSatisfy((f: () => unknown) => {
      try {
        f();
        return ok;
      } catch (e) {
        return !ok && e instanceof ValidationError;
      }
    });
  });

  it("reads a u64 up to 2^53 and refuses beyond, never rounding", () => {
    expect(parseRuntimePolicy({ min_running_seconds: 2 ** 53 }).min_running_seconds).toBe(2 ** 53);
    const r = (() => {
      try {
        parseRuntimePolicy({ min_running_seconds: 2 ** 53 + 2 });
        return undefined;
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(r?.issues).toEqual([
      expect.objectContaining({ path: "/min_running_seconds", code: "unsafe-integer" }),
    ]);
  });
});

describe("serde's other forms", () => {
  it("reads a struct written as an array of its fields (sequence form)", () => {
    expect(parseRuntimePolicy([1, 2])).toStrictEqual({
      min_running_seconds: 1,
      min_warm_seconds: 2,
      drain_timeout_seconds: 30,
      graceful_shutdown_seconds: 15,
    });
    expect(() => parseInstanceResources([1])).toThrow(ValidationError);
  });

  it("reads a unit variant written as a map", () => {
    expect(parseRole({ builder: null })).toBe("builder");
    expect(() => parseRole({ builder: 1 })).toThrow(ValidationError);
    expect(() => parseRole({ builder: null, worker: null })).toThrow(ValidationError);
  });
});

describe("maps", () => {
  it("refuses a Map, Set or Date where a map is expected: their entries would be lost", () => {
    for (const tags of [new Map([["a", "b"]]), new Set(["a"]), new Date(0)]) {
      const r = safeParsePoolSpec({ ...minimal(), metadata: { tags } });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.issues.map((i) => [i.path, i.code])).toEqual([["/metadata/tags", "invalid-type"]]);
    }
    expect(parsePoolMetadata({ tags: Object.assign(Object.create(null) as object, { a: "b" }) }).tags).toEqual({ a: "b" });
  });

  it("keeps __proto__ as a key, as data, without touching any prototype", () => {
    const input = JSON.parse('{"tags":{"__proto__":"x","constructor":"y"}}') as unknown;
    const value = parsePoolMetadata(input);
    expect(Object.keys(value.tags)).toEqual(["__proto__", "constructor"]);
    expect(Object.getOwnPropertyDescriptor(value.tags, "__proto__")?.value).toBe("x");
    expect(Object.getPrototypeOf(value.tags)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
