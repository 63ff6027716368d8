// @generated from idl/ (all modules). DO NOT EDIT.

/** Whether Object.prototype has a property by a name this package's readers read from objects (prototype pollution): readers then read an own copy of the input. */
export function inheritsFieldName(): boolean {
  const p = Object.prototype;
  return (
    "artifact_paths" in p ||
    "built_at" in p ||
    "capability" in p ||
    "critical" in p ||
    "data_disk_mib" in p ||
    "desired_counts" in p ||
    "drain_timeout_seconds" in p ||
    "fc_base_config" in p ||
    "flake_lock_hash" in p ||
    "flake_ref" in p ||
    "graceful_shutdown_seconds" in p ||
    "instance_resources" in p ||
    "integration" in p ||
    "integration_types" in p ||
    "keys" in p ||
    "mem_mib" in p ||
    "metadata" in p ||
    "metadata_enabled" in p ||
    "min_running_seconds" in p ||
    "min_warm_seconds" in p ||
    "pinned" in p ||
    "pool_id" in p ||
    "profile" in p ||
    "revision_hash" in p ||
    "role" in p ||
    "rootfs" in p ||
    "running" in p ||
    "runtime_policy" in p ||
    "seccomp_policy" in p ||
    "secret_scopes" in p ||
    "sleeping" in p ||
    "snapshot_compression" in p ||
    "tags" in p ||
    "template_id" in p ||
    "tenant_id" in p ||
    "vcpus" in p ||
    "vmlinux" in p ||
    "warm" in p
  );
}
