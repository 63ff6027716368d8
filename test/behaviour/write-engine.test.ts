/**
 * stringifyT's faster paths: the straight-line writer (`textT`, the pool model's types) and the
 * engine's JSON.stringify (`wireT`/`asIs`, here the data-model fixture's Sparse). Each case where
 * the fast path cannot write serde's text must be written by the next path, the input never
 * changes, and errors stay the reader's.
 */
import {
  createPoolMetadata,
  createPoolSpec,
  parsePoolSpec,
  parsePoolSpecJson,
  stringifyPoolMetadata,
  stringifyPoolSpec,
  type PoolSpec,
} from "@mvm/pool-model";
import { describe, expect, it } from "vitest";
import { parseSparse, stringifySparse } from "../golden/fixtures/data-model/expected/src/index.js";
import { createEverything, stringifyEverything } from "../golden/fixtures/everything/expected/src/index.js";

/** Freezes a value and everything in it (a write to a frozen object throws in strict mode). */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

const spec = (): PoolSpec =>
  createPoolSpec({
    pool_id: "p",
    tenant_id: "t",
    flake_ref: ".",
    profile: "minimal",
    instance_resources: { vcpus: 1, mem_mib: 512 },
    desired_counts: { running: 1, warm: 0, sleeping: 0 },
    metadata: { integration_types: [], tags: { tier: "gold", env: "prod" } },
  });

const SPEC_TEXT =
  '{"pool_id":"p","tenant_id":"t","flake_ref":".","profile":"minimal","role":"worker",' +
  '"instance_resources":{"vcpus":1,"mem_mib":512,"data_disk_mib":0},"desired_counts":{"running":1,"warm":0,"sleeping":0},' +
  '"runtime_policy":{"min_running_seconds":60,"min_warm_seconds":30,"drain_timeout_seconds":30,"graceful_shutdown_seconds":15},' +
  '"metadata":{"tags":{"env":"prod","tier":"gold"}},"seccomp_policy":"baseline","snapshot_compression":"none",' +
  '"metadata_enabled":false,"pinned":false,"critical":false,"secret_scopes":[],"template_id":""}';

/** Runs `f` while Object.prototype and Array.prototype carry `props`. */
function withPrototypes<T>(props: Record<string, unknown>, f: () => T): T {
  const targets = [Object.prototype, Array.prototype] as Record<string, unknown>[];
  try {
    for (const t of targets) Object.assign(t, props);
    return f();
  } finally {
    for (const t of targets) for (const k of Object.keys(props)) delete t[k];
  }
}

describe("the straight-line writer (PoolSpec)", () => {
  it("writes a value in checked form, and a value that is not (defaults left out, null nones, aliases) as its checked copy", () => {
    expect(stringifyPoolSpec(spec())).toBe(SPEC_TEXT);
    const sparse = { ...JSON.parse(SPEC_TEXT), role: undefined, metadata: { capability: null, tags: { tier: "gold", env: "prod" } } };
    expect(stringifyPoolSpec(sparse)).toBe(SPEC_TEXT);
    expect(stringifyPoolSpec(sparse, { pretty: true })).toBe(JSON.stringify(JSON.parse(SPEC_TEXT), null, 2));
  });

  it("refuses what the reader refuses, with the reader's issues", () => {
    // Typed as a PoolSpec, as a caller's value that went wrong would be.
    const bad = { ...spec(), instance_resources: { vcpus: 256, mem_mib: -1 }, role: "admin" } as unknown as PoolSpec;
    const issues = (f: () => unknown): unknown => {
      try {
        f();
      } catch (error) {
        return (error as { issues?: unknown }).issues;
      }
      return "no error";
    };
    const parsed = issues(() => parsePoolSpec(bad));
    expect(parsed).toHaveLength(3);
    expect(issues(() => stringifyPoolSpec(bad))).toEqual(parsed);
    expect(issues(() => stringifyPoolSpec(bad, { pretty: true }))).toEqual(parsed);
  });

  it("writes escapes, code units above 255 and long strings, and refuses a lone surrogate", () => {
    const long = `é${"y".repeat(20_000)}中`;
    const value = createPoolMetadata({ capability: 'a"\\\n\u2028', integration_types: [long, "\u{1F600}"], tags: { "k\u4e2d": "\u0001" } });
    const expected = JSON.stringify({ capability: value.capability, integration_types: value.integration_types, tags: value.tags });
    expect(stringifyPoolMetadata(value)).toBe(expected);
    expect(() => stringifyPoolMetadata(createPoolMetadata({ tags: { a: "\ud800" } }))).toThrow(/lone UTF-16 surrogate/);
  });

  it("writes every digit count of a u32 and u64, on both sides of each power of ten", () => {
    const values = [0, 4294967295, 9007199254740992];
    for (let p = 1; p <= 1e15; p *= 10) values.push(p - 1, p);
    for (const n of values) {
      const value = { ...spec(), runtime_policy: { ...spec().runtime_policy, min_running_seconds: n } };
      if (n <= 4294967295) value.instance_resources = { ...value.instance_resources, mem_mib: n };
      const text = stringifyPoolSpec(value);
      expect(text).toContain(`"min_running_seconds":${n},`);
      if (n <= 4294967295) expect(text).toContain(`"mem_mib":${n},`);
      expect(stringifyPoolSpec(value, { pretty: true })).toContain(`"min_running_seconds": ${n},`);
    }
  });

  it("writes every digit count of a u32 and u64 through the JsonWriter too (Everything holds a float)", () => {
    const required = { small: 1, medium: 2, large: 3, huge: 4, signed: -5, wide: -6, ratio: 0.5, flag: true };
    const values = [0, 4294967295, 9007199254740992];
    for (let p = 1; p <= 1e15; p *= 10) values.push(p - 1, p);
    for (const n of values) {
      const text = stringifyEverything(createEverything({ ...required, huge: n, ...(n <= 4294967295 && { large: n }) }));
      expect(text).toContain(`"huge":${n},`);
      if (n <= 4294967295) expect(text).toContain(`"large":${n},`);
    }
  });

  it("takes the checked path while the prototypes carry enumerable properties (readers would see them as fields)", () => {
    const text = withPrototypes({ pool_id: "polluted", tier: "x" }, () => stringifyPoolSpec(spec()));
    expect(text).toBe(SPEC_TEXT);
    // A field the value lacks is written as its default, never as the prototype's property of that name.
    const { critical: _, seccomp_policy: __, ...lacking } = spec();
    const written = withPrototypes({ critical: true, seccomp_policy: "unconfined" }, () => stringifyPoolSpec(lacking as PoolSpec));
    expect(written).toBe(SPEC_TEXT);
  });

  it("lets a getter of the value call stringifyT again", () => {
    const value: Record<string, unknown> = { ...spec() };
    let inner = "";
    Object.defineProperty(value, "profile", {
      enumerable: true,
      get: () => {
        inner = stringifyPoolMetadata(createPoolMetadata({ capability: "inner" }));
        return "minimal";
      },
    });
    expect(stringifyPoolSpec(value as unknown as PoolSpec)).toBe(SPEC_TEXT);
    expect(inner).toBe('{"capability":"inner"}');
  });

  it("never changes its input, which may be frozen", () => {
    const value = deepFreeze(spec());
    const before = structuredClone(value);
    for (const pretty of [false, true]) expect(parsePoolSpecJson(stringifyPoolSpec(value, { pretty }))).toStrictEqual(before);
    expect(value).toStrictEqual(before);
  });
});

describe("JSON.stringify (Sparse: omit rules, a default left out, a string map)", () => {
  const sparse = (tags: Record<string, string>, port = 8080) => parseSparse({ label: "l", tags, port, required_list: [1] });

  it("leaves out what serde leaves out, and writes maps in code-point order", () => {
    expect(stringifySparse(sparse({ b: "2", a: "1" }))).toBe('{"label":"l","tags":{"a":"1","b":"2"},"required_list":[1]}');
    expect(stringifySparse(sparse({}, 1))).toBe('{"label":"l","port":1,"required_list":[1]}');
  });

  it("puts integer-like keys in code-point order too (JavaScript lists them first: the JsonWriter writes those)", () => {
    const value = sparse({ x: "c", 9: "a", 10: "b" });
    expect(Object.keys(value.tags)).toEqual(["9", "10", "x"]);
    expect(stringifySparse(value)).toBe('{"label":"l","tags":{"10":"b","9":"a","x":"c"},"required_list":[1]}');
    expect(stringifySparse(value, { pretty: true })).toBe(
      '{\n  "label": "l",\n  "tags": {\n    "10": "b",\n    "9": "a",\n    "x": "c"\n  },\n  "required_list": [\n    1\n  ]\n}',
    );
  });

  it("writes a __proto__ key as an entry", () => {
    expect(stringifySparse(sparse(JSON.parse('{"z":"2","__proto__":"1"}') as Record<string, string>))).toBe(
      '{"label":"l","tags":{"__proto__":"1","z":"2"},"required_list":[1]}',
    );
  });

  it("writes a backslash before `ud`, and refuses a lone surrogate in a value or a key", () => {
    expect(stringifySparse(sparse({ dir: "C:\\udir\\ud800" }))).toBe('{"label":"l","tags":{"dir":"C:\\\\udir\\\\ud800"},"required_list":[1]}');
    expect(() => stringifySparse(sparse({ a: "\ud800" }))).toThrow(/lone UTF-16 surrogate/);
    expect(() => stringifySparse(sparse({ "\udc00": "a" }))).toThrow(/lone UTF-16 surrogate/);
  });

  it("calls no toJSON given to the prototypes of objects and arrays", () => {
    const value = sparse({ b: "2", a: "1" });
    const expected = stringifySparse(value);
    const pretty = stringifySparse(value, { pretty: true });
    const objectProto = Object.prototype as { toJSON?: unknown };
    const arrayProto = Array.prototype as { toJSON?: unknown };
    try {
      Object.defineProperty(objectProto, "toJSON", { value: () => "polluted", configurable: true, writable: true });
      Object.defineProperty(arrayProto, "toJSON", { value: () => "polluted", configurable: true, writable: true });
      expect(stringifySparse(value)).toBe(expected);
      expect(stringifySparse(value, { pretty: true })).toBe(pretty);
    } finally {
      delete objectProto.toJSON;
      delete arrayProto.toJSON;
    }
  });

  it("never changes its input, which may be frozen", () => {
    const value = deepFreeze(sparse({ b: "2", a: "1" }, 8080));
    const before = structuredClone(value);
    expect(stringifySparse(value)).toBe('{"label":"l","tags":{"a":"1","b":"2"},"required_list":[1]}');
    expect(value).toStrictEqual(before);
  });
});
