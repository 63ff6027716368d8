// @generated from idl/pool.yaml. DO NOT EDIT.

import {
  BOOLEAN,
  type Create,
  type CreateOptional,
  type Parse,
  type PathOptions,
  type Report,
  STRING,
  type StandardSchema,
  U32,
  U64,
  U8,
  type WithDefaults,
  bad,
  badItem,
  check,
  creator,
  creatorWithDefault,
  guard,
  isPlain,
  isPlainMap,
  jsonParser,
  list,
  map,
  orNull,
  pathRoot,
  pathSegment,
  pollutedPrototypes,
  replacedEntries,
  safe,
  serializer,
  setEntry,
  standardSchema,
  struct,
  textArray,
  textBit,
  textChars,
  textFields,
  textInteger,
  textPieces,
  textSeparators,
  textString,
  textStringList,
  textStringMap,
  textStringifier,
  textStruct,
  unitVariant,
  unusual,
} from "./runtime.js";
import { type Id, Id$rule, TENANT_BASE } from "./tenant.js";

/** The wire names of {@link Role}'s variants. */
export const Role = {
  Gateway: "gateway",
  Worker: "worker",
  Builder: "builder",
  CapabilityImessage: "capability-imessage",
} as const;

/**
 * Role for a pool's instances. Determines services, ports, drive
 * expectations, reconcile ordering, and sleep policy.
 *
 * Wire values: `"gateway"`, `"worker"`, `"builder"`, `"capability-imessage"`. Default: `"worker"`.
 */
export type Role = (typeof Role)[keyof typeof Role];

function readRole(v: unknown, r?: Report): Role {
  switch (v) {
    case "gateway":
    case "worker":
    case "builder":
    case "capability-imessage":
      return v;
  }
  return unitVariant(v, r, "Role", Role, readRole);
}

/** The default Role (Rust `Default::default()`: the variant `Worker`). */
export function defaultRole(): Role {
  return "worker";
}

export const RoleSchema: StandardSchema<Role, Role> = /* @__PURE__ */ standardSchema(readRole);

export const parseRole: Parse<Role> = (input) => check("Role", readRole, input);

export const safeParseRole = /* @__PURE__ */ safe(parseRole);

export const parseRoleJson = /* @__PURE__ */ jsonParser("Role", readRole);

export const safeParseRoleJson = /* @__PURE__ */ safe(parseRoleJson);

export const createRole: CreateOptional<Role, Role> = /* @__PURE__ */ creatorWithDefault(parseRole, defaultRole);

export const stringifyRole = /* @__PURE__ */ textStringifier("Role", readRole);

export const serializeRole = /* @__PURE__ */ serializer(stringifyRole);

export const isRole = /* @__PURE__ */ guard(readRole);

/** The Display string of a Role (Rust `fmt::Display`); throws {@link ValidationError} for anything else. */
export function displayRole(value: Role): string {
  return check("Role", readRole, value);
}

/** The values of {@link SeccompPolicy} upstream knows. */
export const SeccompPolicy = {
  Baseline: "baseline",
  Strict: "strict",
} as const;

/**
 * Seccomp policy of a pool's instances. A plain string on the wire:
 * any value is read and kept, these are the ones upstream knows.
 *
 * Known values: `"baseline"`, `"strict"`. Any other string is read and written as it is.
 */
export type SeccompPolicy = (typeof SeccompPolicy)[keyof typeof SeccompPolicy] | (string & {});

function readSeccompPolicy(v: unknown, r?: Report): SeccompPolicy {
  if (typeof v !== "string") badItem(r, undefined, v, STRING);
  return v;
}

export const SeccompPolicySchema: StandardSchema<SeccompPolicy, SeccompPolicy> =
  /* @__PURE__ */ standardSchema(readSeccompPolicy);

export const parseSeccompPolicy: Parse<SeccompPolicy> = (input) => check("SeccompPolicy", readSeccompPolicy, input);

export const safeParseSeccompPolicy = /* @__PURE__ */ safe(parseSeccompPolicy);

export const parseSeccompPolicyJson = /* @__PURE__ */ jsonParser("SeccompPolicy", readSeccompPolicy);

export const safeParseSeccompPolicyJson = /* @__PURE__ */ safe(parseSeccompPolicyJson);

export const createSeccompPolicy: Create<SeccompPolicy, SeccompPolicy> = /* @__PURE__ */ creator(parseSeccompPolicy);

export const stringifySeccompPolicy = /* @__PURE__ */ textStringifier("SeccompPolicy", readSeccompPolicy);

export const serializeSeccompPolicy = /* @__PURE__ */ serializer(stringifySeccompPolicy);

export const isSeccompPolicy = /* @__PURE__ */ guard(readSeccompPolicy);

/** The values of {@link SnapshotCompression} upstream knows. */
export const SnapshotCompression = {
  None: "none",
  Lz4: "lz4",
  Zstd: "zstd",
} as const;

/**
 * Compression of a pool's snapshots. A plain string on the wire:
 * any value is read and kept, these are the ones upstream knows.
 *
 * Known values: `"none"`, `"lz4"`, `"zstd"`. Any other string is read and written as it is.
 */
export type SnapshotCompression = (typeof SnapshotCompression)[keyof typeof SnapshotCompression] | (string & {});

function readSnapshotCompression(v: unknown, r?: Report): SnapshotCompression {
  if (typeof v !== "string") badItem(r, undefined, v, STRING);
  return v;
}

export const SnapshotCompressionSchema: StandardSchema<SnapshotCompression, SnapshotCompression> =
  /* @__PURE__ */ standardSchema(readSnapshotCompression);

export const parseSnapshotCompression: Parse<SnapshotCompression> = (input) =>
  check("SnapshotCompression", readSnapshotCompression, input);

export const safeParseSnapshotCompression = /* @__PURE__ */ safe(parseSnapshotCompression);

export const parseSnapshotCompressionJson = /* @__PURE__ */ jsonParser("SnapshotCompression", readSnapshotCompression);

export const safeParseSnapshotCompressionJson = /* @__PURE__ */ safe(parseSnapshotCompressionJson);

export const createSnapshotCompression: Create<SnapshotCompression, SnapshotCompression> =
  /* @__PURE__ */ creator(parseSnapshotCompression);

export const stringifySnapshotCompression = /* @__PURE__ */ textStringifier(
  "SnapshotCompression",
  readSnapshotCompression,
);

export const serializeSnapshotCompression = /* @__PURE__ */ serializer(stringifySnapshotCompression);

export const isSnapshotCompression = /* @__PURE__ */ guard(readSnapshotCompression);

/**
 * Optional metadata for categorizing and tagging pools.
 * Enables capability-based queries and policies without hardcoding types in Role enum.
 */
export interface PoolMetadata {
  /**
   * Capability identifier (e.g., "openclaw", "mcp-server", "database").
   * Used for grouping pools by functional capability.
   *
   * Left out of the JSON when undefined.
   */
  capability?: string | undefined;
  /**
   * Integration types supported by this pool (e.g., ["telegram", "discord"]).
   *
   * @defaultValue `[]`
   *
   * Left out of the JSON when empty.
   */
  integration_types: string[];
  /**
   * Arbitrary key-value tags for custom categorization.
   *
   * @defaultValue `{}`
   *
   * Left out of the JSON when empty.
   */
  tags: Record<string, string>;
}

/** Input to {@link createPoolMetadata}: a {@link PoolMetadata} whose defaulted fields may be left out. */
export interface PoolMetadataInput extends WithDefaults<PoolMetadata, "integration_types" | "tags"> {}

const PoolMetadata$fields = ["capability", "integration_types", "tags"] as const;

function readPoolMetadata(v: unknown, r?: Report): PoolMetadata {
  const o = isPlain(v) ? v : struct(v, r, "PoolMetadata", PoolMetadata$fields, 1);
  const capability = o["capability"] ?? undefined;
  if (capability !== undefined && typeof capability !== "string") bad(r, "capability", capability, orNull(STRING));
  const integration_types =
    o["integration_types"] === undefined ? [] : readStringList(o["integration_types"], r?.at("integration_types"));
  const tags = o["tags"] === undefined ? {} : readStringMap(o["tags"], r?.at("tags"));
  return { capability, integration_types, tags };
}

function textPoolMetadata(v: unknown, d: number): string {
  const o = textStruct(v);
  const k = textSeparators(PoolMetadata$fields, d, 0);
  let t = "";
  const capability = o["capability"];
  if (capability != null) t += k[0] + textString(capability);
  const integration_types = textStringList(o["integration_types"], d + 1);
  if (integration_types !== "[]") t += (t === "" ? k[5] : k[1]) + integration_types;
  const tags = textStringMap(o["tags"], d + 1);
  if (tags !== "{}") t += (t === "" ? k[6] : k[2]) + tags;
  return textFields(t, k[3]);
}

/** The default PoolMetadata (Rust `Default::default()`), fresh on every call. */
export function defaultPoolMetadata(): PoolMetadata {
  return { capability: undefined, integration_types: [], tags: {} };
}

export const PoolMetadataSchema: StandardSchema<PoolMetadataInput, PoolMetadata> =
  /* @__PURE__ */ standardSchema(readPoolMetadata);

export const parsePoolMetadata: Parse<PoolMetadata> = (input) => check("PoolMetadata", readPoolMetadata, input);

export const safeParsePoolMetadata = /* @__PURE__ */ safe(parsePoolMetadata);

export const parsePoolMetadataJson = /* @__PURE__ */ jsonParser("PoolMetadata", readPoolMetadata);

export const safeParsePoolMetadataJson = /* @__PURE__ */ safe(parsePoolMetadataJson);

export const createPoolMetadata: CreateOptional<PoolMetadataInput, PoolMetadata> = /* @__PURE__ */ creatorWithDefault(
  parsePoolMetadata,
  defaultPoolMetadata,
);

export const stringifyPoolMetadata = /* @__PURE__ */ textStringifier(
  "PoolMetadata",
  readPoolMetadata,
  textPoolMetadata,
);

export const serializePoolMetadata = /* @__PURE__ */ serializer(stringifyPoolMetadata);

/** Per-pool runtime policy for minimum runtime enforcement and graceful lifecycle. */
export interface RuntimePolicy {
  /**
   * Minimum seconds an instance must stay Running before eligible for Warm.
   *
   * @defaultValue `60`
   */
  min_running_seconds: number;
  /**
   * Minimum seconds an instance must stay Warm before eligible for Sleep.
   *
   * @defaultValue `30`
   */
  min_warm_seconds: number;
  /**
   * Maximum seconds to wait for guest drain ACK before forcing sleep.
   *
   * @defaultValue `30`
   */
  drain_timeout_seconds: number;
  /**
   * Maximum seconds for graceful shutdown before SIGKILL.
   *
   * @defaultValue `15`
   */
  graceful_shutdown_seconds: number;
}

/** Input to {@link createRuntimePolicy}: a {@link RuntimePolicy} whose defaulted fields may be left out. */
export interface RuntimePolicyInput extends WithDefaults<
  RuntimePolicy,
  "min_running_seconds" | "min_warm_seconds" | "drain_timeout_seconds" | "graceful_shutdown_seconds"
> {}

const RuntimePolicy$fields = [
  "min_running_seconds",
  "min_warm_seconds",
  "drain_timeout_seconds",
  "graceful_shutdown_seconds",
] as const;

function readRuntimePolicy(v: unknown, r?: Report): RuntimePolicy {
  const o = isPlain(v) ? v : struct(v, r, "RuntimePolicy", RuntimePolicy$fields, 0);
  const min_running_seconds = o["min_running_seconds"] === undefined ? 60 : o["min_running_seconds"];
  if (
    typeof min_running_seconds !== "number" ||
    !Number.isInteger(min_running_seconds) ||
    min_running_seconds < 0 ||
    min_running_seconds > 9007199254740992
  )
    bad(r, "min_running_seconds", min_running_seconds, U64);
  const min_warm_seconds = o["min_warm_seconds"] === undefined ? 30 : o["min_warm_seconds"];
  if (
    typeof min_warm_seconds !== "number" ||
    !Number.isInteger(min_warm_seconds) ||
    min_warm_seconds < 0 ||
    min_warm_seconds > 9007199254740992
  )
    bad(r, "min_warm_seconds", min_warm_seconds, U64);
  const drain_timeout_seconds = o["drain_timeout_seconds"] === undefined ? 30 : o["drain_timeout_seconds"];
  if (
    typeof drain_timeout_seconds !== "number" ||
    !Number.isInteger(drain_timeout_seconds) ||
    drain_timeout_seconds < 0 ||
    drain_timeout_seconds > 9007199254740992
  )
    bad(r, "drain_timeout_seconds", drain_timeout_seconds, U64);
  const graceful_shutdown_seconds = o["graceful_shutdown_seconds"] === undefined ? 15 : o["graceful_shutdown_seconds"];
  if (
    typeof graceful_shutdown_seconds !== "number" ||
    !Number.isInteger(graceful_shutdown_seconds) ||
    graceful_shutdown_seconds < 0 ||
    graceful_shutdown_seconds > 9007199254740992
  )
    bad(r, "graceful_shutdown_seconds", graceful_shutdown_seconds, U64);
  return { min_running_seconds, min_warm_seconds, drain_timeout_seconds, graceful_shutdown_seconds };
}

function textRuntimePolicy(v: unknown, d: number): string {
  const o = textStruct(v);
  const k = textSeparators(RuntimePolicy$fields, d, 0);
  return (
    k[0] +
    textInteger(o["min_running_seconds"], U64) +
    k[1] +
    textInteger(o["min_warm_seconds"], U64) +
    k[2] +
    textInteger(o["drain_timeout_seconds"], U64) +
    k[3] +
    textInteger(o["graceful_shutdown_seconds"], U64) +
    k[4]
  );
}

/** The default RuntimePolicy (Rust `Default::default()`), fresh on every call. */
export function defaultRuntimePolicy(): RuntimePolicy {
  return { min_running_seconds: 60, min_warm_seconds: 30, drain_timeout_seconds: 30, graceful_shutdown_seconds: 15 };
}

export const RuntimePolicySchema: StandardSchema<RuntimePolicyInput, RuntimePolicy> =
  /* @__PURE__ */ standardSchema(readRuntimePolicy);

export const parseRuntimePolicy: Parse<RuntimePolicy> = (input) => check("RuntimePolicy", readRuntimePolicy, input);

export const safeParseRuntimePolicy = /* @__PURE__ */ safe(parseRuntimePolicy);

export const parseRuntimePolicyJson = /* @__PURE__ */ jsonParser("RuntimePolicy", readRuntimePolicy);

export const safeParseRuntimePolicyJson = /* @__PURE__ */ safe(parseRuntimePolicyJson);

export const createRuntimePolicy: CreateOptional<RuntimePolicyInput, RuntimePolicy> =
  /* @__PURE__ */ creatorWithDefault(parseRuntimePolicy, defaultRuntimePolicy);

export const stringifyRuntimePolicy = /* @__PURE__ */ textStringifier(
  "RuntimePolicy",
  readRuntimePolicy,
  textRuntimePolicy,
);

export const serializeRuntimePolicy = /* @__PURE__ */ serializer(stringifyRuntimePolicy);

/**
 * A WorkerPool defines a homogeneous group of instances within a tenant.
 * Has desired counts but NO runtime state.
 */
export interface PoolSpec {
  pool_id: string;
  tenant_id: string;
  flake_ref: string;
  /**
   * Guest profile name. Built-in: "minimal", "python".
   * Users can define custom profiles in their own flake.
   */
  profile: string;
  /**
   * Role for all instances in this pool.
   *
   * @defaultValue `"worker"`
   */
  role: Role;
  instance_resources: InstanceResources;
  desired_counts: DesiredCounts;
  /**
   * Minimum runtime policy for this pool's instances.
   *
   * @defaultValue `defaultRuntimePolicy()` (the type's default)
   */
  runtime_policy: RuntimePolicy;
  /**
   * Optional metadata for capability tagging and categorization.
   *
   * @defaultValue `defaultPoolMetadata()` (the type's default)
   */
  metadata: PoolMetadata;
  /**
   * "baseline" | "strict"
   *
   * @defaultValue `"baseline"`
   */
  seccomp_policy: SeccompPolicy;
  /**
   * "none" | "lz4" | "zstd"
   *
   * @defaultValue `"none"`
   */
  snapshot_compression: SnapshotCompression;
  /** @defaultValue `false` */
  metadata_enabled: boolean;
  /**
   * If true, reconcile won't auto-sleep this pool's instances.
   *
   * @defaultValue `false`
   */
  pinned: boolean;
  /**
   * If true, reconcile won't touch this pool at all.
   *
   * @defaultValue `false`
   */
  critical: boolean;
  /**
   * Per-integration secret scoping. When non-empty, secrets are split
   * into per-integration directories on the secrets drive.
   *
   * @defaultValue `[]`
   */
  secret_scopes: SecretScope[];
  /**
   * Optional template reference for shared base image.
   *
   * @defaultValue `""`
   */
  template_id: string;
}

/** Input to {@link createPoolSpec}: a {@link PoolSpec} whose defaulted fields may be left out. */
export interface PoolSpecInput extends WithDefaults<
  PoolSpec,
  | "role"
  | "seccomp_policy"
  | "snapshot_compression"
  | "metadata_enabled"
  | "pinned"
  | "critical"
  | "secret_scopes"
  | "template_id",
  "instance_resources" | "runtime_policy" | "metadata"
> {
  instance_resources: InstanceResourcesInput;
  /** @defaultValue `defaultRuntimePolicy()` (the type's default) */
  runtime_policy?: RuntimePolicyInput | undefined;
  /** @defaultValue `defaultPoolMetadata()` (the type's default) */
  metadata?: PoolMetadataInput | undefined;
}

const PoolSpec$fields = [
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
] as const;

function readPoolSpec(v: unknown, r?: Report): PoolSpec {
  const o = isPlain(v) ? v : struct(v, r, "PoolSpec", PoolSpec$fields, 7);
  const pool_id = o["pool_id"];
  if (typeof pool_id !== "string") bad(r, "pool_id", pool_id, STRING);
  const tenant_id = o["tenant_id"];
  if (typeof tenant_id !== "string") bad(r, "tenant_id", tenant_id, STRING);
  const flake_ref = o["flake_ref"];
  if (typeof flake_ref !== "string") bad(r, "flake_ref", flake_ref, STRING);
  const profile = o["profile"];
  if (typeof profile !== "string") bad(r, "profile", profile, STRING);
  const role = o["role"] === undefined ? "worker" : readRole(o["role"], r?.at("role"));
  const instance_resources = readInstanceResources(o["instance_resources"], r?.at("instance_resources"));
  const desired_counts = readDesiredCounts(o["desired_counts"], r?.at("desired_counts"));
  const runtime_policy =
    o["runtime_policy"] === undefined
      ? defaultRuntimePolicy()
      : readRuntimePolicy(o["runtime_policy"], r?.at("runtime_policy"));
  const metadata =
    o["metadata"] === undefined ? defaultPoolMetadata() : readPoolMetadata(o["metadata"], r?.at("metadata"));
  const seccomp_policy =
    o["seccomp_policy"] === undefined ? "baseline" : readSeccompPolicy(o["seccomp_policy"], r?.at("seccomp_policy"));
  const snapshot_compression =
    o["snapshot_compression"] === undefined
      ? "none"
      : readSnapshotCompression(o["snapshot_compression"], r?.at("snapshot_compression"));
  const metadata_enabled = o["metadata_enabled"] === undefined ? false : o["metadata_enabled"];
  if (typeof metadata_enabled !== "boolean") bad(r, "metadata_enabled", metadata_enabled, BOOLEAN);
  const pinned = o["pinned"] === undefined ? false : o["pinned"];
  if (typeof pinned !== "boolean") bad(r, "pinned", pinned, BOOLEAN);
  const critical = o["critical"] === undefined ? false : o["critical"];
  if (typeof critical !== "boolean") bad(r, "critical", critical, BOOLEAN);
  const secret_scopes =
    o["secret_scopes"] === undefined ? [] : readSecretScopeList(o["secret_scopes"], r?.at("secret_scopes"));
  const template_id = o["template_id"] === undefined ? "" : o["template_id"];
  if (typeof template_id !== "string") bad(r, "template_id", template_id, STRING);
  return {
    pool_id,
    tenant_id,
    flake_ref,
    profile,
    role,
    instance_resources,
    desired_counts,
    runtime_policy,
    metadata,
    seccomp_policy,
    snapshot_compression,
    metadata_enabled,
    pinned,
    critical,
    secret_scopes,
    template_id,
  };
}

function textPoolSpec(v: unknown, d: number): string {
  const o = textStruct(v);
  const instance_resources = textStruct(o["instance_resources"]);
  const desired_counts = textStruct(o["desired_counts"]);
  const runtime_policy = textStruct(o["runtime_policy"]);
  const k = textPieces(PoolSpec$text, d);
  return (
    k[0] +
    textChars(o["pool_id"]) +
    k[1] +
    textChars(o["tenant_id"]) +
    k[2] +
    textChars(o["flake_ref"]) +
    k[3] +
    textChars(o["profile"]) +
    k[4] +
    readRole(o["role"]) +
    k[5] +
    textInteger(instance_resources["vcpus"], U8) +
    k[6] +
    textInteger(instance_resources["mem_mib"], U32) +
    k[7] +
    textInteger(instance_resources["data_disk_mib"], U32) +
    k[8] +
    textInteger(desired_counts["running"], U32) +
    k[9] +
    textInteger(desired_counts["warm"], U32) +
    k[10] +
    textInteger(desired_counts["sleeping"], U32) +
    k[11] +
    textInteger(runtime_policy["min_running_seconds"], U64) +
    k[12] +
    textInteger(runtime_policy["min_warm_seconds"], U64) +
    k[13] +
    textInteger(runtime_policy["drain_timeout_seconds"], U64) +
    k[14] +
    textInteger(runtime_policy["graceful_shutdown_seconds"], U64) +
    k[15] +
    textPoolMetadata(o["metadata"], d + 1) +
    k[16] +
    textChars(o["seccomp_policy"]) +
    k[17] +
    textChars(o["snapshot_compression"]) +
    k[18 + textBit(o["metadata_enabled"])] +
    k[20 + textBit(o["pinned"])] +
    k[22 + textBit(o["critical"])] +
    k[24] +
    textSecretScopeList(o["secret_scopes"], d + 1) +
    k[25] +
    textChars(o["template_id"]) +
    k[26]
  );
}

export const PoolSpecSchema: StandardSchema<PoolSpecInput, PoolSpec> = /* @__PURE__ */ standardSchema(readPoolSpec);

export const parsePoolSpec: Parse<PoolSpec> = (input) => check("PoolSpec", readPoolSpec, input);

export const safeParsePoolSpec = /* @__PURE__ */ safe(parsePoolSpec);

export const parsePoolSpecJson = /* @__PURE__ */ jsonParser("PoolSpec", readPoolSpec);

export const safeParsePoolSpecJson = /* @__PURE__ */ safe(parsePoolSpecJson);

export const createPoolSpec: Create<PoolSpecInput, PoolSpec> = /* @__PURE__ */ creator(parsePoolSpec);

export const stringifyPoolSpec = /* @__PURE__ */ textStringifier("PoolSpec", readPoolSpec, textPoolSpec);

export const serializePoolSpec = /* @__PURE__ */ serializer(stringifyPoolSpec);

/** Scoped secret delivery: only give an integration the secrets it needs. */
export interface SecretScope {
  /** Integration name (e.g. "whatsapp", "telegram"). */
  integration: string;
  /**
   * Secret key names to include for this integration.
   * Empty means include all keys (no filtering).
   */
  keys: string[];
}

/** Input to {@link createSecretScope}: the same as SecretScope. */
export type SecretScopeInput = SecretScope;

const SecretScope$fields = ["integration", "keys"] as const;

function readSecretScope(v: unknown, r?: Report): SecretScope {
  const o = isPlain(v) ? v : struct(v, r, "SecretScope", SecretScope$fields, 2);
  const integration = o["integration"];
  if (typeof integration !== "string") bad(r, "integration", integration, STRING);
  const keys = readStringList(o["keys"], r?.at("keys"));
  return { integration, keys };
}

function textSecretScope(v: unknown, d: number): string {
  const o = textStruct(v);
  const k = textSeparators(SecretScope$fields, d, 1);
  return k[0] + textChars(o["integration"]) + k[1] + textStringList(o["keys"], d + 1) + k[2];
}

export const SecretScopeSchema: StandardSchema<SecretScopeInput, SecretScope> =
  /* @__PURE__ */ standardSchema(readSecretScope);

export const parseSecretScope: Parse<SecretScope> = (input) => check("SecretScope", readSecretScope, input);

export const safeParseSecretScope = /* @__PURE__ */ safe(parseSecretScope);

export const parseSecretScopeJson = /* @__PURE__ */ jsonParser("SecretScope", readSecretScope);

export const safeParseSecretScopeJson = /* @__PURE__ */ safe(parseSecretScopeJson);

export const createSecretScope: Create<SecretScopeInput, SecretScope> = /* @__PURE__ */ creator(parseSecretScope);

export const stringifySecretScope = /* @__PURE__ */ textStringifier("SecretScope", readSecretScope, textSecretScope);

export const serializeSecretScope = /* @__PURE__ */ serializer(stringifySecretScope);

/** Resource allocation for each instance in the pool. */
export interface InstanceResources {
  vcpus: number;
  mem_mib: number;
  /** @defaultValue `0` */
  data_disk_mib: number;
}

/** Input to {@link createInstanceResources}: a {@link InstanceResources} whose defaulted fields may be left out. */
export interface InstanceResourcesInput extends WithDefaults<InstanceResources, "data_disk_mib"> {}

const InstanceResources$fields = ["vcpus", "mem_mib", "data_disk_mib"] as const;

function readInstanceResources(v: unknown, r?: Report): InstanceResources {
  const o = isPlain(v) ? v : struct(v, r, "InstanceResources", InstanceResources$fields, 2);
  const vcpus = o["vcpus"];
  if (typeof vcpus !== "number" || (vcpus & 255) !== vcpus) bad(r, "vcpus", vcpus, U8);
  const mem_mib = o["mem_mib"];
  if (typeof mem_mib !== "number" || mem_mib >>> 0 !== mem_mib) bad(r, "mem_mib", mem_mib, U32);
  const data_disk_mib = o["data_disk_mib"] === undefined ? 0 : o["data_disk_mib"];
  if (typeof data_disk_mib !== "number" || data_disk_mib >>> 0 !== data_disk_mib)
    bad(r, "data_disk_mib", data_disk_mib, U32);
  return { vcpus, mem_mib, data_disk_mib };
}

function textInstanceResources(v: unknown, d: number): string {
  const o = textStruct(v);
  const k = textSeparators(InstanceResources$fields, d, 0);
  return (
    k[0] +
    textInteger(o["vcpus"], U8) +
    k[1] +
    textInteger(o["mem_mib"], U32) +
    k[2] +
    textInteger(o["data_disk_mib"], U32) +
    k[3]
  );
}

export const InstanceResourcesSchema: StandardSchema<InstanceResourcesInput, InstanceResources> =
  /* @__PURE__ */ standardSchema(readInstanceResources);

export const parseInstanceResources: Parse<InstanceResources> = (input) =>
  check("InstanceResources", readInstanceResources, input);

export const safeParseInstanceResources = /* @__PURE__ */ safe(parseInstanceResources);

export const parseInstanceResourcesJson = /* @__PURE__ */ jsonParser("InstanceResources", readInstanceResources);

export const safeParseInstanceResourcesJson = /* @__PURE__ */ safe(parseInstanceResourcesJson);

export const createInstanceResources: Create<InstanceResourcesInput, InstanceResources> =
  /* @__PURE__ */ creator(parseInstanceResources);

export const stringifyInstanceResources = /* @__PURE__ */ textStringifier(
  "InstanceResources",
  readInstanceResources,
  textInstanceResources,
);

export const serializeInstanceResources = /* @__PURE__ */ serializer(stringifyInstanceResources);

/** Desired instance counts by status, evaluated by the reconcile loop. */
export interface DesiredCounts {
  running: number;
  warm: number;
  sleeping: number;
}

/** Input to {@link createDesiredCounts}: the same as DesiredCounts. */
export type DesiredCountsInput = DesiredCounts;

const DesiredCounts$fields = ["running", "warm", "sleeping"] as const;

function readDesiredCounts(v: unknown, r?: Report): DesiredCounts {
  const o = isPlain(v) ? v : struct(v, r, "DesiredCounts", DesiredCounts$fields, 3);
  const running = o["running"];
  if (typeof running !== "number" || running >>> 0 !== running) bad(r, "running", running, U32);
  const warm = o["warm"];
  if (typeof warm !== "number" || warm >>> 0 !== warm) bad(r, "warm", warm, U32);
  const sleeping = o["sleeping"];
  if (typeof sleeping !== "number" || sleeping >>> 0 !== sleeping) bad(r, "sleeping", sleeping, U32);
  return { running, warm, sleeping };
}

function textDesiredCounts(v: unknown, d: number): string {
  const o = textStruct(v);
  const k = textSeparators(DesiredCounts$fields, d, 0);
  return (
    k[0] +
    textInteger(o["running"], U32) +
    k[1] +
    textInteger(o["warm"], U32) +
    k[2] +
    textInteger(o["sleeping"], U32) +
    k[3]
  );
}

/** The default DesiredCounts (Rust `Default::default()`), fresh on every call. */
export function defaultDesiredCounts(): DesiredCounts {
  return { running: 0, warm: 0, sleeping: 0 };
}

export const DesiredCountsSchema: StandardSchema<DesiredCountsInput, DesiredCounts> =
  /* @__PURE__ */ standardSchema(readDesiredCounts);

export const parseDesiredCounts: Parse<DesiredCounts> = (input) => check("DesiredCounts", readDesiredCounts, input);

export const safeParseDesiredCounts = /* @__PURE__ */ safe(parseDesiredCounts);

export const parseDesiredCountsJson = /* @__PURE__ */ jsonParser("DesiredCounts", readDesiredCounts);

export const safeParseDesiredCountsJson = /* @__PURE__ */ safe(parseDesiredCountsJson);

export const createDesiredCounts: Create<DesiredCountsInput, DesiredCounts> =
  /* @__PURE__ */ creator(parseDesiredCounts);

export const stringifyDesiredCounts = /* @__PURE__ */ textStringifier(
  "DesiredCounts",
  readDesiredCounts,
  textDesiredCounts,
);

export const serializeDesiredCounts = /* @__PURE__ */ serializer(stringifyDesiredCounts);

/** A completed build revision with artifact locations. */
export interface BuildRevision {
  revision_hash: string;
  flake_ref: string;
  flake_lock_hash: string;
  artifact_paths: ArtifactPaths;
  built_at: string;
}

/** Input to {@link createBuildRevision}: the same as BuildRevision. */
export type BuildRevisionInput = BuildRevision;

const BuildRevision$fields = ["revision_hash", "flake_ref", "flake_lock_hash", "artifact_paths", "built_at"] as const;

function readBuildRevision(v: unknown, r?: Report): BuildRevision {
  const o = isPlain(v) ? v : struct(v, r, "BuildRevision", BuildRevision$fields, 5);
  const revision_hash = o["revision_hash"];
  if (typeof revision_hash !== "string") bad(r, "revision_hash", revision_hash, STRING);
  const flake_ref = o["flake_ref"];
  if (typeof flake_ref !== "string") bad(r, "flake_ref", flake_ref, STRING);
  const flake_lock_hash = o["flake_lock_hash"];
  if (typeof flake_lock_hash !== "string") bad(r, "flake_lock_hash", flake_lock_hash, STRING);
  const artifact_paths = readArtifactPaths(o["artifact_paths"], r?.at("artifact_paths"));
  const built_at = o["built_at"];
  if (typeof built_at !== "string") bad(r, "built_at", built_at, STRING);
  return { revision_hash, flake_ref, flake_lock_hash, artifact_paths, built_at };
}

function textBuildRevision(v: unknown, d: number): string {
  const o = textStruct(v);
  const artifact_paths = textStruct(o["artifact_paths"]);
  const k = textPieces(BuildRevision$text, d);
  return (
    k[0] +
    textChars(o["revision_hash"]) +
    k[1] +
    textChars(o["flake_ref"]) +
    k[2] +
    textChars(o["flake_lock_hash"]) +
    k[3] +
    textChars(artifact_paths["vmlinux"]) +
    k[4] +
    textChars(artifact_paths["rootfs"]) +
    k[5] +
    textChars(artifact_paths["fc_base_config"]) +
    k[6] +
    textChars(o["built_at"]) +
    k[7]
  );
}

export const BuildRevisionSchema: StandardSchema<BuildRevisionInput, BuildRevision> =
  /* @__PURE__ */ standardSchema(readBuildRevision);

export const parseBuildRevision: Parse<BuildRevision> = (input) => check("BuildRevision", readBuildRevision, input);

export const safeParseBuildRevision = /* @__PURE__ */ safe(parseBuildRevision);

export const parseBuildRevisionJson = /* @__PURE__ */ jsonParser("BuildRevision", readBuildRevision);

export const safeParseBuildRevisionJson = /* @__PURE__ */ safe(parseBuildRevisionJson);

export const createBuildRevision: Create<BuildRevisionInput, BuildRevision> =
  /* @__PURE__ */ creator(parseBuildRevision);

export const stringifyBuildRevision = /* @__PURE__ */ textStringifier(
  "BuildRevision",
  readBuildRevision,
  textBuildRevision,
);

export const serializeBuildRevision = /* @__PURE__ */ serializer(stringifyBuildRevision);

/** Paths to build artifacts within the pool's artifact directory. */
export interface ArtifactPaths {
  vmlinux: string;
  rootfs: string;
  fc_base_config: string;
}

/** Input to {@link createArtifactPaths}: the same as ArtifactPaths. */
export type ArtifactPathsInput = ArtifactPaths;

const ArtifactPaths$fields = ["vmlinux", "rootfs", "fc_base_config"] as const;

function readArtifactPaths(v: unknown, r?: Report): ArtifactPaths {
  const o = isPlain(v) ? v : struct(v, r, "ArtifactPaths", ArtifactPaths$fields, 3);
  const vmlinux = o["vmlinux"];
  if (typeof vmlinux !== "string") bad(r, "vmlinux", vmlinux, STRING);
  const rootfs = o["rootfs"];
  if (typeof rootfs !== "string") bad(r, "rootfs", rootfs, STRING);
  const fc_base_config = o["fc_base_config"];
  if (typeof fc_base_config !== "string") bad(r, "fc_base_config", fc_base_config, STRING);
  return { vmlinux, rootfs, fc_base_config };
}

function textArtifactPaths(v: unknown, d: number): string {
  const o = textStruct(v);
  const k = textSeparators(ArtifactPaths$fields, d, 7);
  return k[0] + textChars(o["vmlinux"]) + k[1] + textChars(o["rootfs"]) + k[2] + textChars(o["fc_base_config"]) + k[3];
}

export const ArtifactPathsSchema: StandardSchema<ArtifactPathsInput, ArtifactPaths> =
  /* @__PURE__ */ standardSchema(readArtifactPaths);

export const parseArtifactPaths: Parse<ArtifactPaths> = (input) => check("ArtifactPaths", readArtifactPaths, input);

export const safeParseArtifactPaths = /* @__PURE__ */ safe(parseArtifactPaths);

export const parseArtifactPathsJson = /* @__PURE__ */ jsonParser("ArtifactPaths", readArtifactPaths);

export const safeParseArtifactPathsJson = /* @__PURE__ */ safe(parseArtifactPathsJson);

export const createArtifactPaths: Create<ArtifactPathsInput, ArtifactPaths> =
  /* @__PURE__ */ creator(parseArtifactPaths);

export const stringifyArtifactPaths = /* @__PURE__ */ textStringifier(
  "ArtifactPaths",
  readArtifactPaths,
  textArtifactPaths,
);

export const serializeArtifactPaths = /* @__PURE__ */ serializer(stringifyArtifactPaths);

function readStringList(v: unknown, r?: Report): string[] {
  const a = Array.isArray(v) ? v : list(v, r);
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const e = a[i];
    if (typeof e !== "string") badItem(r, i, e, STRING);
    out.push(e);
  }
  return out;
}

function readStringMap(v: unknown, r?: Report): Record<string, string> {
  const m = isPlainMap(v) ? v : map(v, r);
  const out: Record<string, string> = {};
  if (unusual) {
    const d = replacedEntries(v);
    for (let i = 0; i < d.length; i += 2) {
      const e = d[i + 1];
      if (typeof e !== "string") badItem(r, d[i] as string, e, STRING);
    }
  }
  for (const k of Object.keys(m)) {
    const e = m[k];
    if (typeof e !== "string") badItem(r, k, e, STRING);
    if (k === "__proto__" || pollutedPrototypes) setEntry(out, k, e);
    else out[k] = e;
  }
  return out;
}

function readSecretScopeList(v: unknown, r?: Report): SecretScope[] {
  const a = Array.isArray(v) ? v : list(v, r);
  const out: SecretScope[] = [];
  for (let i = 0; i < a.length; i++) {
    const e = readSecretScope(a[i], r?.item(i));
    out.push(e);
  }
  return out;
}

function textSecretScopeList(v: unknown, d: number): string {
  const a = textArray(v);
  if (a.length === 0) return "[]";
  const k = textPieces(SecretScopeList$text, d);
  let t = "";
  for (let i = 0; i < a.length; i++) {
    const o = textStruct(a[i]);
    t += (i === 0 ? k[0] : k[2]) + textChars(o["integration"]) + k[1] + textStringList(o["keys"], d + 2);
  }
  return t + k[3];
}

const SecretScopeList$text = ['[{"integration":"', '","keys":', ['},{"integration":"', "}]"]];

const PoolSpec$text = [
  '{"pool_id":"',
  '","tenant_id":"',
  '","flake_ref":"',
  '","profile":"',
  '","role":"',
  '","instance_resources":{"vcpus":',
  ',"mem_mib":',
  ',"data_disk_mib":',
  '},"desired_counts":{"running":',
  ',"warm":',
  ',"sleeping":',
  '},"runtime_policy":{"min_running_seconds":',
  ',"min_warm_seconds":',
  ',"drain_timeout_seconds":',
  ',"graceful_shutdown_seconds":',
  '},"metadata":',
  ',"seccomp_policy":"',
  '","snapshot_compression":"',
  ['","metadata_enabled":false', '","metadata_enabled":true'],
  [',"pinned":false', ',"pinned":true'],
  [',"critical":false', ',"critical":true'],
  ',"secret_scopes":',
  ',"template_id":"',
  '"}',
];

const BuildRevision$text = [
  '{"revision_hash":"',
  '","flake_ref":"',
  '","flake_lock_hash":"',
  '","artifact_paths":{"vmlinux":"',
  '","rootfs":"',
  '","fc_base_config":"',
  '"},"built_at":"',
  '"}',
];

/**
 * A pool's own directory.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/pools/{pool_id}` (Rust `pool_dir`).
 *
 * @throws {@link ValidationError} unless each argument is one safe path segment of its type.
 */
export function poolDir(tenantId: Id, poolId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "pool_dir")}/${pathSegment(tenantId, "tenant_id", "pool_dir", Id$rule)}/pools/${pathSegment(poolId, "pool_id", "pool_dir", Id$rule)}`;
}

/**
 * The pool's spec, `pool.json`.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/pools/{pool_id}/pool.json` (Rust `pool_config_path`).
 *
 * @throws {@link ValidationError} unless each argument is one safe path segment of its type.
 */
export function poolConfigPath(tenantId: Id, poolId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "pool_config_path")}/${pathSegment(tenantId, "tenant_id", "pool_config_path", Id$rule)}/pools/${pathSegment(poolId, "pool_id", "pool_config_path", Id$rule)}/pool.json`;
}

/**
 * Directory holding the pool's build artifacts.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/pools/{pool_id}/artifacts` (Rust `pool_artifacts_dir`).
 *
 * @throws {@link ValidationError} unless each argument is one safe path segment of its type.
 */
export function poolArtifactsDir(tenantId: Id, poolId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "pool_artifacts_dir")}/${pathSegment(tenantId, "tenant_id", "pool_artifacts_dir", Id$rule)}/pools/${pathSegment(poolId, "pool_id", "pool_artifacts_dir", Id$rule)}/artifacts`;
}

/**
 * Directory holding the pool's instances.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/pools/{pool_id}/instances` (Rust `pool_instances_dir`).
 *
 * @throws {@link ValidationError} unless each argument is one safe path segment of its type.
 */
export function poolInstancesDir(tenantId: Id, poolId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "pool_instances_dir")}/${pathSegment(tenantId, "tenant_id", "pool_instances_dir", Id$rule)}/pools/${pathSegment(poolId, "pool_id", "pool_instances_dir", Id$rule)}/instances`;
}

/**
 * Directory holding the pool's snapshots.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/pools/{pool_id}/snapshots` (Rust `pool_snapshots_dir`).
 *
 * @throws {@link ValidationError} unless each argument is one safe path segment of its type.
 */
export function poolSnapshotsDir(tenantId: Id, poolId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "pool_snapshots_dir")}/${pathSegment(tenantId, "tenant_id", "pool_snapshots_dir", Id$rule)}/pools/${pathSegment(poolId, "pool_id", "pool_snapshots_dir", Id$rule)}/snapshots`;
}

/**
 * Directory for pool-level configuration data (mounted as config drive).
 *
 * Path: `{TENANT_BASE}/{tenant_id}/pools/{pool_id}/config` (Rust `pool_config_data_dir`).
 *
 * @throws {@link ValidationError} unless each argument is one safe path segment of its type.
 */
export function poolConfigDataDir(tenantId: Id, poolId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "pool_config_data_dir")}/${pathSegment(tenantId, "tenant_id", "pool_config_data_dir", Id$rule)}/pools/${pathSegment(poolId, "pool_id", "pool_config_data_dir", Id$rule)}/config`;
}
