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
