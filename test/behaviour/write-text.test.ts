/**
 * The straight-line writer's text (PoolMetadata's, textPoolMetadata, whose fields an omit rule may
 * leave out): text of any length, code units above 255 in keys and values, escapes after them,
 * integer-like keys in code-point order, compact and pretty, one call after another. And the
 * templated writers (PoolSpec's, BuildRevision's: every field written, the structs they hold
 * written within their text, booleans part of the pieces): the same text at every depth.
 * write-engine.test.ts has the other paths.
 */
import {
  createBuildRevision,
  createPoolMetadata,
  createPoolSpec,
  parsePoolMetadataJson,
  parsePoolSpecJson,
  stringifyBuildRevision,
  stringifyInstanceResources,
  stringifyPoolMetadata,
  stringifyPoolSpec,
  stringifySecretScope,
} from "@mvm/pool-model";
import { describe, expect, it } from "vitest";

const q = (s: string): string => JSON.stringify(s);

describe("the straight-line writer's text", () => {
  it("writes keys and values beyond Latin-1, long ones and escaped ones, as serde_json does", () => {
    const long = `é${"y".repeat(20_000)}中`;
    const tags = { x: long, "\u{1F600}": "a\nb", "\uE000": "\u00ff\u0100", 'k\u4e2d"': "\\", 0: "zero" };
    const value = createPoolMetadata({ integration_types: ["a", "\u{1F600}\u0001", long], tags });
    // Code-point order: "0" < "k中\"" < "x" < U+E000 < U+1F600.
    const keys = ["0", 'k\u4e2d"', "x", "\uE000", "\u{1F600}"];
    const compact =
      `{"integration_types":[${q("a")},${q("\u{1F600}\u0001")},${q(long)}],` +
      `"tags":{${keys.map((k) => `${q(k)}:${q(tags[k as keyof typeof tags])}`).join(",")}}}`;
    expect(stringifyPoolMetadata(value)).toBe(compact);
    expect(stringifyPoolMetadata(value, { pretty: true })).toBe(JSON.stringify(JSON.parse(compact), null, 2));
    expect(parsePoolMetadataJson(stringifyPoolMetadata(value, { pretty: true }))).toStrictEqual(value);
  });

  it("writes each call's text, compact or pretty, one after another and after a refused value", () => {
    const a = createPoolMetadata({ tags: { a: "1", 2: "b" } });
    expect(() => stringifyPoolMetadata(createPoolMetadata({ tags: { a: "\ud800", 2: "b" } }))).toThrow();
    expect(stringifyPoolMetadata(a)).toBe('{"tags":{"2":"b","a":"1"}}');
    expect(stringifyPoolMetadata(a, { pretty: true })).toBe('{\n  "tags": {\n    "2": "b",\n    "a": "1"\n  }\n}');
    // Whichever field is written first opens the object; none written is {}.
    expect(stringifyPoolMetadata(createPoolMetadata({ capability: "c" }))).toBe('{"capability":"c"}');
    expect(stringifyPoolMetadata(createPoolMetadata({ capability: "c", tags: { t: "" } }), { pretty: true })).toBe(
      '{\n  "capability": "c",\n  "tags": {\n    "t": ""\n  }\n}',
    );
    expect(stringifyPoolMetadata(createPoolMetadata({}), { pretty: true })).toBe("{}");
  });

  it("writes a templated struct, the structs within it and each boolean both ways, compact and pretty, at every depth", () => {
    for (const flag of [false, true]) {
      const spec = createPoolSpec({
        pool_id: 'p"\\\n\u0001é',
        tenant_id: "t",
        flake_ref: "f{,}:[]",
        profile: "\u{1F600}",
        instance_resources: { vcpus: 2, mem_mib: 4294967295 },
        desired_counts: { running: 0, warm: 1, sleeping: 2 },
        metadata: flag ? { capability: "c", integration_types: ["x"], tags: { a: "1", b: "2" } } : {},
        metadata_enabled: flag,
        pinned: !flag,
        critical: flag,
        secret_scopes: flag
          ? [
              { integration: "i", keys: [] },
              { integration: "j", keys: ["k", "l"] },
            ]
          : [],
      });
      const compact = stringifyPoolSpec(spec);
      // serde_json's text is the engine's here (fields in declaration order, tags in order, an empty metadata {}).
      expect(compact).toBe(JSON.stringify(flag ? spec : { ...spec, metadata: {} }));
      expect(compact).toContain(`"metadata_enabled":${flag},"pinned":${!flag},"critical":${flag}`);
      expect(stringifyPoolSpec(spec, { pretty: true })).toBe(JSON.stringify(JSON.parse(compact), null, 2));
      expect(parsePoolSpecJson(stringifyPoolSpec(spec, { pretty: true }))).toStrictEqual(spec);
      for (const scope of spec.secret_scopes) {
        expect(stringifySecretScope(scope, { pretty: true })).toBe(JSON.stringify(scope, null, 2));
      }
      expect(stringifyInstanceResources(spec.instance_resources, { pretty: true })).toBe(
        JSON.stringify(spec.instance_resources, null, 2),
      );
    }
    const revision = createBuildRevision({
      revision_hash: "h",
      flake_ref: "f",
      flake_lock_hash: "l",
      artifact_paths: { vmlinux: "v", rootfs: "r\t", fc_base_config: "c" },
      built_at: "b",
    });
    expect(stringifyBuildRevision(revision)).toBe(JSON.stringify(revision));
    expect(stringifyBuildRevision(revision, { pretty: true })).toBe(JSON.stringify(revision, null, 2));
  });
});
