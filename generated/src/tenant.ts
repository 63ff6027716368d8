// @generated from idl/tenant.yaml. DO NOT EDIT.

import {
  type Create,
  type JsonWriter,
  type Parse,
  type PathOptions,
  type Report,
  STRING,
  type StandardSchema,
  type StringProblem,
  asIs,
  badItem,
  badValue,
  check,
  codePointLength,
  creator,
  guard,
  jsonParser,
  pathRoot,
  pathSegment,
  safe,
  serializer,
  standardSchema,
  stringifier,
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

export function Id$rule(value: string): StringProblem | undefined {
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

function readId(v: unknown, r?: Report): Id {
  if (typeof v !== "string") badItem(r, undefined, v, STRING);
  else {
    const problem = Id$rule(v);
    if (problem !== undefined) badValue(r, problem[0], problem[1]);
  }
  return v;
}

function writeId(w: JsonWriter, v: Id): void {
  w.string(v);
}

export const IdSchema: StandardSchema<Id, Id> = /* @__PURE__ */ standardSchema(readId);

export const parseId: Parse<Id> = (input) => check("Id", readId, input);

export const safeParseId = /* @__PURE__ */ safe(parseId);

export const parseIdJson = /* @__PURE__ */ jsonParser("Id", readId);

export const safeParseIdJson = /* @__PURE__ */ safe(parseIdJson);

export const createId: Create<Id, Id> = /* @__PURE__ */ creator(parseId);

export const stringifyId = /* @__PURE__ */ stringifier("Id", readId, writeId, asIs);

export const serializeId = /* @__PURE__ */ serializer(stringifyId);

export const isId = /* @__PURE__ */ guard(readId);

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
 * @throws {@link ValidationError} unless each argument is one safe path segment of its type.
 */
export function tenantDir(tenantId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "tenant_dir")}/${pathSegment(tenantId, "tenant_id", "tenant_dir", Id$rule)}`;
}

/**
 * The tenant's configuration, `tenant.json`.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/tenant.json` (Rust `tenant_config_path`).
 *
 * @throws {@link ValidationError} unless each argument is one safe path segment of its type.
 */
export function tenantConfigPath(tenantId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "tenant_config_path")}/${pathSegment(tenantId, "tenant_id", "tenant_config_path", Id$rule)}/tenant.json`;
}

/**
 * The tenant's secrets, `secrets.json`.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/secrets.json` (Rust `tenant_secrets_path`).
 *
 * @throws {@link ValidationError} unless each argument is one safe path segment of its type.
 */
export function tenantSecretsPath(tenantId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "tenant_secrets_path")}/${pathSegment(tenantId, "tenant_id", "tenant_secrets_path", Id$rule)}/secrets.json`;
}

/**
 * The tenant's audit log.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/audit.log` (Rust `tenant_audit_log_path`).
 *
 * @throws {@link ValidationError} unless each argument is one safe path segment of its type.
 */
export function tenantAuditLogPath(tenantId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "tenant_audit_log_path")}/${pathSegment(tenantId, "tenant_id", "tenant_audit_log_path", Id$rule)}/audit.log`;
}

/**
 * The tenant's SSH key.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/ssh_key` (Rust `tenant_ssh_key_path`).
 *
 * @throws {@link ValidationError} unless each argument is one safe path segment of its type.
 */
export function tenantSshKeyPath(tenantId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "tenant_ssh_key_path")}/${pathSegment(tenantId, "tenant_id", "tenant_ssh_key_path", Id$rule)}/ssh_key`;
}

/**
 * Directory holding the tenant's worker pools.
 *
 * Path: `{TENANT_BASE}/{tenant_id}/pools` (Rust `tenant_pools_dir`).
 *
 * @throws {@link ValidationError} unless each argument is one safe path segment of its type.
 */
export function tenantPoolsDir(tenantId: Id, options?: PathOptions): string {
  return `${pathRoot(TENANT_BASE, options, "tenant_pools_dir")}/${pathSegment(tenantId, "tenant_id", "tenant_pools_dir", Id$rule)}/pools`;
}
