/**
 * Hostile values chosen by hand: proxies and getters that throw, cycles, deep nesting, huge and
 * sparse arrays, objects that are not JSON, symbols, bigints, non-finite numbers, lone
 * surrogates, and `__proto__` / `constructor` keys. Each goes through the same check as the
 * random ones (a value of the right shape or a well-formed ValidationError, nothing modified),
 * and most have an exact expected outcome.
 */
import {
  ValidationError,
  parseInstanceResources,
  parsePoolMetadata,
  parsePoolMetadataJson,
  parsePoolSpec,
  parsePoolSpecJson,
  parseRole,
  parseRuntimePolicy,
  safeParseInstanceResources,
  safeParsePoolMetadata,
  safeParsePoolSpec,
  safeParsePoolSpecJson,
  safeParseRole,
  safeParseRuntimePolicy,
  serializePoolMetadata,
  serializeSecretScope,
  stringifyInstanceResources,
  stringifyPoolMetadata,
  stringifyPoolSpec,
  stringifySecretScope,
  type PoolMetadata,
} from "@mvm/pool-model";
import { describe, expect, it } from "vitest";
import { builtinsFingerprint, fingerprint } from "../support/inspect.js";
import { api, badValidationError, type TypeName } from "../support/model.js";
import { checkHostile } from "../support/suites/hostile.js";
import { minimalPoolSpec } from "../support/pool-specs.js";

const minimal = (): Record<string, unknown> => minimalPoolSpec();

/** The issues of a refused input as [path, code] pairs. */
function issues(result: { ok: boolean; error?: ValidationError }): [string, string][] {
  expect(result.ok).toBe(false);
  return result.error!.issues.map((i) => [i.path, i.code]);
}

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
}

/** Quick enough on a loaded CI machine; the same work takes milliseconds when done right. */
const QUICK_MS = 3000;

const throwing = (): never => {
  throw new Error("trap");
};

function revoked(): object {
  const r = Proxy.revocable({}, {});
  r.revoke();
  return r.proxy;
}

function deepObject(depth: number): Record<string, unknown> {
  let v: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

function deepArray(depth: number): unknown[] {
  let v: unknown[] = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

function cyclic(): Record<string, unknown> {
  const o: Record<string, unknown> = { ...minimal() };
  o["self"] = o;
  return o;
}

/** Inputs that answer differently each time they are read. */
const UNSTABLE = new Set(["a getter that answers differently each time"]);

/** Hostile cases: [name, type, input]. Each must read as a value of the right shape or be refused. */
const CASES: [string, TypeName, () => unknown][] = [
  ["a proxy whose every trap throws", "PoolSpec", () =>
    new Proxy({}, { get: throwing, has: throwing, ownKeys: throwing, getPrototypeOf: throwing, getOwnPropertyDescriptor: throwing })],
  ["a proxy whose every trap throws, for an enum", "Role", () =>
    new Proxy({}, { get: throwing, has: throwing, ownKeys: throwing, getPrototypeOf: throwing, getOwnPropertyDescriptor: throwing })],
  ["a proxy of an array whose traps throw", "PoolSpec", () => new Proxy([], { get: throwing, ownKeys: throwing })],
  ["a revoked proxy", "PoolSpec", revoked],
  ["a revoked proxy as a field", "PoolSpec", () => ({ ...minimal(), metadata: revoked() })],
  ["a revoked proxy as a map", "PoolMetadata", () => ({ tags: revoked() })],
  ["a revoked proxy for an enum", "Role", revoked],
  ["a getter that throws", "PoolSpec", () => Object.defineProperty(minimal(), "pool_id", { get: throwing, enumerable: true })],
  ["a getter that throws in a map", "PoolMetadata", () => ({ tags: Object.defineProperty({}, "k", { get: throwing, enumerable: true }) })],
  ["a getter that answers differently each time", "InstanceResources", () => {
    let n = 0;
    return Object.defineProperty({ mem_mib: 1 }, "vcpus", { get: () => (n++ === 0 ? 1 : "x"), enumerable: true });
  }],
  ["a cyclic object (unknown field)", "PoolSpec", cyclic],
  ["a cyclic map", "PoolMetadata", () => {
    const tags: Record<string, unknown> = {};
    tags["self"] = tags;
    return { tags };
  }],
  ["a cyclic list", "PoolSpec", () => {
    const scopes: unknown[] = [];
    scopes.push(scopes);
    return { ...minimal(), secret_scopes: scopes };
  }],
  ["100,000 nested objects in an unknown field", "PoolSpec", () => ({ ...minimal(), extra: deepObject(100_000) })],
  ["100,000 nested objects as the tags", "PoolMetadata", () => ({ tags: deepObject(100_000) })],
  ["100,000 nested arrays (sequence form)", "PoolSpec", () => deepArray(100_000)],
  ["100,000 nested arrays in secret_scopes", "PoolSpec", () => ({ ...minimal(), secret_scopes: deepArray(100_000) })],
  ["100,000 nested objects for an enum", "Role", () => ({ worker: deepObject(100_000) })],
  ["a sparse array", "PoolMetadata", () => ({ integration_types: [, "a", , "b"] })],
  ["a sparse array in sequence form", "InstanceResources", () => [, 512]],
  ["a typed array as a list", "PoolMetadata", () => ({ integration_types: new Uint8Array([1, 2]) })],
  ["a typed array as a struct", "PoolSpec", () => new Uint8Array(16)],
  ["a Map as a struct", "PoolSpec", () => new Map(Object.entries(minimal()))],
  ["a Map as the tags", "PoolMetadata", () => ({ tags: new Map([["k", "v"]]) })],
  ["a Map as an enum", "Role", () => new Map([["worker", null]])],
  ["a Set as a list", "PoolMetadata", () => ({ integration_types: new Set(["a"]) })],
  ["a Date as a struct with defaults only", "RuntimePolicy", () => new Date(0)],
  ["a Date as a string", "SecretScope", () => ({ integration: new Date(0), keys: [] })],
  ["a boxed string", "Role", () => Object("worker")],
  ["a boxed string field", "SecretScope", () => ({ integration: Object("x"), keys: [] })],
  ["a boxed number", "InstanceResources", () => ({ vcpus: Object(1), mem_mib: 1 })],
  ["a boxed boolean", "PoolSpec", () => ({ ...minimal(), pinned: Object(true) })],
  ["a symbol key", "PoolSpec", () => ({ ...minimal(), [Symbol("pool_id")]: "x" })],
  ["a symbol value", "PoolSpec", () => ({ ...minimal(), profile: Symbol("minimal") })],
  ["a symbol", "Role", () => Symbol("worker")],
  ["a function", "PoolSpec", () => Object.assign(() => 1, minimal())],
  ["a class instance", "InstanceResources", () => new (class Resources {
    vcpus = 2;
    mem_mib = 3;
  })()],
  ["a null-prototype object", "PoolSpec", () => Object.assign(Object.create(null) as object, minimal())],
  ["a frozen object", "PoolSpec", () => Object.freeze({ ...minimal(), metadata: Object.freeze({ tags: Object.freeze({ a: "b" }) }) })],
  ["bigint for a u64", "RuntimePolicy", () => ({ min_running_seconds: 60n })],
  ["bigint for a u8", "InstanceResources", () => ({ vcpus: 1n, mem_mib: 1 })],
  ["NaN", "InstanceResources", () => ({ vcpus: NaN, mem_mib: 1 })],
  ["Infinity", "RuntimePolicy", () => ({ min_warm_seconds: Infinity })],
  ["-Infinity", "InstanceResources", () => ({ vcpus: 1, mem_mib: -Infinity })],
  ["-0", "InstanceResources", () => ({ vcpus: -0, mem_mib: 1 })],
  ["a number as a string", "RuntimePolicy", () => ({ min_running_seconds: "60" })],
  ["a lone surrogate", "SecretScope", () => ({ integration: "\ud800", keys: ["a\udc00"] })],
  ["a lone surrogate as a map key", "PoolMetadata", () => ({ tags: { "\udbff": "x" } })],
  ["__proto__ as a map key", "PoolMetadata", () => JSON.parse('{"tags": {"__proto__": "x", "constructor": "y"}}')],
  ["__proto__ holding an object", "PoolMetadata", () => JSON.parse('{"tags": {"__proto__": {"polluted": "yes"}}}')],
  ["__proto__ as an unknown field", "PoolSpec", () => ({ ...minimal(), ...JSON.parse('{"__proto__": {"critical": true, "polluted": "yes"}}') })],
  ["constructor.prototype as an unknown field", "PoolSpec", () => ({ ...minimal(), constructor: { prototype: { polluted: "yes" } } })],
  ["__proto__ as an enum's map form", "Role", () => JSON.parse('{"__proto__": null}')],
];

describe("hand-picked hostile values", () => {
  it.each(CASES.map(([name, type, make]) => [name, type, make] as const))(
    "%s (%s): a value of the right shape or a ValidationError, quickly, nothing modified",
    (name, type, make) => {
      const input = make();
      const { ms } = timed(() => checkHostile(api(type), input, builtinsFingerprint(), { stable: !UNSTABLE.has(name) }));
      expect(ms).toBeLessThan(QUICK_MS);
    },
  );
});

describe("exact outcomes", () => {
  it("throwing traps, getters and revoked proxies are refused as unreadable, not rethrown", () => {
    expect(issues(safeParsePoolSpec(CASES[0]![2]()))).toEqual([["", "unreadable-value"]]);
    expect(issues(safeParsePoolSpec(revoked()))).toEqual([["", "unreadable-value"]]);
    const getter = Object.defineProperty(minimal(), "pool_id", { get: throwing, enumerable: true });
    expect(issues(safeParsePoolSpec(getter))).toEqual([["", "unreadable-value"]]);
  });

  it("a value that changes while it is read is refused", () => {
    let n = 0;
    const input = Object.defineProperty({ mem_mib: 1 }, "vcpus", { get: () => (n++ === 0 ? "x" : 1), enumerable: true });
    // Read once by the fast path ("x": refused), once by the issue collector (1: fine).
    expect(() => parseInstanceResources(input)).toThrow(ValidationError);
  });

  it("bigint is refused, even where the number would fit (60n for a u64)", () => {
    expect(issues(safeParseRuntimePolicy({ min_running_seconds: 60n }))).toEqual([["/min_running_seconds", "invalid-type"]]);
  });

  it("NaN and the infinities are not integers; numbers as strings are not numbers", () => {
    expect(issues(safeParseRuntimePolicy({ min_running_seconds: NaN, min_warm_seconds: Infinity, drain_timeout_seconds: -Infinity }))).toEqual([
      ["/min_running_seconds", "not-an-integer"],
      ["/min_warm_seconds", "not-an-integer"],
      ["/drain_timeout_seconds", "not-an-integer"],
    ]);
    expect(issues(safeParseRuntimePolicy({ min_running_seconds: "60" }))).toEqual([["/min_running_seconds", "invalid-type"]]);
  });

  it("integers at and past the edges of their width", () => {
    expect(parseRuntimePolicy({ min_running_seconds: 2 ** 53 }).min_running_seconds).toBe(2 ** 53);
    expect(issues(safeParseRuntimePolicy({ min_running_seconds: 2 ** 53 + 2 }))).toEqual([["/min_running_seconds", "unsafe-integer"]]);
    expect(issues(safeParseRuntimePolicy({ min_running_seconds: -1 }))).toEqual([["/min_running_seconds", "out-of-range"]]);
    expect(parseInstanceResources({ vcpus: 255, mem_mib: 2 ** 32 - 1 })).toStrictEqual({ vcpus: 255, mem_mib: 2 ** 32 - 1, data_disk_mib: 0 });
    expect(issues(safeParsePoolSpec({ ...minimal(), instance_resources: { vcpus: 256, mem_mib: 2 ** 32 } }))).toEqual([
      ["/instance_resources/vcpus", "out-of-range"],
      ["/instance_resources/mem_mib", "out-of-range"],
    ]);
  });

  it("-0 is read as an integer (JSON.parse keeps no text) and written as 0", () => {
    const value = parseInstanceResources({ vcpus: -0, mem_mib: 1 });
    expect(stringifyInstanceResources(value)).toBe('{"vcpus":0,"mem_mib":1,"data_disk_mib":0}');
  });

  it("objects that are not JSON are refused where a JSON object or array is needed", () => {
    expect(safeParseRole(new Map([["worker", null]])).ok).toBe(false);
    expect(safeParseRole(Object("worker")).ok).toBe(false);
    expect(issues(safeParsePoolMetadata({ integration_types: new Uint8Array([1]) }))).toEqual([["/integration_types", "invalid-type"]]);
    expect(issues(safeParsePoolMetadata({ integration_types: new Set(["a"]) }))).toEqual([["/integration_types", "invalid-type"]]);
    expect(issues(safeParsePoolMetadata({ integration_types: [, "a"] }))).toEqual([["/integration_types/0", "invalid-type"]]);
    expect(issues(safeParsePoolSpec({ ...minimal(), profile: Symbol("minimal") }))).toEqual([["/profile", "invalid-type"]]);
  });

  it("symbol keys are not fields", () => {
    const value = parsePoolSpec({ ...minimal(), [Symbol("critical")]: true });
    expect(value.critical).toBe(false);
    expect(Object.getOwnPropertySymbols(value)).toEqual([]);
  });

  it("a cyclic object in an unknown field is ignored; a cyclic list is refused", () => {
    expect(parsePoolSpec(cyclic()).pool_id).toBe("workers");
    const scopes: unknown[] = [];
    scopes.push(scopes);
    // [scopes] is read as a SecretScope in serde's sequence form: its first element is no string, its second is missing.
    expect(issues(safeParsePoolSpec({ ...minimal(), secret_scopes: scopes }))).toEqual([
      ["/secret_scopes/0/0", "invalid-type"],
      ["/secret_scopes/0/1", "missing-field"],
    ]);
  });
});

describe("huge inputs", () => {
  const million = 1_000_000;

  it("a million valid secret_scopes are read, without blowing the stack", () => {
    const scopes = Array.from({ length: million }, (_, i) => ({ integration: `i${i % 10}`, keys: [] }));
    const { value, ms } = timed(() => parsePoolSpec({ ...minimal(), secret_scopes: scopes }));
    expect(value.secret_scopes).toHaveLength(million);
    expect(value.secret_scopes[million - 1]).toStrictEqual({ integration: "i9", keys: [] });
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it("a million integration_types are read and written", () => {
    const types = Array.from({ length: million }, (_, i) => `t${i}`);
    const { value, ms } = timed(() => parsePoolMetadata({ integration_types: types }));
    expect(value.integration_types).toHaveLength(million);
    const text = stringifyPoolMetadata(value);
    expect(text.startsWith('{"integration_types":["t0","t1",')).toBe(true);
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it("a million bad elements are refused quickly, with a bounded list of issues", () => {
    for (const bad of [new Array<unknown>(million).fill(1), new Array<unknown>(million)]) {
      const { value: error, ms } = timed(() => thrown(() => parsePoolSpec({ ...minimal(), secret_scopes: bad })));
      expect(badValidationError(error)).toBeUndefined();
      const list = (error as ValidationError).issues;
      expect(list[0]).toMatchObject({ path: "/secret_scopes/0", code: "invalid-type" });
      expect(list.length).toBeLessThanOrEqual(101);
      expect(list.at(-1)).toMatchObject({ path: "", code: "too-many-issues" });
      expect(ms).toBeLessThan(QUICK_MS);
    }
    const { value: error, ms } = timed(() => thrown(() => parsePoolMetadata({ integration_types: new Array<unknown>(million).fill(1) })));
    expect((error as ValidationError).issues.length).toBeLessThanOrEqual(101);
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it("as many bad values in JSON text are refused with a bounded list of issues", () => {
    const text = `{"integration_types":[${new Array(200_000).fill("1").join(",")}],"tags":{"a":1}}`;
    const error = thrown(() => parsePoolMetadataJson(text)) as ValidationError;
    expect(error.issues.length).toBeLessThanOrEqual(101);
    expect(error.issues.at(-1)!.code).toBe("too-many-issues");
  });

  it("exactly 100 issues are all listed, without a too-many-issues marker", () => {
    const error = thrown(() => parsePoolMetadata({ integration_types: new Array<unknown>(100).fill(1) })) as ValidationError;
    expect(error.issues).toHaveLength(100);
    expect(error.issues.every((i) => i.code === "invalid-type")).toBe(true);
  });
});

describe("lone surrogates: read (a documented exception), never written", () => {
  it("parse accepts them; stringify and serialize refuse them with invalid-string at their path", () => {
    const scope = { integration: "ok", keys: ["a", "b\ud800"] };
    expect(api("SecretScope").parse(scope)).toStrictEqual(scope);
    for (const write of [() => stringifySecretScope(scope), () => stringifySecretScope(scope, { pretty: true }), () => serializeSecretScope(scope)]) {
      const error = thrown(write) as ValidationError;
      expect(badValidationError(error)).toBeUndefined();
      expect(error.issues).toEqual([expect.objectContaining({ path: "/keys/1", code: "invalid-string" })]);
    }
  });

  it("a lone surrogate in a map key is refused too", () => {
    const meta = parsePoolMetadata({ tags: { "\udc00x": "v" } });
    for (const write of [() => stringifyPoolMetadata(meta), () => serializePoolMetadata(meta)]) {
      expect((thrown(write) as ValidationError).issues).toEqual([expect.objectContaining({ path: "/tags/\udc00x", code: "invalid-string" })]);
    }
  });

  it("a well-formed astral character is written as it is", () => {
    expect(stringifySecretScope({ integration: "\u{1F600}", keys: [] })).toBe('{"integration":"\u{1F600}","keys":[]}');
  });
});

describe("__proto__ and constructor keys", () => {
  it("__proto__ as a map key stays an own data property; Object.prototype is untouched", () => {
    const builtins = builtinsFingerprint();
    const input = JSON.parse('{"tags": {"__proto__": "x", "constructor": "y"}}') as unknown;
    const value: PoolMetadata = parsePoolMetadata(input);
    expect(Object.getOwnPropertyDescriptor(value.tags, "__proto__")).toEqual({ value: "x", writable: true, enumerable: true, configurable: true });
    expect(Object.getOwnPropertyDescriptor(value.tags, "constructor")?.value).toBe("y");
    expect(Object.getPrototypeOf(value.tags)).toBe(Object.prototype);
    expect(Object.keys(value.tags).sort()).toEqual(["__proto__", "constructor"]);
    expect(stringifyPoolMetadata(value)).toBe('{"tags":{"__proto__":"x","constructor":"y"}}');
    expect(Object.getOwnPropertyDescriptor(serializePoolMetadata(value) as object, "tags")?.value).toEqual(
      JSON.parse('{"__proto__": "x", "constructor": "y"}'),
    );
    expect(builtinsFingerprint()).toBe(builtins);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("the same through the JSON text reader", () => {
    const value = parsePoolMetadataJson('{"tags": {"__proto__": "x"}}');
    expect(Object.getOwnPropertyDescriptor(value.tags, "__proto__")?.value).toBe("x");
    expect(Object.getPrototypeOf(value.tags)).toBe(Object.prototype);
  });

  it("a __proto__ field of the input does not set fields of the value", () => {
    const input = { ...minimal(), ...(JSON.parse('{"__proto__": {"critical": true, "pinned": true}}') as object) };
    const before = fingerprint(input);
    const value = parsePoolSpec(input);
    expect(value.critical).toBe(false);
    expect(value.pinned).toBe(false);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(fingerprint(input)).toBe(before);
  });

  it("an own __proto__ key is not a unit variant's map form", () => {
    expect(issues(safeParseRole(JSON.parse('{"__proto__": null}')))).toEqual([["/__proto__", "unknown-variant"]]);
    expect(parseRole(JSON.parse('{"worker": null}'))).toBe("worker");
  });

  // Reading fields through the prototype chain would turn prototype pollution anywhere in the
  // process into configuration: a polluted `seccomp_policy` or `critical` taken for data. serde
  // sees only the keys of the JSON object. Pollution (a property assigned to Object.prototype, or an
  // element to Array.prototype, the way vulnerable merges do it) switches every reader to a copy
  // of the input's own data. Properties defined on a prototype (non-enumerable, or accessors)
  // need code execution in the process already; those named as fields are guarded too (below).
  it("fields on a polluted Object.prototype are not read as data", () => {
    const proto = Object.prototype as Record<string, unknown>;
    const polluted: [string, unknown][] = [
      ["seccomp_policy", "unconfined"],
      ["critical", true],
      ["role", "gateway"],
      ["pool_id", "inherited"],
    ];
    for (const [key, value] of polluted) proto[key] = value;
    try {
      const spec = parsePoolSpec(JSON.parse(stringifyPoolSpec(parsePoolSpec(minimal()))) as unknown);
      expect(spec.seccomp_policy).toBe("baseline");
      expect(spec.critical).toBe(false);
      expect(spec.role).toBe("worker");
      const { pool_id: _, ...withoutId } = minimal();
      expect(issues(safeParsePoolSpec(withoutId))).toEqual([["/pool_id", "missing-field"]]);
      expect(issues(safeParsePoolSpecJson(JSON.stringify(withoutId)))).toEqual([["/pool_id", "missing-field"]]);
    } finally {
      for (const [key] of polluted) delete proto[key];
    }
  });

  // The check asks Object.prototype for each field's name as a load (folded by the engine), so
  // what it sees is the value a read would take: a getter is called, and one that throws counts as
  // found; a property holding undefined is read as the absent field it stands for.
  it("getters on Object.prototype by a field's name are not read as data, even one that throws", () => {
    const { pool_id: _, ...withoutId } = minimal();
    const cases: [string, PropertyDescriptor][] = [
      ["critical", { get: () => true }],
      ["pool_id", { get: () => "inherited" }],
      ["critical", { get: () => { throw new Error("a getter that throws"); } }],
      ["pool_id", { get: () => { throw new Error("a getter that throws"); } }],
      ["critical", { value: undefined, writable: true }],
    ];
    for (const [key, property] of cases) {
      Object.defineProperty(Object.prototype, key, { ...property, configurable: true });
      try {
        const spec = parsePoolSpec(minimal());
        expect(spec.critical, key).toBe(false);
        expect(spec.pool_id, key).toBe(minimal().pool_id);
        expect(JSON.parse(stringifyPoolSpec(spec)), key).toStrictEqual(JSON.parse(stringifyPoolSpec(parsePoolSpec(minimal()))));
        expect(parsePoolSpecJson(JSON.stringify(minimal())).critical, key).toBe(false);
        expect(issues(safeParsePoolSpec(withoutId)), key).toEqual([["/pool_id", "missing-field"]]);
      } finally {
        delete (Object.prototype as Record<string, unknown>)[key];
      }
    }
  });

  it("elements on a polluted Array.prototype do not fill holes", () => {
    const proto = Array.prototype as unknown as Record<string, unknown>;
    proto["0"] = "inherited";
    try {
      expect(issues(safeParsePoolMetadata({ integration_types: [, "a"] }))).toEqual([["/integration_types/0", "invalid-type"]]);
    } finally {
      delete proto["0"];
      (Array.prototype as unknown[]).length = 0; // as before: deleting an element keeps the length
    }
  });

  it("properties on Array.prototype that are not elements change nothing: arrays are read by index", () => {
    // The check for pollution looks at Array.prototype's length alone while it is 0, so these
    // keys reach the readers and writers as they are.
    const cases = [
      () => safeParseInstanceResources([2, 512]),
      () => safeParseInstanceResources([2]),
      () => safeParsePoolMetadata({ integration_types: ["a", "b"], tags: { k: "v" } }),
      () => stringifySecretScope({ integration: "a", keys: ["x", "y"] }),
      () => stringifyPoolSpec(parsePoolSpec(minimal()), { pretty: true }),
    ];
    const before = cases.map((f) => f());
    const proto = Array.prototype as unknown as Record<string, unknown>;
    const keys = ["vcpus", "mem_mib", "data_disk_mib", "integration_types", "0x", "length2"];
    for (const key of keys) proto[key] = 7;
    try {
      expect((Array.prototype as unknown[]).length).toBe(0);
      expect(cases.map((f) => f())).toEqual(before);
    } finally {
      for (const key of keys) delete proto[key];
    }
  });

  it("a prototype the caller made is read like a class instance's: its fields count", () => {
    const input = Object.assign(Object.create({ pool_id: "inherited" }) as object, minimal());
    delete (input as Record<string, unknown>)["pool_id"];
    expect(parsePoolSpec(input).pool_id).toBe("inherited");
  });
});
