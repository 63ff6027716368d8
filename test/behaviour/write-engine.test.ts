/**
 * stringifyT through the engine's JSON.stringify (generator/src/targets/ts/wire.ts): each case
 * where JSON.stringify's text of the checked value would not be serde's is written by the
 * JsonWriter instead, and the input is never changed.
 */
import {
  createPoolMetadata,
  createPoolSpec,
  parsePoolSpecJson,
  stringifyPoolMetadata,
  stringifyPoolSpec,
  type PoolSpec,
} from "@mvm/pool-model";
import { describe, expect, it } from "vitest";

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

describe("stringify through JSON.stringify", () => {
  it("puts map keys in code-point order, integer-like ones too (JavaScript lists those first)", () => {
    const value = createPoolMetadata({ tags: { x: "c", 9: "a", 10: "b" } });
    expect(Object.keys(value.tags)).toEqual(["9", "10", "x"]);
    expect(stringifyPoolMetadata(value)).toBe('{"tags":{"10":"b","9":"a","x":"c"}}');
    expect(stringifyPoolMetadata(value, { pretty: true })).toBe('{\n  "tags": {\n    "10": "b",\n    "9": "a",\n    "x": "c"\n  }\n}');
  });

  it("writes a __proto__ key as an entry", () => {
    const value = createPoolMetadata({ tags: JSON.parse('{"z":"2","__proto__":"1"}') as Record<string, string> });
    expect(stringifyPoolMetadata(value)).toBe('{"tags":{"__proto__":"1","z":"2"}}');
  });

  it("writes a backslash before `ud` and refuses a lone surrogate", () => {
    expect(stringifyPoolMetadata(createPoolMetadata({ tags: { dir: "C:\\udir\\ud800" } }))).toBe('{"tags":{"dir":"C:\\\\udir\\\\ud800"}}');
    expect(() => stringifyPoolMetadata(createPoolMetadata({ tags: { a: "\ud800" } }))).toThrow(/lone UTF-16 surrogate/);
    expect(() => stringifyPoolMetadata(createPoolMetadata({ tags: { "\udc00": "a" } }))).toThrow(/lone UTF-16 surrogate/);
  });

  it("leaves out empty lists and maps, and a none, as serde's skip_serializing_if", () => {
    expect(stringifyPoolMetadata(createPoolMetadata({}))).toBe("{}");
    expect(stringifyPoolMetadata(createPoolMetadata({ capability: "c", integration_types: ["a"] }))).toBe(
      '{"capability":"c","integration_types":["a"]}',
    );
  });

  it("calls no toJSON given to the prototypes of objects and arrays", () => {
    const expected = stringifyPoolSpec(spec());
    const expectedPretty = JSON.stringify(JSON.parse(expected), null, 2);
    const objectProto = Object.prototype as { toJSON?: unknown };
    const arrayProto = Array.prototype as { toJSON?: unknown };
    try {
      objectProto.toJSON = () => "polluted";
      arrayProto.toJSON = () => "polluted";
      expect(stringifyPoolSpec(spec())).toBe(expected);
      expect(stringifyPoolSpec(spec(), { pretty: true })).toBe(expectedPretty);
    } finally {
      delete objectProto.toJSON;
      delete arrayProto.toJSON;
    }
    expect(expected).toBe(
      '{"pool_id":"p","tenant_id":"t","flake_ref":".","profile":"minimal","role":"worker",' +
        '"instance_resources":{"vcpus":1,"mem_mib":512,"data_disk_mib":0},"desired_counts":{"running":1,"warm":0,"sleeping":0},' +
        '"runtime_policy":{"min_running_seconds":60,"min_warm_seconds":30,"drain_timeout_seconds":30,"graceful_shutdown_seconds":15},' +
        '"metadata":{"tags":{"env":"prod","tier":"gold"}},"seccomp_policy":"baseline","snapshot_compression":"none",' +
        '"metadata_enabled":false,"pinned":false,"critical":false,"secret_scopes":[],"template_id":""}',
    );
  });

  it("never changes its input, which may be frozen", () => {
    const value = deepFreeze(spec());
    const before = structuredClone(value);
    for (const pretty of [false, true]) {
      const text = stringifyPoolSpec(value, { pretty });
      expect(parsePoolSpecJson(text)).toStrictEqual(before);
    }
    expect(value).toStrictEqual(before);
  });
});
