/** Behaviour of the generated writers: serde_json's exact text, omit rules, code-point key order, checks before writing. */
import {
  ValidationError,
  createPoolMetadata,
  createPoolSpec,
  createRuntimePolicy,
  defaultPoolMetadata,
  displayRole,
  parsePoolSpecJson,
  serializePoolMetadata,
  serializePoolSpec,
  stringifyArtifactPaths,
  stringifyPoolMetadata,
  stringifyPoolSpec,
  stringifyRole,
  type PoolSpecInput,
  type Role,
} from "@mvm/pool-model";
import { describe, expect, it } from "vitest";
import { minimalPoolSpec } from "../support/pool-specs.js";

const input: PoolSpecInput = minimalPoolSpec();

describe("stringify", () => {
  it("writes compact text in declaration order with defaults filled", () => {
    expect(stringifyPoolSpec(createPoolSpec(input))).toBe(
      '{"pool_id":"workers","tenant_id":"acme","flake_ref":".","profile":"minimal","role":"worker",' +
        '"instance_resources":{"vcpus":1,"mem_mib":512,"data_disk_mib":0},"desired_counts":{"running":1,"warm":0,"sleeping":0},' +
        '"runtime_policy":{"min_running_seconds":60,"min_warm_seconds":30,"drain_timeout_seconds":30,"graceful_shutdown_seconds":15},' +
        '"metadata":{},"seccomp_policy":"baseline","snapshot_compression":"none","metadata_enabled":false,"pinned":false,' +
        '"critical":false,"secret_scopes":[],"template_id":""}',
    );
  });

  it("writes pretty text as serde_json::to_string_pretty (two spaces, empty collections inline)", () => {
    const spec = createPoolSpec({ ...input, metadata: { tags: { b: "2", a: "1" } }, secret_scopes: [{ integration: "t", keys: [] }] });
    expect(stringifyPoolSpec(spec, { pretty: true })).toBe(
      [
        "{",
        '  "pool_id": "workers",',
        '  "tenant_id": "acme",',
        '  "flake_ref": ".",',
        '  "profile": "minimal",',
        '  "role": "worker",',
        '  "instance_resources": {',
        '    "vcpus": 1,',
        '    "mem_mib": 512,',
        '    "data_disk_mib": 0',
        "  },",
        '  "desired_counts": {',
        '    "running": 1,',
        '    "warm": 0,',
        '    "sleeping": 0',
        "  },",
        '  "runtime_policy": {',
        '    "min_running_seconds": 60,',
        '    "min_warm_seconds": 30,',
        '    "drain_timeout_seconds": 30,',
        '    "graceful_shutdown_seconds": 15',
        "  },",
        '  "metadata": {',
        '    "tags": {',
        '      "a": "1",',
        '      "b": "2"',
        "    }",
        "  },",
        '  "seccomp_policy": "baseline",',
        '  "snapshot_compression": "none",',
        '  "metadata_enabled": false,',
        '  "pinned": false,',
        '  "critical": false,',
        '  "secret_scopes": [',
        "    {",
        '      "integration": "t",',
        '      "keys": []',
        "    }",
        "  ],",
        '  "template_id": ""',
        "}",
      ].join("\n"),
    );
  });

  it("leaves out what the omit rules leave out, and writes the rest", () => {
    expect(stringifyPoolMetadata(defaultPoolMetadata())).toBe("{}");
    expect(stringifyPoolMetadata(defaultPoolMetadata(), { pretty: true })).toBe("{}");
    expect(stringifyPoolMetadata(createPoolMetadata({ capability: "c", integration_types: [], tags: {} }))).toBe('{"capability":"c"}');
    expect(stringifyPoolMetadata(createPoolMetadata({ integration_types: ["a"] }))).toBe('{"integration_types":["a"]}');
  });

  it("sorts map keys by Unicode code point, as BTreeMap<String, _> does", () => {
    // UTF-16 order would put U+1F600 (a surrogate pair) before U+FF5E; code-point order puts it after.
    const tags = { "\u{1F600}": "emoji", "\uFF5E": "fullwidth tilde", "10": "ten", "9": "nine", B: "B", a: "a", "": "empty" };
    expect(stringifyPoolMetadata(createPoolMetadata({ tags }))).toBe(
      '{"tags":{"":"empty","10":"ten","9":"nine","B":"B","a":"a","～":"fullwidth tilde","😀":"emoji"}}',
    );
  });

  it("escapes strings as serde_json does", () => {
    const text = stringifyArtifactPaths({ vmlinux: 'q"\\\n\t\u0001\u007f\u2028é🚀/', rootfs: "", fc_base_config: "\u0000" });
    expect(text).toBe('{"vmlinux":"q\\"\\\\\\n\\t\\u0001\u007f\u2028é🚀/","rootfs":"","fc_base_config":"\\u0000"}');
  });

  it("checks the value first and refuses what Rust could not read back", () => {
    const spec = createPoolSpec(input);
    spec.instance_resources.vcpus = 300;
    expect(() => stringifyPoolSpec(spec)).toThrow(ValidationError);
    const lone = createPoolSpec({ ...input, profile: "\uD800" });
    try {
      stringifyPoolSpec(lone);
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues).toEqual([expect.objectContaining({ path: "/profile", code: "invalid-string" })]);
    }
    expect(() => stringifyRole("root" as Role)).toThrow(ValidationError);
  });

  it("round-trips through the text reader", () => {
    const spec = createPoolSpec({ ...input, metadata: { capability: "c", tags: { x: "y" } } });
    expect(parsePoolSpecJson(stringifyPoolSpec(spec, { pretty: true }))).toStrictEqual(spec);
  });
});

describe("serialize", () => {
  it("gives the wire form as plain data: omit rules applied, declaration order", () => {
    const wire = serializePoolSpec(createPoolSpec(input)) as Record<string, unknown>;
    expect(Object.keys(wire)).toEqual([
      "pool_id",
      "tenant_id",
      "flake_ref",
      "profile",
      "role",
      "instance_resources",
      "desired_counts",
      "runtime_policy",
      "metadata",
      "seccomp_policy",
      "snapshot_compression",
      "metadata_enabled",
      "pinned",
      "critical",
      "secret_scopes",
      "template_id",
    ]);
    expect(wire["metadata"]).toEqual({});
    expect(JSON.stringify(wire)).toBe(stringifyPoolSpec(createPoolSpec(input)));
    expect(serializePoolMetadata(createPoolMetadata({ capability: "c" }))).toEqual({ capability: "c" });
  });
});

describe("create and default", () => {
  it("fills defaults for typed input and checks it", () => {
    expect(createRuntimePolicy({ min_warm_seconds: 5 })).toEqual({
      min_running_seconds: 60,
      min_warm_seconds: 5,
      drain_timeout_seconds: 30,
      graceful_shutdown_seconds: 15,
    });
    expect(createRuntimePolicy()).toEqual(createRuntimePolicy({}));
    expect(() => createRuntimePolicy({ min_warm_seconds: -1 })).toThrow(ValidationError);
  });
});

describe("display", () => {
  it("gives the Display string and refuses a value that is not a Role", () => {
    expect(displayRole("capability-imessage")).toBe("capability-imessage");
    expect(() => displayRole("Gateway" as Role)).toThrow(ValidationError);
  });
});
