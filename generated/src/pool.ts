// @generated from idl/pool.yaml. DO NOT EDIT.

import {
  attempt,
  ensure,
  invalid,
  isPlainObject,
  pathRoot,
  pathSegment,
  readJsonText,
  readable,
  setEntry,
  standardSchema,
  structFromSeq,
  toWire,
  variantFromMap,
  writeJson,
  type ParseResult,
  type PathOptions,
  type Shape,
  type StandardSchema,
  type StringifyOptions,
} from "./runtime.js";
import { type Id, Id$problem, TENANT_BASE } from "./tenant.js";

/**
 * Role for a pool's instances. Determines services, ports, drive
 * expectations, reconcile ordering, and sleep policy.
 *
 * Wire values: `"gateway"`, `"worker"`, `"builder"`, `"capability-imessage"`. Default: `"worker"`.
 */
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

/** @internal */
export function readRole(v: unknown): Role | undefined {
  if (v === "gateway" || v === "worker" || v === "builder" || v === "capability-imessage") return v;
  // serde's map form of a unit variant: {"name": null}
  if (typeof v === "object" && v !== null) return variantFromMap(v, Role$shape) as Role | undefined;
  return undefined;
}

/** @internal */
export const Role$shape: Shape = {
  k: "enum",
  name: "Role",
  values: ["gateway", "worker", "builder", "capability-imessage"],
};

/**
 * Reads a Role from JSON data (`JSON.parse` output): checks it and returns a fresh value; the input is never modified.
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseRole(input: unknown): Role {
  let value: Role | undefined;
  try {
    value = readRole(readable(input));
  } catch {
    value = undefined;
  }
  if (value === undefined) throw invalid("Role", Role$shape, input);
  return value;
}

/** Like {@link parseRole}, returning the error instead of throwing it. */
export function safeParseRole(input: unknown): ParseResult<Role> {
  return attempt(parseRole, input);
}

/**
 * Reads a Role from JSON text as `serde_json::from_str` does, seeing what `JSON.parse` erases (repeated fields, `1.0` for an integer, integers beyond 2^53).
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseRoleJson(text: string): Role {
  return parseRole(readJsonText("Role", Role$shape, text));
}

/** Like {@link parseRoleJson}, returning the error instead of throwing it. */
export function safeParseRoleJson(text: string): ParseResult<Role> {
  return attempt(parseRoleJson, text);
}

/**
 * Checks a Role given in code; the default without an argument.
 *
 * @throws {@link ValidationError} when a value does not fit its type.
 */
export function createRole(input?: Role): Role {
  return input === undefined ? defaultRole() : parseRole(input);
}

/** The default Role (Rust `Default::default()`: `"worker"`), fresh on every call. */
export function defaultRole(): Role {
  return "worker";
}

/**
 * The wire form of a Role as plain JSON data (omit rules applied); for text use {@link stringifyRole}.
 *
 * @throws {@link ValidationError} when the value does not fit its type.
 */
export function serializeRole(value: Role): unknown {
  return toWire("Role", Role$shape, ensure("Role", readRole, Role$shape, value));
}

/**
 * Writes a Role as JSON text, byte for byte as `serde_json::to_string` (or `to_string_pretty` with `{ pretty: true }`).
 *
 * @throws {@link ValidationError} when the value does not fit its type: nothing Rust would refuse is written.
 */
export function stringifyRole(value: Role, options?: StringifyOptions): string {
  return writeJson("Role", Role$shape, ensure("Role", readRole, Role$shape, value), options?.pretty === true);
}

/**
 * The Display string of a Role (Rust `fmt::Display`).
 *
 * @throws {@link ValidationError} for a value that is not a Role.
 */
export function displayRole(value: Role): string {
  switch (value) {
    case "gateway":
      return "gateway";
    case "worker":
      return "worker";
    case "builder":
      return "builder";
    case "capability-imessage":
      return "capability-imessage";
    default:
      throw invalid("Role", Role$shape, value);
  }
}

/** Whether `value` is one of the wire names of Role. */
export function isRole(value: unknown): value is Role {
  return readRole(value) !== undefined;
}

/** Role as a Standard Schema (v1), for tRPC, Hono, form libraries and others: `validate(value)` returns `{ value }` as {@link parseRole} reads it, or `{ issues }`, each with its message and its `path` as a list of keys. */
export const RoleSchema: StandardSchema<Role, Role> = /* @__PURE__ */ standardSchema(parseRole);

/**
 * Seccomp policy of a pool's instances. A plain string on the wire:
 * any value is read and kept, these are the ones upstream knows.
 *
 * Known values of {@link SeccompPolicy}.
 */
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

/** @internal */
export function readSeccompPolicy(v: unknown): SeccompPolicy | undefined {
  if (typeof v === "string") return v;
  return undefined;
}

/** @internal */
export const SeccompPolicy$shape: Shape = { k: "open-enum", name: "SeccompPolicy" };

/**
 * Reads a SeccompPolicy from JSON data (`JSON.parse` output): checks it and returns a fresh value; the input is never modified.
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseSeccompPolicy(input: unknown): SeccompPolicy {
  let value: SeccompPolicy | undefined;
  try {
    value = readSeccompPolicy(readable(input));
  } catch {
    value = undefined;
  }
  if (value === undefined) throw invalid("SeccompPolicy", SeccompPolicy$shape, input);
  return value;
}

/** Like {@link parseSeccompPolicy}, returning the error instead of throwing it. */
export function safeParseSeccompPolicy(input: unknown): ParseResult<SeccompPolicy> {
  return attempt(parseSeccompPolicy, input);
}

/**
 * Reads a SeccompPolicy from JSON text as `serde_json::from_str` does, seeing what `JSON.parse` erases (repeated fields, `1.0` for an integer, integers beyond 2^53).
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseSeccompPolicyJson(text: string): SeccompPolicy {
  return parseSeccompPolicy(readJsonText("SeccompPolicy", SeccompPolicy$shape, text));
}

/** Like {@link parseSeccompPolicyJson}, returning the error instead of throwing it. */
export function safeParseSeccompPolicyJson(text: string): ParseResult<SeccompPolicy> {
  return attempt(parseSeccompPolicyJson, text);
}

/**
 * Checks a SeccompPolicy given in code.
 *
 * @throws {@link ValidationError} when a value does not fit its type.
 */
export function createSeccompPolicy(input: SeccompPolicy): SeccompPolicy {
  return parseSeccompPolicy(input);
}

/**
 * The wire form of a SeccompPolicy as plain JSON data (omit rules applied); for text use {@link stringifySeccompPolicy}.
 *
 * @throws {@link ValidationError} when the value does not fit its type.
 */
export function serializeSeccompPolicy(value: SeccompPolicy): unknown {
  return toWire(
    "SeccompPolicy",
    SeccompPolicy$shape,
    ensure("SeccompPolicy", readSeccompPolicy, SeccompPolicy$shape, value),
  );
}

/**
 * Writes a SeccompPolicy as JSON text, byte for byte as `serde_json::to_string` (or `to_string_pretty` with `{ pretty: true }`).
 *
 * @throws {@link ValidationError} when the value does not fit its type: nothing Rust would refuse is written.
 */
export function stringifySeccompPolicy(value: SeccompPolicy, options?: StringifyOptions): string {
  return writeJson(
    "SeccompPolicy",
    SeccompPolicy$shape,
    ensure("SeccompPolicy", readSeccompPolicy, SeccompPolicy$shape, value),
    options?.pretty === true,
  );
}

/** Whether `value` can be a SeccompPolicy: any string can. */
export function isSeccompPolicy(value: unknown): value is SeccompPolicy {
  return typeof value === "string";
}

/** SeccompPolicy as a Standard Schema (v1), for tRPC, Hono, form libraries and others: `validate(value)` returns `{ value }` as {@link parseSeccompPolicy} reads it, or `{ issues }`, each with its message and its `path` as a list of keys. */
export const SeccompPolicySchema: StandardSchema<SeccompPolicy, SeccompPolicy> =
  /* @__PURE__ */ standardSchema(parseSeccompPolicy);

/**
 * Compression of a pool's snapshots. A plain string on the wire:
 * any value is read and kept, these are the ones upstream knows.
 *
 * Known values of {@link SnapshotCompression}.
 */
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

/** @internal */
export function readSnapshotCompression(v: unknown): SnapshotCompression | undefined {
  if (typeof v === "string") return v;
  return undefined;
}

/** @internal */
export const SnapshotCompression$shape: Shape = { k: "open-enum", name: "SnapshotCompression" };

/**
 * Reads a SnapshotCompression from JSON data (`JSON.parse` output): checks it and returns a fresh value; the input is never modified.
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseSnapshotCompression(input: unknown): SnapshotCompression {
  let value: SnapshotCompression | undefined;
  try {
    value = readSnapshotCompression(readable(input));
  } catch {
    value = undefined;
  }
  if (value === undefined) throw invalid("SnapshotCompression", SnapshotCompression$shape, input);
  return value;
}

/** Like {@link parseSnapshotCompression}, returning the error instead of throwing it. */
export function safeParseSnapshotCompression(input: unknown): ParseResult<SnapshotCompression> {
  return attempt(parseSnapshotCompression, input);
}

/**
 * Reads a SnapshotCompression from JSON text as `serde_json::from_str` does, seeing what `JSON.parse` erases (repeated fields, `1.0` for an integer, integers beyond 2^53).
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseSnapshotCompressionJson(text: string): SnapshotCompression {
  return parseSnapshotCompression(readJsonText("SnapshotCompression", SnapshotCompression$shape, text));
}

/** Like {@link parseSnapshotCompressionJson}, returning the error instead of throwing it. */
export function safeParseSnapshotCompressionJson(text: string): ParseResult<SnapshotCompression> {
  return attempt(parseSnapshotCompressionJson, text);
}

/**
 * Checks a SnapshotCompression given in code.
 *
 * @throws {@link ValidationError} when a value does not fit its type.
 */
export function createSnapshotCompression(input: SnapshotCompression): SnapshotCompression {
  return parseSnapshotCompression(input);
}

/**
 * The wire form of a SnapshotCompression as plain JSON data (omit rules applied); for text use {@link stringifySnapshotCompression}.
 *
 * @throws {@link ValidationError} when the value does not fit its type.
 */
export function serializeSnapshotCompression(value: SnapshotCompression): unknown {
  return toWire(
    "SnapshotCompression",
    SnapshotCompression$shape,
    ensure("SnapshotCompression", readSnapshotCompression, SnapshotCompression$shape, value),
  );
}

/**
 * Writes a SnapshotCompression as JSON text, byte for byte as `serde_json::to_string` (or `to_string_pretty` with `{ pretty: true }`).
 *
 * @throws {@link ValidationError} when the value does not fit its type: nothing Rust would refuse is written.
 */
export function stringifySnapshotCompression(value: SnapshotCompression, options?: StringifyOptions): string {
  return writeJson(
    "SnapshotCompression",
    SnapshotCompression$shape,
    ensure("SnapshotCompression", readSnapshotCompression, SnapshotCompression$shape, value),
    options?.pretty === true,
  );
}

/** Whether `value` can be a SnapshotCompression: any string can. */
export function isSnapshotCompression(value: unknown): value is SnapshotCompression {
  return typeof value === "string";
}

/** SnapshotCompression as a Standard Schema (v1), for tRPC, Hono, form libraries and others: `validate(value)` returns `{ value }` as {@link parseSnapshotCompression} reads it, or `{ issues }`, each with its message and its `path` as a list of keys. */
export const SnapshotCompressionSchema: StandardSchema<SnapshotCompression, SnapshotCompression> =
  /* @__PURE__ */ standardSchema(parseSnapshotCompression);

/**
 * Optional metadata for categorizing and tagging pools.
 * Enables capability-based queries and policies without hardcoding types in Role enum.
 *
 * Reading ignores fields not declared here.
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
export interface PoolMetadataInput {
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
  integration_types?: string[] | undefined;
  /**
   * Arbitrary key-value tags for custom categorization.
   *
   * @defaultValue `{}`
   *
   * Left out of the JSON when empty.
   */
  tags?: Record<string, string> | undefined;
}

/** @internal */
export function readPoolMetadata(v: unknown): PoolMetadata | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  if (Array.isArray(v)) {
    // serde's sequence form: the fields in order.
    const fields = structFromSeq(v, PoolMetadata$shape);
    return fields === undefined ? undefined : readPoolMetadata(fields);
  }
  const o = v as Record<string, unknown>;
  const r0 = o["capability"];
  if (r0 != null && typeof r0 !== "string") return undefined;
  const r1 = o["integration_types"];
  let v1: string[];
  if (r1 === undefined) v1 = [];
  else {
    if (!Array.isArray(r1)) return undefined;
    const a0: string[] = [];
    for (let i1 = 0; i1 < r1.length; i1++) {
      const e2: unknown = r1[i1];
      if (typeof e2 !== "string") return undefined;
      a0.push(e2);
    }
    v1 = a0;
  }
  const r2 = o["tags"];
  let v2: Record<string, string>;
  if (r2 === undefined) v2 = {};
  else {
    if (typeof r2 !== "object" || r2 === null || Array.isArray(r2) || !isPlainObject(r2)) return undefined;
    const m3: Record<string, string> = {};
    for (const k4 of Object.keys(r2)) {
      const e5: unknown = (r2 as Record<string, unknown>)[k4];
      if (typeof e5 !== "string") return undefined;
      if (k4 === "__proto__") setEntry(m3, k4, e5);
      else m3[k4] = e5;
    }
    v2 = m3;
  }
  return { capability: r0 ?? undefined, integration_types: v1, tags: v2 };
}

/** @internal */
export const PoolMetadata$shape: Shape = {
  k: "struct",
  name: "PoolMetadata",
  fields: [
    { key: "capability", type: { k: "optional", inner: { k: "string" } }, required: false, needed: true, omit: 1 },
    {
      key: "integration_types",
      type: { k: "list", element: { k: "string" } },
      required: false,
      needed: false,
      omit: 2,
    },
    { key: "tags", type: { k: "map", value: { k: "string" } }, required: false, needed: false, omit: 2 },
  ],
  deny: false,
};

/**
 * Reads a PoolMetadata from JSON data (`JSON.parse` output): checks it, fills defaults and returns a fresh value; the input is never modified.
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parsePoolMetadata(input: unknown): PoolMetadata {
  let value: PoolMetadata | undefined;
  try {
    value = readPoolMetadata(readable(input));
  } catch {
    value = undefined;
  }
  if (value === undefined) throw invalid("PoolMetadata", PoolMetadata$shape, input);
  return value;
}

/** Like {@link parsePoolMetadata}, returning the error instead of throwing it. */
export function safeParsePoolMetadata(input: unknown): ParseResult<PoolMetadata> {
  return attempt(parsePoolMetadata, input);
}

/**
 * Reads a PoolMetadata from JSON text as `serde_json::from_str` does, seeing what `JSON.parse` erases (repeated fields, `1.0` for an integer, integers beyond 2^53).
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parsePoolMetadataJson(text: string): PoolMetadata {
  return parsePoolMetadata(readJsonText("PoolMetadata", PoolMetadata$shape, text));
}

/** Like {@link parsePoolMetadataJson}, returning the error instead of throwing it. */
export function safeParsePoolMetadataJson(text: string): ParseResult<PoolMetadata> {
  return attempt(parsePoolMetadataJson, text);
}

/**
 * Builds a PoolMetadata from typed input, filling the defaults of fields left out (all, without an argument); checked as {@link parsePoolMetadata} checks.
 *
 * @throws {@link ValidationError} when a value does not fit its type.
 */
export function createPoolMetadata(input?: PoolMetadataInput): PoolMetadata {
  return input === undefined ? defaultPoolMetadata() : parsePoolMetadata(input);
}

/** The default PoolMetadata (Rust `Default::default()`), fresh on every call. */
export function defaultPoolMetadata(): PoolMetadata {
  return { capability: undefined, integration_types: [], tags: {} };
}

/**
 * The wire form of a PoolMetadata as plain JSON data (omit rules applied); for text use {@link stringifyPoolMetadata}.
 *
 * @throws {@link ValidationError} when the value does not fit its type.
 */
export function serializePoolMetadata(value: PoolMetadata): unknown {
  return toWire(
    "PoolMetadata",
    PoolMetadata$shape,
    ensure("PoolMetadata", readPoolMetadata, PoolMetadata$shape, value),
  );
}

/**
 * Writes a PoolMetadata as JSON text, byte for byte as `serde_json::to_string` (or `to_string_pretty` with `{ pretty: true }`).
 *
 * @throws {@link ValidationError} when the value does not fit its type: nothing Rust would refuse is written.
 */
export function stringifyPoolMetadata(value: PoolMetadata, options?: StringifyOptions): string {
  return writeJson(
    "PoolMetadata",
    PoolMetadata$shape,
    ensure("PoolMetadata", readPoolMetadata, PoolMetadata$shape, value),
    options?.pretty === true,
  );
}

/** PoolMetadata as a Standard Schema (v1), for tRPC, Hono, form libraries and others: `validate(value)` returns `{ value }` as {@link parsePoolMetadata} reads it, or `{ issues }`, each with its message and its `path` as a list of keys. */
export const PoolMetadataSchema: StandardSchema<PoolMetadataInput, PoolMetadata> =
  /* @__PURE__ */ standardSchema(parsePoolMetadata);

/**
 * Per-pool runtime policy for minimum runtime enforcement and graceful lifecycle.
 *
 * Reading ignores fields not declared here.
 */
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
export interface RuntimePolicyInput {
  /**
   * Minimum seconds an instance must stay Running before eligible for Warm.
   *
   * @defaultValue `60`
   */
  min_running_seconds?: number | undefined;
  /**
   * Minimum seconds an instance must stay Warm before eligible for Sleep.
   *
   * @defaultValue `30`
   */
  min_warm_seconds?: number | undefined;
  /**
   * Maximum seconds to wait for guest drain ACK before forcing sleep.
   *
   * @defaultValue `30`
   */
  drain_timeout_seconds?: number | undefined;
  /**
   * Maximum seconds for graceful shutdown before SIGKILL.
   *
   * @defaultValue `15`
   */
  graceful_shutdown_seconds?: number | undefined;
}

/** @internal */
export function readRuntimePolicy(v: unknown): RuntimePolicy | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  if (Array.isArray(v)) {
    // serde's sequence form: the fields in order.
    const fields = structFromSeq(v, RuntimePolicy$shape);
    return fields === undefined ? undefined : readRuntimePolicy(fields);
  }
  const o = v as Record<string, unknown>;
  const r0 = o["min_running_seconds"];
  if (r0 !== undefined && !(typeof r0 === "number" && r0 >= 0 && r0 <= 9007199254740992 && r0 % 1 === 0))
    return undefined;
  const r1 = o["min_warm_seconds"];
  if (r1 !== undefined && !(typeof r1 === "number" && r1 >= 0 && r1 <= 9007199254740992 && r1 % 1 === 0))
    return undefined;
  const r2 = o["drain_timeout_seconds"];
  if (r2 !== undefined && !(typeof r2 === "number" && r2 >= 0 && r2 <= 9007199254740992 && r2 % 1 === 0))
    return undefined;
  const r3 = o["graceful_shutdown_seconds"];
  if (r3 !== undefined && !(typeof r3 === "number" && r3 >= 0 && r3 <= 9007199254740992 && r3 % 1 === 0))
    return undefined;
  return {
    min_running_seconds: r0 ?? 60,
    min_warm_seconds: r1 ?? 30,
    drain_timeout_seconds: r2 ?? 30,
    graceful_shutdown_seconds: r3 ?? 15,
  };
}

/** @internal */
export const RuntimePolicy$shape: Shape = {
  k: "struct",
  name: "RuntimePolicy",
  fields: [
    {
      key: "min_running_seconds",
      type: { k: "int", name: "u64", min: 0, max: 9007199254740992 },
      required: false,
      needed: false,
      omit: 0,
    },
    {
      key: "min_warm_seconds",
      type: { k: "int", name: "u64", min: 0, max: 9007199254740992 },
      required: false,
      needed: false,
      omit: 0,
    },
    {
      key: "drain_timeout_seconds",
      type: { k: "int", name: "u64", min: 0, max: 9007199254740992 },
      required: false,
      needed: false,
      omit: 0,
    },
    {
      key: "graceful_shutdown_seconds",
      type: { k: "int", name: "u64", min: 0, max: 9007199254740992 },
      required: false,
      needed: false,
      omit: 0,
    },
  ],
  deny: false,
};

/**
 * Reads a RuntimePolicy from JSON data (`JSON.parse` output): checks it, fills defaults and returns a fresh value; the input is never modified.
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseRuntimePolicy(input: unknown): RuntimePolicy {
  let value: RuntimePolicy | undefined;
  try {
    value = readRuntimePolicy(readable(input));
  } catch {
    value = undefined;
  }
  if (value === undefined) throw invalid("RuntimePolicy", RuntimePolicy$shape, input);
  return value;
}

/** Like {@link parseRuntimePolicy}, returning the error instead of throwing it. */
export function safeParseRuntimePolicy(input: unknown): ParseResult<RuntimePolicy> {
  return attempt(parseRuntimePolicy, input);
}

/**
 * Reads a RuntimePolicy from JSON text as `serde_json::from_str` does, seeing what `JSON.parse` erases (repeated fields, `1.0` for an integer, integers beyond 2^53).
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseRuntimePolicyJson(text: string): RuntimePolicy {
  return parseRuntimePolicy(readJsonText("RuntimePolicy", RuntimePolicy$shape, text));
}

/** Like {@link parseRuntimePolicyJson}, returning the error instead of throwing it. */
export function safeParseRuntimePolicyJson(text: string): ParseResult<RuntimePolicy> {
  return attempt(parseRuntimePolicyJson, text);
}

/**
 * Builds a RuntimePolicy from typed input, filling the defaults of fields left out (all, without an argument); checked as {@link parseRuntimePolicy} checks.
 *
 * @throws {@link ValidationError} when a value does not fit its type.
 */
export function createRuntimePolicy(input?: RuntimePolicyInput): RuntimePolicy {
  return input === undefined ? defaultRuntimePolicy() : parseRuntimePolicy(input);
}

/** The default RuntimePolicy (Rust `Default::default()`), fresh on every call. */
export function defaultRuntimePolicy(): RuntimePolicy {
  return { min_running_seconds: 60, min_warm_seconds: 30, drain_timeout_seconds: 30, graceful_shutdown_seconds: 15 };
}

/**
 * The wire form of a RuntimePolicy as plain JSON data (omit rules applied); for text use {@link stringifyRuntimePolicy}.
 *
 * @throws {@link ValidationError} when the value does not fit its type.
 */
export function serializeRuntimePolicy(value: RuntimePolicy): unknown {
  return toWire(
    "RuntimePolicy",
    RuntimePolicy$shape,
    ensure("RuntimePolicy", readRuntimePolicy, RuntimePolicy$shape, value),
  );
}

/**
 * Writes a RuntimePolicy as JSON text, byte for byte as `serde_json::to_string` (or `to_string_pretty` with `{ pretty: true }`).
 *
 * @throws {@link ValidationError} when the value does not fit its type: nothing Rust would refuse is written.
 */
export function stringifyRuntimePolicy(value: RuntimePolicy, options?: StringifyOptions): string {
  return writeJson(
    "RuntimePolicy",
    RuntimePolicy$shape,
    ensure("RuntimePolicy", readRuntimePolicy, RuntimePolicy$shape, value),
    options?.pretty === true,
  );
}

/** RuntimePolicy as a Standard Schema (v1), for tRPC, Hono, form libraries and others: `validate(value)` returns `{ value }` as {@link parseRuntimePolicy} reads it, or `{ issues }`, each with its message and its `path` as a list of keys. */
export const RuntimePolicySchema: StandardSchema<RuntimePolicyInput, RuntimePolicy> =
  /* @__PURE__ */ standardSchema(parseRuntimePolicy);

/**
 * A WorkerPool defines a homogeneous group of instances within a tenant.
 * Has desired counts but NO runtime state.
 *
 * Reading ignores fields not declared here.
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
export interface PoolSpecInput {
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
  role?: Role | undefined;
  instance_resources: InstanceResourcesInput;
  desired_counts: DesiredCountsInput;
  /**
   * Minimum runtime policy for this pool's instances.
   *
   * @defaultValue `defaultRuntimePolicy()` (the type's default)
   */
  runtime_policy?: RuntimePolicyInput | undefined;
  /**
   * Optional metadata for capability tagging and categorization.
   *
   * @defaultValue `defaultPoolMetadata()` (the type's default)
   */
  metadata?: PoolMetadataInput | undefined;
  /**
   * "baseline" | "strict"
   *
   * @defaultValue `"baseline"`
   */
  seccomp_policy?: SeccompPolicy | undefined;
  /**
   * "none" | "lz4" | "zstd"
   *
   * @defaultValue `"none"`
   */
  snapshot_compression?: SnapshotCompression | undefined;
  /** @defaultValue `false` */
  metadata_enabled?: boolean | undefined;
  /**
   * If true, reconcile won't auto-sleep this pool's instances.
   *
   * @defaultValue `false`
   */
  pinned?: boolean | undefined;
  /**
   * If true, reconcile won't touch this pool at all.
   *
   * @defaultValue `false`
   */
  critical?: boolean | undefined;
  /**
   * Per-integration secret scoping. When non-empty, secrets are split
   * into per-integration directories on the secrets drive.
   *
   * @defaultValue `[]`
   */
  secret_scopes?: SecretScopeInput[] | undefined;
  /**
   * Optional template reference for shared base image.
   *
   * @defaultValue `""`
   */
  template_id?: string | undefined;
}

/** @internal */
export function readPoolSpec(v: unknown): PoolSpec | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  if (Array.isArray(v)) {
    // serde's sequence form: the fields in order.
    const fields = structFromSeq(v, PoolSpec$shape);
    return fields === undefined ? undefined : readPoolSpec(fields);
  }
  const o = v as Record<string, unknown>;
  const r0 = o["pool_id"];
  if (typeof r0 !== "string") return undefined;
  const r1 = o["tenant_id"];
  if (typeof r1 !== "string") return undefined;
  const r2 = o["flake_ref"];
  if (typeof r2 !== "string") return undefined;
  const r3 = o["profile"];
  if (typeof r3 !== "string") return undefined;
  const r4 = o["role"];
  const v4 =
    r4 === undefined
      ? "worker"
      : r4 === "gateway" || r4 === "worker" || r4 === "builder" || r4 === "capability-imessage"
        ? r4
        : readRole(r4);
  if (v4 === undefined) return undefined;
  const r5 = o["instance_resources"];
  const s0 = readInstanceResources(r5);
  if (s0 === undefined) return undefined;
  const r6 = o["desired_counts"];
  const s1 = readDesiredCounts(r6);
  if (s1 === undefined) return undefined;
  const r7 = o["runtime_policy"];
  const v7 = r7 === undefined ? defaultRuntimePolicy() : readRuntimePolicy(r7);
  if (v7 === undefined) return undefined;
  const r8 = o["metadata"];
  const v8 = r8 === undefined ? defaultPoolMetadata() : readPoolMetadata(r8);
  if (v8 === undefined) return undefined;
  const r9 = o["seccomp_policy"];
  if (r9 !== undefined && typeof r9 !== "string") return undefined;
  const r10 = o["snapshot_compression"];
  if (r10 !== undefined && typeof r10 !== "string") return undefined;
  const r11 = o["metadata_enabled"];
  if (r11 !== undefined && typeof r11 !== "boolean") return undefined;
  const r12 = o["pinned"];
  if (r12 !== undefined && typeof r12 !== "boolean") return undefined;
  const r13 = o["critical"];
  if (r13 !== undefined && typeof r13 !== "boolean") return undefined;
  const r14 = o["secret_scopes"];
  let v14: SecretScope[];
  if (r14 === undefined) v14 = [];
  else {
    if (!Array.isArray(r14)) return undefined;
    const a2: SecretScope[] = [];
    for (let i3 = 0; i3 < r14.length; i3++) {
      const e4: unknown = r14[i3];
      const s5 = readSecretScope(e4);
      if (s5 === undefined) return undefined;
      a2.push(s5);
    }
    v14 = a2;
  }
  const r15 = o["template_id"];
  if (r15 !== undefined && typeof r15 !== "string") return undefined;
  return {
    pool_id: r0,
    tenant_id: r1,
    flake_ref: r2,
    profile: r3,
    role: v4,
    instance_resources: s0,
    desired_counts: s1,
    runtime_policy: v7,
    metadata: v8,
    seccomp_policy: r9 ?? "baseline",
    snapshot_compression: r10 ?? "none",
    metadata_enabled: r11 ?? false,
    pinned: r12 ?? false,
    critical: r13 ?? false,
    secret_scopes: v14,
    template_id: r15 ?? "",
  };
}

/** @internal */
export const PoolSpec$shape: Shape = {
  k: "struct",
  name: "PoolSpec",
  fields: [
    { key: "pool_id", type: { k: "string" }, required: true, needed: true, omit: 0 },
    { key: "tenant_id", type: { k: "string" }, required: true, needed: true, omit: 0 },
    { key: "flake_ref", type: { k: "string" }, required: true, needed: true, omit: 0 },
    { key: "profile", type: { k: "string" }, required: true, needed: true, omit: 0 },
    { key: "role", type: { k: "ref", get: () => Role$shape }, required: false, needed: false, omit: 0 },
    {
      key: "instance_resources",
      type: { k: "ref", get: () => InstanceResources$shape },
      required: true,
      needed: true,
      omit: 0,
    },
    {
      key: "desired_counts",
      type: { k: "ref", get: () => DesiredCounts$shape },
      required: true,
      needed: true,
      omit: 0,
    },
    {
      key: "runtime_policy",
      type: { k: "ref", get: () => RuntimePolicy$shape },
      required: false,
      needed: false,
      omit: 0,
    },
    { key: "metadata", type: { k: "ref", get: () => PoolMetadata$shape }, required: false, needed: false, omit: 0 },
    {
      key: "seccomp_policy",
      type: { k: "ref", get: () => SeccompPolicy$shape },
      required: false,
      needed: false,
      omit: 0,
    },
    {
      key: "snapshot_compression",
      type: { k: "ref", get: () => SnapshotCompression$shape },
      required: false,
      needed: false,
      omit: 0,
    },
    { key: "metadata_enabled", type: { k: "bool" }, required: false, needed: false, omit: 0 },
    { key: "pinned", type: { k: "bool" }, required: false, needed: false, omit: 0 },
    { key: "critical", type: { k: "bool" }, required: false, needed: false, omit: 0 },
    {
      key: "secret_scopes",
      type: { k: "list", element: { k: "ref", get: () => SecretScope$shape } },
      required: false,
      needed: false,
      omit: 0,
    },
    { key: "template_id", type: { k: "string" }, required: false, needed: false, omit: 0 },
  ],
  deny: false,
};

/**
 * Reads a PoolSpec from JSON data (`JSON.parse` output): checks it, fills defaults and returns a fresh value; the input is never modified.
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parsePoolSpec(input: unknown): PoolSpec {
  let value: PoolSpec | undefined;
  try {
    value = readPoolSpec(readable(input));
  } catch {
    value = undefined;
  }
  if (value === undefined) throw invalid("PoolSpec", PoolSpec$shape, input);
  return value;
}

/** Like {@link parsePoolSpec}, returning the error instead of throwing it. */
export function safeParsePoolSpec(input: unknown): ParseResult<PoolSpec> {
  return attempt(parsePoolSpec, input);
}

/**
 * Reads a PoolSpec from JSON text as `serde_json::from_str` does, seeing what `JSON.parse` erases (repeated fields, `1.0` for an integer, integers beyond 2^53).
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parsePoolSpecJson(text: string): PoolSpec {
  return parsePoolSpec(readJsonText("PoolSpec", PoolSpec$shape, text));
}

/** Like {@link parsePoolSpecJson}, returning the error instead of throwing it. */
export function safeParsePoolSpecJson(text: string): ParseResult<PoolSpec> {
  return attempt(parsePoolSpecJson, text);
}

/**
 * Builds a PoolSpec from typed input, filling the defaults of fields left out; checked as {@link parsePoolSpec} checks.
 *
 * @throws {@link ValidationError} when a value does not fit its type.
 */
export function createPoolSpec(input: PoolSpecInput): PoolSpec {
  return parsePoolSpec(input);
}

/**
 * The wire form of a PoolSpec as plain JSON data (omit rules applied); for text use {@link stringifyPoolSpec}.
 *
 * @throws {@link ValidationError} when the value does not fit its type.
 */
export function serializePoolSpec(value: PoolSpec): unknown {
  return toWire("PoolSpec", PoolSpec$shape, ensure("PoolSpec", readPoolSpec, PoolSpec$shape, value));
}

/**
 * Writes a PoolSpec as JSON text, byte for byte as `serde_json::to_string` (or `to_string_pretty` with `{ pretty: true }`).
 *
 * @throws {@link ValidationError} when the value does not fit its type: nothing Rust would refuse is written.
 */
export function stringifyPoolSpec(value: PoolSpec, options?: StringifyOptions): string {
  return writeJson(
    "PoolSpec",
    PoolSpec$shape,
    ensure("PoolSpec", readPoolSpec, PoolSpec$shape, value),
    options?.pretty === true,
  );
}

/** PoolSpec as a Standard Schema (v1), for tRPC, Hono, form libraries and others: `validate(value)` returns `{ value }` as {@link parsePoolSpec} reads it, or `{ issues }`, each with its message and its `path` as a list of keys. */
export const PoolSpecSchema: StandardSchema<PoolSpecInput, PoolSpec> = /* @__PURE__ */ standardSchema(parsePoolSpec);

/**
 * Scoped secret delivery: only give an integration the secrets it needs.
 *
 * Reading ignores fields not declared here.
 */
export interface SecretScope {
  /** Integration name (e.g. "whatsapp", "telegram"). */
  integration: string;
  /**
   * Secret key names to include for this integration.
   * Empty means include all keys (no filtering).
   */
  keys: string[];
}

/** Input to {@link createSecretScope}: SecretScope has no defaulted fields, so the same shape. */
export type SecretScopeInput = SecretScope;

/** @internal */
export function readSecretScope(v: unknown): SecretScope | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  if (Array.isArray(v)) {
    // serde's sequence form: the fields in order.
    const fields = structFromSeq(v, SecretScope$shape);
    return fields === undefined ? undefined : readSecretScope(fields);
  }
  const o = v as Record<string, unknown>;
  const r0 = o["integration"];
  if (typeof r0 !== "string") return undefined;
  const r1 = o["keys"];
  if (!Array.isArray(r1)) return undefined;
  const a0: string[] = [];
  for (let i1 = 0; i1 < r1.length; i1++) {
    const e2: unknown = r1[i1];
    if (typeof e2 !== "string") return undefined;
    a0.push(e2);
  }
  return { integration: r0, keys: a0 };
}

/** @internal */
export const SecretScope$shape: Shape = {
  k: "struct",
  name: "SecretScope",
  fields: [
    { key: "integration", type: { k: "string" }, required: true, needed: true, omit: 0 },
    { key: "keys", type: { k: "list", element: { k: "string" } }, required: true, needed: true, omit: 0 },
  ],
  deny: false,
};

/**
 * Reads a SecretScope from JSON data (`JSON.parse` output): checks it, fills defaults and returns a fresh value; the input is never modified.
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseSecretScope(input: unknown): SecretScope {
  let value: SecretScope | undefined;
  try {
    value = readSecretScope(readable(input));
  } catch {
    value = undefined;
  }
  if (value === undefined) throw invalid("SecretScope", SecretScope$shape, input);
  return value;
}

/** Like {@link parseSecretScope}, returning the error instead of throwing it. */
export function safeParseSecretScope(input: unknown): ParseResult<SecretScope> {
  return attempt(parseSecretScope, input);
}

/**
 * Reads a SecretScope from JSON text as `serde_json::from_str` does, seeing what `JSON.parse` erases (repeated fields, `1.0` for an integer, integers beyond 2^53).
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseSecretScopeJson(text: string): SecretScope {
  return parseSecretScope(readJsonText("SecretScope", SecretScope$shape, text));
}

/** Like {@link parseSecretScopeJson}, returning the error instead of throwing it. */
export function safeParseSecretScopeJson(text: string): ParseResult<SecretScope> {
  return attempt(parseSecretScopeJson, text);
}

/**
 * Builds a SecretScope from typed input, filling the defaults of fields left out; checked as {@link parseSecretScope} checks.
 *
 * @throws {@link ValidationError} when a value does not fit its type.
 */
export function createSecretScope(input: SecretScopeInput): SecretScope {
  return parseSecretScope(input);
}

/**
 * The wire form of a SecretScope as plain JSON data (omit rules applied); for text use {@link stringifySecretScope}.
 *
 * @throws {@link ValidationError} when the value does not fit its type.
 */
export function serializeSecretScope(value: SecretScope): unknown {
  return toWire("SecretScope", SecretScope$shape, ensure("SecretScope", readSecretScope, SecretScope$shape, value));
}

/**
 * Writes a SecretScope as JSON text, byte for byte as `serde_json::to_string` (or `to_string_pretty` with `{ pretty: true }`).
 *
 * @throws {@link ValidationError} when the value does not fit its type: nothing Rust would refuse is written.
 */
export function stringifySecretScope(value: SecretScope, options?: StringifyOptions): string {
  return writeJson(
    "SecretScope",
    SecretScope$shape,
    ensure("SecretScope", readSecretScope, SecretScope$shape, value),
    options?.pretty === true,
  );
}

/** SecretScope as a Standard Schema (v1), for tRPC, Hono, form libraries and others: `validate(value)` returns `{ value }` as {@link parseSecretScope} reads it, or `{ issues }`, each with its message and its `path` as a list of keys. */
export const SecretScopeSchema: StandardSchema<SecretScopeInput, SecretScope> =
  /* @__PURE__ */ standardSchema(parseSecretScope);

/**
 * Resource allocation for each instance in the pool.
 *
 * Reading ignores fields not declared here.
 */
export interface InstanceResources {
  vcpus: number;
  mem_mib: number;
  /** @defaultValue `0` */
  data_disk_mib: number;
}

/** Input to {@link createInstanceResources}: a {@link InstanceResources} whose defaulted fields may be left out. */
export interface InstanceResourcesInput {
  vcpus: number;
  mem_mib: number;
  /** @defaultValue `0` */
  data_disk_mib?: number | undefined;
}

/** @internal */
export function readInstanceResources(v: unknown): InstanceResources | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  if (Array.isArray(v)) {
    // serde's sequence form: the fields in order.
    const fields = structFromSeq(v, InstanceResources$shape);
    return fields === undefined ? undefined : readInstanceResources(fields);
  }
  const o = v as Record<string, unknown>;
  const r0 = o["vcpus"];
  if (!(typeof r0 === "number" && (r0 & 0xff) === r0)) return undefined;
  const r1 = o["mem_mib"];
  if (!(typeof r1 === "number" && r1 >>> 0 === r1)) return undefined;
  const r2 = o["data_disk_mib"];
  if (r2 !== undefined && !(typeof r2 === "number" && r2 >>> 0 === r2)) return undefined;
  return { vcpus: r0, mem_mib: r1, data_disk_mib: r2 ?? 0 };
}

/** @internal */
export const InstanceResources$shape: Shape = {
  k: "struct",
  name: "InstanceResources",
  fields: [
    { key: "vcpus", type: { k: "int", name: "u8", min: 0, max: 255 }, required: true, needed: true, omit: 0 },
    { key: "mem_mib", type: { k: "int", name: "u32", min: 0, max: 4294967295 }, required: true, needed: true, omit: 0 },
    {
      key: "data_disk_mib",
      type: { k: "int", name: "u32", min: 0, max: 4294967295 },
      required: false,
      needed: false,
      omit: 0,
    },
  ],
  deny: false,
};

/**
 * Reads an InstanceResources from JSON data (`JSON.parse` output): checks it, fills defaults and returns a fresh value; the input is never modified.
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseInstanceResources(input: unknown): InstanceResources {
  let value: InstanceResources | undefined;
  try {
    value = readInstanceResources(readable(input));
  } catch {
    value = undefined;
  }
  if (value === undefined) throw invalid("InstanceResources", InstanceResources$shape, input);
  return value;
}

/** Like {@link parseInstanceResources}, returning the error instead of throwing it. */
export function safeParseInstanceResources(input: unknown): ParseResult<InstanceResources> {
  return attempt(parseInstanceResources, input);
}

/**
 * Reads an InstanceResources from JSON text as `serde_json::from_str` does, seeing what `JSON.parse` erases (repeated fields, `1.0` for an integer, integers beyond 2^53).
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseInstanceResourcesJson(text: string): InstanceResources {
  return parseInstanceResources(readJsonText("InstanceResources", InstanceResources$shape, text));
}

/** Like {@link parseInstanceResourcesJson}, returning the error instead of throwing it. */
export function safeParseInstanceResourcesJson(text: string): ParseResult<InstanceResources> {
  return attempt(parseInstanceResourcesJson, text);
}

/**
 * Builds an InstanceResources from typed input, filling the defaults of fields left out; checked as {@link parseInstanceResources} checks.
 *
 * @throws {@link ValidationError} when a value does not fit its type.
 */
export function createInstanceResources(input: InstanceResourcesInput): InstanceResources {
  return parseInstanceResources(input);
}

/**
 * The wire form of an InstanceResources as plain JSON data (omit rules applied); for text use {@link stringifyInstanceResources}.
 *
 * @throws {@link ValidationError} when the value does not fit its type.
 */
export function serializeInstanceResources(value: InstanceResources): unknown {
  return toWire(
    "InstanceResources",
    InstanceResources$shape,
    ensure("InstanceResources", readInstanceResources, InstanceResources$shape, value),
  );
}

/**
 * Writes an InstanceResources as JSON text, byte for byte as `serde_json::to_string` (or `to_string_pretty` with `{ pretty: true }`).
 *
 * @throws {@link ValidationError} when the value does not fit its type: nothing Rust would refuse is written.
 */
export function stringifyInstanceResources(value: InstanceResources, options?: StringifyOptions): string {
  return writeJson(
    "InstanceResources",
    InstanceResources$shape,
    ensure("InstanceResources", readInstanceResources, InstanceResources$shape, value),
    options?.pretty === true,
  );
}

/** InstanceResources as a Standard Schema (v1), for tRPC, Hono, form libraries and others: `validate(value)` returns `{ value }` as {@link parseInstanceResources} reads it, or `{ issues }`, each with its message and its `path` as a list of keys. */
export const InstanceResourcesSchema: StandardSchema<InstanceResourcesInput, InstanceResources> =
  /* @__PURE__ */ standardSchema(parseInstanceResources);

/**
 * Desired instance counts by status, evaluated by the reconcile loop.
 *
 * Reading ignores fields not declared here.
 */
export interface DesiredCounts {
  running: number;
  warm: number;
  sleeping: number;
}

/** Input to {@link createDesiredCounts}: DesiredCounts has no defaulted fields, so the same shape. */
export type DesiredCountsInput = DesiredCounts;

/** @internal */
export function readDesiredCounts(v: unknown): DesiredCounts | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  if (Array.isArray(v)) {
    // serde's sequence form: the fields in order.
    const fields = structFromSeq(v, DesiredCounts$shape);
    return fields === undefined ? undefined : readDesiredCounts(fields);
  }
  const o = v as Record<string, unknown>;
  const r0 = o["running"];
  if (!(typeof r0 === "number" && r0 >>> 0 === r0)) return undefined;
  const r1 = o["warm"];
  if (!(typeof r1 === "number" && r1 >>> 0 === r1)) return undefined;
  const r2 = o["sleeping"];
  if (!(typeof r2 === "number" && r2 >>> 0 === r2)) return undefined;
  return { running: r0, warm: r1, sleeping: r2 };
}

/** @internal */
export const DesiredCounts$shape: Shape = {
  k: "struct",
  name: "DesiredCounts",
  fields: [
    { key: "running", type: { k: "int", name: "u32", min: 0, max: 4294967295 }, required: true, needed: true, omit: 0 },
    { key: "warm", type: { k: "int", name: "u32", min: 0, max: 4294967295 }, required: true, needed: true, omit: 0 },
    {
      key: "sleeping",
      type: { k: "int", name: "u32", min: 0, max: 4294967295 },
      required: true,
      needed: true,
      omit: 0,
    },
  ],
  deny: false,
};

/**
 * Reads a DesiredCounts from JSON data (`JSON.parse` output): checks it, fills defaults and returns a fresh value; the input is never modified.
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseDesiredCounts(input: unknown): DesiredCounts {
  let value: DesiredCounts | undefined;
  try {
    value = readDesiredCounts(readable(input));
  } catch {
    value = undefined;
  }
  if (value === undefined) throw invalid("DesiredCounts", DesiredCounts$shape, input);
  return value;
}

/** Like {@link parseDesiredCounts}, returning the error instead of throwing it. */
export function safeParseDesiredCounts(input: unknown): ParseResult<DesiredCounts> {
  return attempt(parseDesiredCounts, input);
}

/**
 * Reads a DesiredCounts from JSON text as `serde_json::from_str` does, seeing what `JSON.parse` erases (repeated fields, `1.0` for an integer, integers beyond 2^53).
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseDesiredCountsJson(text: string): DesiredCounts {
  return parseDesiredCounts(readJsonText("DesiredCounts", DesiredCounts$shape, text));
}

/** Like {@link parseDesiredCountsJson}, returning the error instead of throwing it. */
export function safeParseDesiredCountsJson(text: string): ParseResult<DesiredCounts> {
  return attempt(parseDesiredCountsJson, text);
}

/**
 * Builds a DesiredCounts from typed input, filling the defaults of fields left out; checked as {@link parseDesiredCounts} checks.
 *
 * @throws {@link ValidationError} when a value does not fit its type.
 */
export function createDesiredCounts(input: DesiredCountsInput): DesiredCounts {
  return parseDesiredCounts(input);
}

/** The default DesiredCounts (Rust `Default::default()`), fresh on every call. */
export function defaultDesiredCounts(): DesiredCounts {
  return { running: 0, warm: 0, sleeping: 0 };
}

/**
 * The wire form of a DesiredCounts as plain JSON data (omit rules applied); for text use {@link stringifyDesiredCounts}.
 *
 * @throws {@link ValidationError} when the value does not fit its type.
 */
export function serializeDesiredCounts(value: DesiredCounts): unknown {
  return toWire(
    "DesiredCounts",
    DesiredCounts$shape,
    ensure("DesiredCounts", readDesiredCounts, DesiredCounts$shape, value),
  );
}

/**
 * Writes a DesiredCounts as JSON text, byte for byte as `serde_json::to_string` (or `to_string_pretty` with `{ pretty: true }`).
 *
 * @throws {@link ValidationError} when the value does not fit its type: nothing Rust would refuse is written.
 */
export function stringifyDesiredCounts(value: DesiredCounts, options?: StringifyOptions): string {
  return writeJson(
    "DesiredCounts",
    DesiredCounts$shape,
    ensure("DesiredCounts", readDesiredCounts, DesiredCounts$shape, value),
    options?.pretty === true,
  );
}

/** DesiredCounts as a Standard Schema (v1), for tRPC, Hono, form libraries and others: `validate(value)` returns `{ value }` as {@link parseDesiredCounts} reads it, or `{ issues }`, each with its message and its `path` as a list of keys. */
export const DesiredCountsSchema: StandardSchema<DesiredCountsInput, DesiredCounts> =
  /* @__PURE__ */ standardSchema(parseDesiredCounts);

/**
 * A completed build revision with artifact locations.
 *
 * Reading ignores fields not declared here.
 */
export interface BuildRevision {
  revision_hash: string;
  flake_ref: string;
  flake_lock_hash: string;
  artifact_paths: ArtifactPaths;
  built_at: string;
}

/** Input to {@link createBuildRevision}: a {@link BuildRevision} whose defaulted fields may be left out. */
export interface BuildRevisionInput {
  revision_hash: string;
  flake_ref: string;
  flake_lock_hash: string;
  artifact_paths: ArtifactPathsInput;
  built_at: string;
}

/** @internal */
export function readBuildRevision(v: unknown): BuildRevision | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  if (Array.isArray(v)) {
    // serde's sequence form: the fields in order.
    const fields = structFromSeq(v, BuildRevision$shape);
    return fields === undefined ? undefined : readBuildRevision(fields);
  }
  const o = v as Record<string, unknown>;
  const r0 = o["revision_hash"];
  if (typeof r0 !== "string") return undefined;
  const r1 = o["flake_ref"];
  if (typeof r1 !== "string") return undefined;
  const r2 = o["flake_lock_hash"];
  if (typeof r2 !== "string") return undefined;
  const r3 = o["artifact_paths"];
  const s0 = readArtifactPaths(r3);
  if (s0 === undefined) return undefined;
  const r4 = o["built_at"];
  if (typeof r4 !== "string") return undefined;
  return { revision_hash: r0, flake_ref: r1, flake_lock_hash: r2, artifact_paths: s0, built_at: r4 };
}

/** @internal */
export const BuildRevision$shape: Shape = {
  k: "struct",
  name: "BuildRevision",
  fields: [
    { key: "revision_hash", type: { k: "string" }, required: true, needed: true, omit: 0 },
    { key: "flake_ref", type: { k: "string" }, required: true, needed: true, omit: 0 },
    { key: "flake_lock_hash", type: { k: "string" }, required: true, needed: true, omit: 0 },
    {
      key: "artifact_paths",
      type: { k: "ref", get: () => ArtifactPaths$shape },
      required: true,
      needed: true,
      omit: 0,
    },
    { key: "built_at", type: { k: "string" }, required: true, needed: true, omit: 0 },
  ],
  deny: false,
};

/**
 * Reads a BuildRevision from JSON data (`JSON.parse` output): checks it, fills defaults and returns a fresh value; the input is never modified.
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseBuildRevision(input: unknown): BuildRevision {
  let value: BuildRevision | undefined;
  try {
    value = readBuildRevision(readable(input));
  } catch {
    value = undefined;
  }
  if (value === undefined) throw invalid("BuildRevision", BuildRevision$shape, input);
  return value;
}

/** Like {@link parseBuildRevision}, returning the error instead of throwing it. */
export function safeParseBuildRevision(input: unknown): ParseResult<BuildRevision> {
  return attempt(parseBuildRevision, input);
}

/**
 * Reads a BuildRevision from JSON text as `serde_json::from_str` does, seeing what `JSON.parse` erases (repeated fields, `1.0` for an integer, integers beyond 2^53).
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseBuildRevisionJson(text: string): BuildRevision {
  return parseBuildRevision(readJsonText("BuildRevision", BuildRevision$shape, text));
}

/** Like {@link parseBuildRevisionJson}, returning the error instead of throwing it. */
export function safeParseBuildRevisionJson(text: string): ParseResult<BuildRevision> {
  return attempt(parseBuildRevisionJson, text);
}

/**
 * Builds a BuildRevision from typed input, filling the defaults of fields left out; checked as {@link parseBuildRevision} checks.
 *
 * @throws {@link ValidationError} when a value does not fit its type.
 */
export function createBuildRevision(input: BuildRevisionInput): BuildRevision {
  return parseBuildRevision(input);
}

/**
 * The wire form of a BuildRevision as plain JSON data (omit rules applied); for text use {@link stringifyBuildRevision}.
 *
 * @throws {@link ValidationError} when the value does not fit its type.
 */
export function serializeBuildRevision(value: BuildRevision): unknown {
  return toWire(
    "BuildRevision",
    BuildRevision$shape,
    ensure("BuildRevision", readBuildRevision, BuildRevision$shape, value),
  );
}

/**
 * Writes a BuildRevision as JSON text, byte for byte as `serde_json::to_string` (or `to_string_pretty` with `{ pretty: true }`).
 *
 * @throws {@link ValidationError} when the value does not fit its type: nothing Rust would refuse is written.
 */
export function stringifyBuildRevision(value: BuildRevision, options?: StringifyOptions): string {
  return writeJson(
    "BuildRevision",
    BuildRevision$shape,
    ensure("BuildRevision", readBuildRevision, BuildRevision$shape, value),
    options?.pretty === true,
  );
}

/** BuildRevision as a Standard Schema (v1), for tRPC, Hono, form libraries and others: `validate(value)` returns `{ value }` as {@link parseBuildRevision} reads it, or `{ issues }`, each with its message and its `path` as a list of keys. */
export const BuildRevisionSchema: StandardSchema<BuildRevisionInput, BuildRevision> =
  /* @__PURE__ */ standardSchema(parseBuildRevision);

/**
 * Paths to build artifacts within the pool's artifact directory.
 *
 * Reading ignores fields not declared here.
 */
export interface ArtifactPaths {
  vmlinux: string;
  rootfs: string;
  fc_base_config: string;
}

/** Input to {@link createArtifactPaths}: ArtifactPaths has no defaulted fields, so the same shape. */
export type ArtifactPathsInput = ArtifactPaths;

/** @internal */
export function readArtifactPaths(v: unknown): ArtifactPaths | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  if (Array.isArray(v)) {
    // serde's sequence form: the fields in order.
    const fields = structFromSeq(v, ArtifactPaths$shape);
    return fields === undefined ? undefined : readArtifactPaths(fields);
  }
  const o = v as Record<string, unknown>;
  const r0 = o["vmlinux"];
  if (typeof r0 !== "string") return undefined;
  const r1 = o["rootfs"];
  if (typeof r1 !== "string") return undefined;
  const r2 = o["fc_base_config"];
  if (typeof r2 !== "string") return undefined;
  return { vmlinux: r0, rootfs: r1, fc_base_config: r2 };
}

/** @internal */
export const ArtifactPaths$shape: Shape = {
  k: "struct",
  name: "ArtifactPaths",
  fields: [
    { key: "vmlinux", type: { k: "string" }, required: true, needed: true, omit: 0 },
    { key: "rootfs", type: { k: "string" }, required: true, needed: true, omit: 0 },
    { key: "fc_base_config", type: { k: "string" }, required: true, needed: true, omit: 0 },
  ],
  deny: false,
};

/**
 * Reads an ArtifactPaths from JSON data (`JSON.parse` output): checks it, fills defaults and returns a fresh value; the input is never modified.
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseArtifactPaths(input: unknown): ArtifactPaths {
  let value: ArtifactPaths | undefined;
  try {
    value = readArtifactPaths(readable(input));
  } catch {
    value = undefined;
  }
  if (value === undefined) throw invalid("ArtifactPaths", ArtifactPaths$shape, input);
  return value;
}

/** Like {@link parseArtifactPaths}, returning the error instead of throwing it. */
export function safeParseArtifactPaths(input: unknown): ParseResult<ArtifactPaths> {
  return attempt(parseArtifactPaths, input);
}

/**
 * Reads an ArtifactPaths from JSON text as `serde_json::from_str` does, seeing what `JSON.parse` erases (repeated fields, `1.0` for an integer, integers beyond 2^53).
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseArtifactPathsJson(text: string): ArtifactPaths {
  return parseArtifactPaths(readJsonText("ArtifactPaths", ArtifactPaths$shape, text));
}

/** Like {@link parseArtifactPathsJson}, returning the error instead of throwing it. */
export function safeParseArtifactPathsJson(text: string): ParseResult<ArtifactPaths> {
  return attempt(parseArtifactPathsJson, text);
}

/**
 * Builds an ArtifactPaths from typed input, filling the defaults of fields left out; checked as {@link parseArtifactPaths} checks.
 *
 * @throws {@link ValidationError} when a value does not fit its type.
 */
export function createArtifactPaths(input: ArtifactPathsInput): ArtifactPaths {
  return parseArtifactPaths(input);
}

/**
 * The wire form of an ArtifactPaths as plain JSON data (omit rules applied); for text use {@link stringifyArtifactPaths}.
 *
 * @throws {@link ValidationError} when the value does not fit its type.
 */
export function serializeArtifactPaths(value: ArtifactPaths): unknown {
  return toWire(
    "ArtifactPaths",
    ArtifactPaths$shape,
    ensure("ArtifactPaths", readArtifactPaths, ArtifactPaths$shape, value),
  );
}

/**
 * Writes an ArtifactPaths as JSON text, byte for byte as `serde_json::to_string` (or `to_string_pretty` with `{ pretty: true }`).
 *
 * @throws {@link ValidationError} when the value does not fit its type: nothing Rust would refuse is written.
 */
export function stringifyArtifactPaths(value: ArtifactPaths, options?: StringifyOptions): string {
  return writeJson(
    "ArtifactPaths",
    ArtifactPaths$shape,
    ensure("ArtifactPaths", readArtifactPaths, ArtifactPaths$shape, value),
    options?.pretty === true,
  );
}

/** ArtifactPaths as a Standard Schema (v1), for tRPC, Hono, form libraries and others: `validate(value)` returns `{ value }` as {@link parseArtifactPaths} reads it, or `{ issues }`, each with its message and its `path` as a list of keys. */
export const ArtifactPathsSchema: StandardSchema<ArtifactPathsInput, ArtifactPaths> =
  /* @__PURE__ */ standardSchema(parseArtifactPaths);

/**
 * A pool's own directory.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/pools/{pool_id}` (Rust `pool_dir`).
 *
 * @param tenantId - `tenant_id` (a {@link Id})
 * @param poolId - `pool_id` (a {@link Id})
 * @param options - `root` replaces {@link TENANT_BASE}.
 * @throws {@link ValidationError} when an argument is not a single safe path segment or breaks its type's rule, so no path can leave the tree.
 */
export function poolDir(tenantId: Id, poolId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "pool_dir")}/${pathSegment(tenantId, "tenant_id", "pool_dir", Id$problem)}/pools/${pathSegment(poolId, "pool_id", "pool_dir", Id$problem)}`;
}

/**
 * The pool's spec, `pool.json`.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/pools/{pool_id}/pool.json` (Rust `pool_config_path`).
 *
 * @param tenantId - `tenant_id` (a {@link Id})
 * @param poolId - `pool_id` (a {@link Id})
 * @param options - `root` replaces {@link TENANT_BASE}.
 * @throws {@link ValidationError} when an argument is not a single safe path segment or breaks its type's rule, so no path can leave the tree.
 */
export function poolConfigPath(tenantId: Id, poolId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "pool_config_path")}/${pathSegment(tenantId, "tenant_id", "pool_config_path", Id$problem)}/pools/${pathSegment(poolId, "pool_id", "pool_config_path", Id$problem)}/pool.json`;
}

/**
 * Directory holding the pool's build artifacts.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/pools/{pool_id}/artifacts` (Rust `pool_artifacts_dir`).
 *
 * @param tenantId - `tenant_id` (a {@link Id})
 * @param poolId - `pool_id` (a {@link Id})
 * @param options - `root` replaces {@link TENANT_BASE}.
 * @throws {@link ValidationError} when an argument is not a single safe path segment or breaks its type's rule, so no path can leave the tree.
 */
export function poolArtifactsDir(tenantId: Id, poolId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "pool_artifacts_dir")}/${pathSegment(tenantId, "tenant_id", "pool_artifacts_dir", Id$problem)}/pools/${pathSegment(poolId, "pool_id", "pool_artifacts_dir", Id$problem)}/artifacts`;
}

/**
 * Directory holding the pool's instances.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/pools/{pool_id}/instances` (Rust `pool_instances_dir`).
 *
 * @param tenantId - `tenant_id` (a {@link Id})
 * @param poolId - `pool_id` (a {@link Id})
 * @param options - `root` replaces {@link TENANT_BASE}.
 * @throws {@link ValidationError} when an argument is not a single safe path segment or breaks its type's rule, so no path can leave the tree.
 */
export function poolInstancesDir(tenantId: Id, poolId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "pool_instances_dir")}/${pathSegment(tenantId, "tenant_id", "pool_instances_dir", Id$problem)}/pools/${pathSegment(poolId, "pool_id", "pool_instances_dir", Id$problem)}/instances`;
}

/**
 * Directory holding the pool's snapshots.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/pools/{pool_id}/snapshots` (Rust `pool_snapshots_dir`).
 *
 * @param tenantId - `tenant_id` (a {@link Id})
 * @param poolId - `pool_id` (a {@link Id})
 * @param options - `root` replaces {@link TENANT_BASE}.
 * @throws {@link ValidationError} when an argument is not a single safe path segment or breaks its type's rule, so no path can leave the tree.
 */
export function poolSnapshotsDir(tenantId: Id, poolId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "pool_snapshots_dir")}/${pathSegment(tenantId, "tenant_id", "pool_snapshots_dir", Id$problem)}/pools/${pathSegment(poolId, "pool_id", "pool_snapshots_dir", Id$problem)}/snapshots`;
}

/**
 * Directory for pool-level configuration data (mounted as config drive).
 *
 * Path: `{TENANT_BASE}/{tenant_id}/pools/{pool_id}/config` (Rust `pool_config_data_dir`).
 *
 * @param tenantId - `tenant_id` (a {@link Id})
 * @param poolId - `pool_id` (a {@link Id})
 * @param options - `root` replaces {@link TENANT_BASE}.
 * @throws {@link ValidationError} when an argument is not a single safe path segment or breaks its type's rule, so no path can leave the tree.
 */
export function poolConfigDataDir(tenantId: Id, poolId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "pool_config_data_dir")}/${pathSegment(tenantId, "tenant_id", "pool_config_data_dir", Id$problem)}/pools/${pathSegment(poolId, "pool_id", "pool_config_data_dir", Id$problem)}/config`;
}
