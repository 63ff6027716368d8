/**
 * The smallest pool.json: only the PoolSpec fields that have no default (the serde conformance
 * vector PoolSpec.valid.minimal). A fresh object on every call, so a test may change its copy.
 */
export function minimalPoolSpec() {
  return {
    pool_id: "workers",
    tenant_id: "acme",
    flake_ref: ".",
    profile: "minimal",
    instance_resources: { vcpus: 1, mem_mib: 512 },
    desired_counts: { running: 1, warm: 0, sleeping: 0 },
  };
}

/**
 * The smallest pool.json as the readers return it: every default filled, as serde's
 * `#[serde(default)]` attributes in pool.rs give them. A fresh object on every call.
 */
export function minimalPoolSpecWithDefaults() {
  return {
    pool_id: "workers",
    tenant_id: "acme",
    flake_ref: ".",
    profile: "minimal",
    role: "worker",
    instance_resources: { vcpus: 1, mem_mib: 512, data_disk_mib: 0 },
    desired_counts: { running: 1, warm: 0, sleeping: 0 },
    runtime_policy: { min_running_seconds: 60, min_warm_seconds: 30, drain_timeout_seconds: 30, graceful_shutdown_seconds: 15 },
    metadata: { capability: undefined, integration_types: [], tags: {} },
    seccomp_policy: "baseline",
    snapshot_compression: "none",
    metadata_enabled: false,
    pinned: false,
    critical: false,
    secret_scopes: [],
    template_id: "",
  };
}
