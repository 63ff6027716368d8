// Inputs of the validator benchmarks, as pool.json text. full and minimal are the serde
// conformance vectors PoolSpec.valid.full and PoolSpec.valid.minimal
// (test/conformance/serde-vectors.json); invalid is a realistic bad pool.json: the full one
// with vcpus 300 (u8 overflow) and the required `profile` left out.

export const FULL_TEXT = JSON.stringify(
  {
    pool_id: "gateways",
    tenant_id: "acme",
    flake_ref: "github:org/repo#gateway",
    profile: "python",
    role: "gateway",
    instance_resources: { vcpus: 2, mem_mib: 1024, data_disk_mib: 2048 },
    desired_counts: { running: 3, warm: 1, sleeping: 2 },
    runtime_policy: { min_running_seconds: 120, min_warm_seconds: 45, drain_timeout_seconds: 10, graceful_shutdown_seconds: 5 },
    metadata: { capability: "openclaw", integration_types: ["telegram", "discord"], tags: { tier: "gold", env: "prod" } },
    seccomp_policy: "strict",
    snapshot_compression: "zstd",
    metadata_enabled: true,
    pinned: true,
    critical: true,
    secret_scopes: [
      { integration: "whatsapp", keys: ["WHATSAPP_API_KEY", "WHATSAPP_SECRET"] },
      { integration: "telegram", keys: ["TELEGRAM_BOT_TOKEN"] },
    ],
    template_id: "tmpl-base-1",
  },
  null,
  2,
);

export const MINIMAL_TEXT = JSON.stringify(
  {
    pool_id: "workers",
    tenant_id: "acme",
    flake_ref: ".",
    profile: "minimal",
    instance_resources: { vcpus: 1, mem_mib: 512 },
    desired_counts: { running: 1, warm: 0, sleeping: 0 },
  },
  null,
  2,
);

const invalid = JSON.parse(FULL_TEXT);
delete invalid.profile;
invalid.instance_resources.vcpus = 300;
export const INVALID_TEXT = JSON.stringify(invalid, null, 2);

export const INPUTS = { full: FULL_TEXT, minimal: MINIMAL_TEXT, invalid: INVALID_TEXT };
