/**
 * The tests of the seed, ../shared/seed/pool.rs, restated against the generated package: one
 * `it` per Rust `#[test]`, with the same values and assertions.
 */
import {
  Role,
  createPoolSpec,
  defaultRole,
  defaultRuntimePolicy,
  displayRole,
  parsePoolSpec,
  parsePoolSpecJson,
  parseRole,
  parseRoleJson,
  parseSecretScope,
  poolConfigDataDir,
  poolDir,
  stringifyPoolSpec,
  stringifyRole,
  stringifySecretScope,
  type SecretScope,
} from "@mvm/pool-model";
import { describe, expect, it } from "vitest";

describe("pool.rs tests", () => {
  it("test_pool_dir_path", () => {
    expect(poolDir("acme", "workers")).toBe("/var/lib/mvm/tenants/acme/pools/workers");
  });

  it("test_pool_config_roundtrip", () => {
    const spec = createPoolSpec({
      pool_id: "workers",
      tenant_id: "acme",
      flake_ref: "github:org/repo",
      profile: "minimal",
      role: Role.Worker,
      instance_resources: { vcpus: 2, mem_mib: 1024, data_disk_mib: 2048 },
      desired_counts: { running: 3, warm: 1, sleeping: 2 },
      runtime_policy: defaultRuntimePolicy(),
      metadata: {},
      seccomp_policy: "baseline",
      snapshot_compression: "zstd",
      metadata_enabled: false,
      pinned: false,
      critical: false,
      secret_scopes: [],
      template_id: "",
    });
    const json = stringifyPoolSpec(spec);
    const parsed = parsePoolSpecJson(json);
    expect(parsed.pool_id).toBe("workers");
    expect(parsed.instance_resources.vcpus).toBe(2);
    expect(parsed.desired_counts.running).toBe(3);
    expect(parsed.role).toBe(Role.Worker);
  });

  it("test_role_serde_roundtrip", () => {
    const table: [Role, string][] = [
      [Role.Gateway, '"gateway"'],
      [Role.Worker, '"worker"'],
      [Role.Builder, '"builder"'],
      [Role.CapabilityImessage, '"capability-imessage"'],
    ];
    for (const [role, expected] of table) {
      const json = stringifyRole(role);
      expect(json).toBe(expected);
      expect(parseRoleJson(json)).toBe(role);
      expect(parseRole(JSON.parse(json))).toBe(role);
    }
  });

  it("test_role_display", () => {
    expect(displayRole(Role.Gateway)).toBe("gateway");
    expect(displayRole(Role.Worker)).toBe("worker");
    expect(displayRole(Role.Builder)).toBe("builder");
    expect(displayRole(Role.CapabilityImessage)).toBe("capability-imessage");
  });

  it("test_role_default_is_worker", () => {
    expect(defaultRole()).toBe(Role.Worker);
  });

  it("test_runtime_policy_defaults", () => {
    const p = defaultRuntimePolicy();
    expect(p.min_running_seconds).toBe(60);
    expect(p.min_warm_seconds).toBe(30);
    expect(p.drain_timeout_seconds).toBe(30);
    expect(p.graceful_shutdown_seconds).toBe(15);
  });

  const backwardCompatJson = `{
            "pool_id": "workers",
            "tenant_id": "acme",
            "flake_ref": ".",
            "profile": "minimal",
            "instance_resources": {"vcpus": 1, "mem_mib": 512},
            "desired_counts": {"running": 1, "warm": 0, "sleeping": 0}
        }`;

  it("test_pool_spec_backward_compat", () => {
    // JSON without role/runtime_policy should deserialize with defaults
    for (const parsed of [parsePoolSpecJson(backwardCompatJson), parsePoolSpec(JSON.parse(backwardCompatJson))]) {
      expect(parsed.role).toBe(Role.Worker);
      expect(parsed.runtime_policy.min_running_seconds).toBe(60);
    }
  });

  it("test_pool_config_data_dir", () => {
    expect(poolConfigDataDir("acme", "gateways")).toBe("/var/lib/mvm/tenants/acme/pools/gateways/config");
  });

  it("test_secret_scope_serde_roundtrip", () => {
    const scopes: SecretScope[] = [
      { integration: "whatsapp", keys: ["WHATSAPP_API_KEY", "WHATSAPP_SECRET"] },
      { integration: "telegram", keys: ["TELEGRAM_BOT_TOKEN"] },
    ];
    // serde_json::to_string(&Vec<SecretScope>): the elements as the element type writes them.
    const json = `[${scopes.map((s) => stringifySecretScope(s)).join(",")}]`;
    const parsed = (JSON.parse(json) as unknown[]).map((s) => parseSecretScope(s));
    expect(parsed.length).toBe(2);
    expect(parsed[0]!.integration).toBe("whatsapp");
    expect(parsed[0]!.keys.length).toBe(2);
    expect(parsed[1]!.integration).toBe("telegram");
  });

  it("test_pool_spec_backward_compat_secret_scopes", () => {
    // JSON without secret_scopes should parse fine (defaults to empty vec)
    const parsed = parsePoolSpecJson(backwardCompatJson);
    expect(parsed.secret_scopes).toEqual([]);
  });
});
