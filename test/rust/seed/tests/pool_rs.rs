//! The ten tests of pool.rs's `#[cfg(test)]` module (../shared/seed/pool.rs), restated
//! against the generated crate: the module's text as it is upstream, with the generated
//! `mvm_pool_model::pool` in place of `super`.

use mvm_pool_model::pool::*;

#[test]
fn test_pool_dir_path() {
    assert_eq!(
        pool_dir("acme", "workers"),
        "/var/lib/mvm/tenants/acme/pools/workers"
    );
}

#[test]
fn test_pool_config_roundtrip() {
    let spec = PoolSpec {
        pool_id: "workers".to_string(),
        tenant_id: "acme".to_string(),
        flake_ref: "github:org/repo".to_string(),
        profile: "minimal".to_string(),
        role: Role::Worker,
        instance_resources: InstanceResources {
            vcpus: 2,
            mem_mib: 1024,
            data_disk_mib: 2048,
        },
        desired_counts: DesiredCounts {
            running: 3,
            warm: 1,
            sleeping: 2,
        },
        runtime_policy: RuntimePolicy::default(),
        metadata: PoolMetadata::default(),
        seccomp_policy: "baseline".to_string(),
        snapshot_compression: "zstd".to_string(),
        metadata_enabled: false,
        pinned: false,
        critical: false,
        secret_scopes: vec![],
        template_id: String::new(),
    };

    let json = serde_json::to_string(&spec).unwrap();
    let parsed: PoolSpec = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed.pool_id, "workers");
    assert_eq!(parsed.instance_resources.vcpus, 2);
    assert_eq!(parsed.desired_counts.running, 3);
    assert_eq!(parsed.role, Role::Worker);
}

#[test]
fn test_role_serde_roundtrip() {
    for (role, expected) in [
        (Role::Gateway, "\"gateway\""),
        (Role::Worker, "\"worker\""),
        (Role::Builder, "\"builder\""),
        (Role::CapabilityImessage, "\"capability-imessage\""),
    ] {
        let json = serde_json::to_string(&role).unwrap();
        assert_eq!(json, expected);
        let parsed: Role = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed, role);
    }
}

#[test]
fn test_role_display() {
    assert_eq!(Role::Gateway.to_string(), "gateway");
    assert_eq!(Role::Worker.to_string(), "worker");
    assert_eq!(Role::Builder.to_string(), "builder");
    assert_eq!(Role::CapabilityImessage.to_string(), "capability-imessage");
}

#[test]
fn test_role_default_is_worker() {
    assert_eq!(Role::default(), Role::Worker);
}

#[test]
fn test_runtime_policy_defaults() {
    let p = RuntimePolicy::default();
    assert_eq!(p.min_running_seconds, 60);
    assert_eq!(p.min_warm_seconds, 30);
    assert_eq!(p.drain_timeout_seconds, 30);
    assert_eq!(p.graceful_shutdown_seconds, 15);
}

#[test]
fn test_pool_spec_backward_compat() {
    // JSON without role/runtime_policy should deserialize with defaults
    let json = r#"{
        "pool_id": "workers",
        "tenant_id": "acme",
        "flake_ref": ".",
        "profile": "minimal",
        "instance_resources": {"vcpus": 1, "mem_mib": 512},
        "desired_counts": {"running": 1, "warm": 0, "sleeping": 0}
    }"#;
    let parsed: PoolSpec = serde_json::from_str(json).unwrap();
    assert_eq!(parsed.role, Role::Worker);
    assert_eq!(parsed.runtime_policy.min_running_seconds, 60);
}

#[test]
fn test_pool_config_data_dir() {
    assert_eq!(
        pool_config_data_dir("acme", "gateways"),
        "/var/lib/mvm/tenants/acme/pools/gateways/config"
    );
}

#[test]
fn test_secret_scope_serde_roundtrip() {
    let scopes = vec![
        SecretScope {
            integration: "whatsapp".to_string(),
            keys: vec![
                "WHATSAPP_API_KEY".to_string(),
                "WHATSAPP_SECRET".to_string(),
            ],
        },
        SecretScope {
            integration: "telegram".to_string(),
            keys: vec!["TELEGRAM_BOT_TOKEN".to_string()],
        },
    ];

    let json = serde_json::to_string(&scopes).unwrap();
    let parsed: Vec<SecretScope> = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed.len(), 2);
    assert_eq!(parsed[0].integration, "whatsapp");
    assert_eq!(parsed[0].keys.len(), 2);
    assert_eq!(parsed[1].integration, "telegram");
}

#[test]
fn test_pool_spec_backward_compat_secret_scopes() {
    // JSON without secret_scopes should parse fine (defaults to empty vec)
    let json = r#"{
        "pool_id": "workers",
        "tenant_id": "acme",
        "flake_ref": ".",
        "profile": "minimal",
        "instance_resources": {"vcpus": 1, "mem_mib": 512},
        "desired_counts": {"running": 1, "warm": 0, "sleeping": 0}
    }"#;
    let parsed: PoolSpec = serde_json::from_str(json).unwrap();
    assert!(parsed.secret_scopes.is_empty());
}
