// @generated from idl/tenant.yaml. DO NOT EDIT.

import {
  attempt,
  codePointLength,
  ensure,
  invalid,
  pathRoot,
  pathSegment,
  readJsonText,
  readable,
  standardSchema,
  toWire,
  writeJson,
  type ParseResult,
  type PathOptions,
  type Shape,
  type StandardSchema,
  type StringProblem,
  type StringifyOptions,
} from "./runtime.js";

/**
 * Tenant or pool identifier, as upstream `naming::validate_id` checks it:
 * 1 to 63 characters, lowercase ASCII letters, digits and `-`,
 * not starting or ending with `-`.
 *
 * Rule: at least 1 character; at most 63 characters; lowercase ASCII letters, digits and '-', not starting or ending with '-'.
 */
export type Id = string;

const Id$pattern = /* @__PURE__ */ new RegExp("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", "u");

/** @internal */
export function Id$problem(value: string): StringProblem | undefined {
  const n = codePointLength(value);
  if (n < 1) return ["too-short", "must be at least 1 character"];
  if (n > 63) return ["too-long", "must be at most 63 characters"];
  if (!Id$pattern.test(value))
    return [
      "pattern-mismatch",
      "must match the Id rule: lowercase ASCII letters, digits and '-', not starting or ending with '-'",
    ];
  return undefined;
}

/** @internal */
export function readId(v: unknown): Id | undefined {
  if (typeof v === "string" && Id$problem(v) === undefined) return v;
  return undefined;
}

/** @internal */
export const Id$shape: Shape = { k: "cstring", name: "Id", problem: Id$problem };

/**
 * Reads an Id from JSON data (`JSON.parse` output): checks it and returns a fresh value; the input is never modified.
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseId(input: unknown): Id {
  let value: Id | undefined;
  try {
    value = readId(readable(input));
  } catch {
    value = undefined;
  }
  if (value === undefined) throw invalid("Id", Id$shape, input);
  return value;
}

/** Like {@link parseId}, returning the error instead of throwing it. */
export function safeParseId(input: unknown): ParseResult<Id> {
  return attempt(parseId, input);
}

/**
 * Reads an Id from JSON text as `serde_json::from_str` does, seeing what `JSON.parse` erases (repeated fields, `1.0` for an integer, integers beyond 2^53).
 *
 * @throws {@link ValidationError} naming every failing path.
 */
export function parseIdJson(text: string): Id {
  return parseId(readJsonText("Id", Id$shape, text));
}

/** Like {@link parseIdJson}, returning the error instead of throwing it. */
export function safeParseIdJson(text: string): ParseResult<Id> {
  return attempt(parseIdJson, text);
}

/**
 * Checks an Id given in code.
 *
 * @throws {@link ValidationError} when a value does not fit its type.
 */
export function createId(input: Id): Id {
  return parseId(input);
}

/**
 * The wire form of an Id as plain JSON data (omit rules applied); for text use {@link stringifyId}.
 *
 * @throws {@link ValidationError} when the value does not fit its type.
 */
export function serializeId(value: Id): unknown {
  return toWire("Id", Id$shape, ensure("Id", readId, Id$shape, value));
}

/**
 * Writes an Id as JSON text, byte for byte as `serde_json::to_string` (or `to_string_pretty` with `{ pretty: true }`).
 *
 * @throws {@link ValidationError} when the value does not fit its type: nothing Rust would refuse is written.
 */
export function stringifyId(value: Id, options?: StringifyOptions): string {
  return writeJson("Id", Id$shape, ensure("Id", readId, Id$shape, value), options?.pretty === true);
}

/** Whether `value` follows the Id rule. */
export function isId(value: unknown): value is Id {
  return readId(value) !== undefined;
}

/** Id as a Standard Schema (v1), for tRPC, Hono, form libraries and others: `validate(value)` returns `{ value }` as {@link parseId} reads it, or `{ issues }`, each with its message and its `path` as a list of keys. */
export const IdSchema: StandardSchema<Id, Id> = /* @__PURE__ */ standardSchema(parseId);

/**
 * Directory under which every tenant's files live.
 *
 * Path helpers start here unless given `{ root }` in their options.
 */
export const TENANT_BASE = "/var/lib/mvm/tenants";

/**
 * A tenant's own directory.
 *
 * Path: `{TENANT_BASE}/{tenant_id}` (Rust `tenant_dir`).
 *
 * @param tenantId - `tenant_id` (a {@link Id})
 * @param options - `root` replaces {@link TENANT_BASE}.
 * @throws {@link ValidationError} when an argument is not a single safe path segment or breaks its type's rule, so no path can leave the tree.
 */
export function tenantDir(tenantId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "tenant_dir")}/${pathSegment(tenantId, "tenant_id", "tenant_dir", Id$problem)}`;
}

/**
 * The tenant's configuration, `tenant.json`.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/tenant.json` (Rust `tenant_config_path`).
 *
 * @param tenantId - `tenant_id` (a {@link Id})
 * @param options - `root` replaces {@link TENANT_BASE}.
 * @throws {@link ValidationError} when an argument is not a single safe path segment or breaks its type's rule, so no path can leave the tree.
 */
export function tenantConfigPath(tenantId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "tenant_config_path")}/${pathSegment(tenantId, "tenant_id", "tenant_config_path", Id$problem)}/tenant.json`;
}

/**
 * The tenant's secrets, `secrets.json`.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/secrets.json` (Rust `tenant_secrets_path`).
 *
 * @param tenantId - `tenant_id` (a {@link Id})
 * @param options - `root` replaces {@link TENANT_BASE}.
 * @throws {@link ValidationError} when an argument is not a single safe path segment or breaks its type's rule, so no path can leave the tree.
 */
export function tenantSecretsPath(tenantId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "tenant_secrets_path")}/${pathSegment(tenantId, "tenant_id", "tenant_secrets_path", Id$problem)}/secrets.json`;
}

/**
 * The tenant's audit log.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/audit.log` (Rust `tenant_audit_log_path`).
 *
 * @param tenantId - `tenant_id` (a {@link Id})
 * @param options - `root` replaces {@link TENANT_BASE}.
 * @throws {@link ValidationError} when an argument is not a single safe path segment or breaks its type's rule, so no path can leave the tree.
 */
export function tenantAuditLogPath(tenantId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "tenant_audit_log_path")}/${pathSegment(tenantId, "tenant_id", "tenant_audit_log_path", Id$problem)}/audit.log`;
}

/**
 * The tenant's SSH key.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/ssh_key` (Rust `tenant_ssh_key_path`).
 *
 * @param tenantId - `tenant_id` (a {@link Id})
 * @param options - `root` replaces {@link TENANT_BASE}.
 * @throws {@link ValidationError} when an argument is not a single safe path segment or breaks its type's rule, so no path can leave the tree.
 */
export function tenantSshKeyPath(tenantId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "tenant_ssh_key_path")}/${pathSegment(tenantId, "tenant_id", "tenant_ssh_key_path", Id$problem)}/ssh_key`;
}

/**
 * Directory holding the tenant's worker pools.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/pools` (Rust `tenant_pools_dir`).
 *
 * @param tenantId - `tenant_id` (a {@link Id})
 * @param options - `root` replaces {@link TENANT_BASE}.
 * @throws {@link ValidationError} when an argument is not a single safe path segment or breaks its type's rule, so no path can leave the tree.
 */
export function tenantPoolsDir(tenantId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "tenant_pools_dir")}/${pathSegment(tenantId, "tenant_id", "tenant_pools_dir", Id$problem)}/pools`;
}
