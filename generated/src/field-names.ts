// @generated from idl/ (all modules). DO NOT EDIT.

/** Whether Object.prototype holds a value (or a getter) by a name this package's readers read from objects (prototype pollution): readers then read an own copy of the input. */
export function inheritsFieldName(): boolean {
  const p = Object.prototype as Record<string, unknown>;
  return (
    p["artifact_paths"] !== undefined ||
    p["built_at"] !== undefined ||
    p["capability"] !== undefined ||
    p["critical"] !== undefined ||
    p["data_disk_mib"] !== undefined ||
    p["desired_counts"] !== undefined ||
    p["drain_timeout_seconds"] !== undefined ||
    p["fc_base_config"] !== undefined ||
    p["flake_lock_hash"] !== undefined ||
    p["flake_ref"] !== undefined ||
    p["graceful_shutdown_seconds"] !== undefined ||
    p["instance_resources"] !== undefined ||
    p["integration"] !== undefined ||
    p["integration_types"] !== undefined ||
    p["keys"] !== undefined ||
    p["mem_mib"] !== undefined ||
    p["metadata"] !== undefined ||
    p["metadata_enabled"] !== undefined ||
    p["min_running_seconds"] !== undefined ||
    p["min_warm_seconds"] !== undefined ||
    p["pinned"] !== undefined ||
    p["pool_id"] !== undefined ||
    p["profile"] !== undefined ||
    p["revision_hash"] !== undefined ||
    p["role"] !== undefined ||
    p["rootfs"] !== undefined ||
    p["running"] !== undefined ||
    p["runtime_policy"] !== undefined ||
    p["seccomp_policy"] !== undefined ||
    p["secret_scopes"] !== undefined ||
    p["sleeping"] !== undefined ||
    p["snapshot_compression"] !== undefined ||
    p["tags"] !== undefined ||
    p["template_id"] !== undefined ||
    p["tenant_id"] !== undefined ||
    p["vcpus"] !== undefined ||
    p["vmlinux"] !== undefined ||
    p["warm"] !== undefined
  );
}
