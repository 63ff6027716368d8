// PoolSpec as a zod 4 schema, written as a zod user would write it from idl/pool.yaml:
// z.object strips undeclared fields (a fresh object), defaults are functions so every parse
// gets fresh default objects, integers checked by width.
// Differences from parsePoolSpec that the benchmark inputs do not reach: zod's integers stop
// at 2^53-1 (parsePoolSpec allows 2^53 for u64), `capability: null` stays null (parsePoolSpec
// reads it as undefined) and an absent capability stays absent (parsePoolSpec sets the key to
// undefined), no serde sequence/map forms.
import { z } from "zod";

const u8 = z.int().min(0).max(255);
const u32 = z.int().min(0).max(4294967295);
const u64 = z.int().min(0);

export const Role = z.enum(["gateway", "worker", "builder", "capability-imessage"]);

export const PoolMetadata = z.object({
  capability: z.string().nullish(),
  integration_types: z.array(z.string()).default(() => []),
  tags: z.record(z.string(), z.string()).default(() => ({})),
});

export const RuntimePolicy = z.object({
  min_running_seconds: u64.default(60),
  min_warm_seconds: u64.default(30),
  drain_timeout_seconds: u64.default(30),
  graceful_shutdown_seconds: u64.default(15),
});

export const SecretScope = z.object({
  integration: z.string(),
  keys: z.array(z.string()),
});

export const InstanceResources = z.object({
  vcpus: u8,
  mem_mib: u32,
  data_disk_mib: u32.default(0),
});

export const DesiredCounts = z.object({
  running: u32,
  warm: u32,
  sleeping: u32,
});

export const PoolSpec = z.object({
  pool_id: z.string(),
  tenant_id: z.string(),
  flake_ref: z.string(),
  profile: z.string(),
  role: Role.default("worker"),
  instance_resources: InstanceResources,
  desired_counts: DesiredCounts,
  runtime_policy: RuntimePolicy.default(() => ({
    min_running_seconds: 60,
    min_warm_seconds: 30,
    drain_timeout_seconds: 30,
    graceful_shutdown_seconds: 15,
  })),
  metadata: PoolMetadata.default(() => ({ integration_types: [], tags: {} })),
  seccomp_policy: z.string().default("baseline"),
  snapshot_compression: z.string().default("none"),
  metadata_enabled: z.boolean().default(false),
  pinned: z.boolean().default(false),
  critical: z.boolean().default(false),
  secret_scopes: z.array(SecretScope).default(() => []),
  template_id: z.string().default(""),
});
