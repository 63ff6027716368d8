// @generated from idl/ (all modules). DO NOT EDIT.

export { ValidationError } from "./runtime.js";

export type { IssueCode, ParseResult, PathOptions, StringifyOptions, ValidationIssue } from "./runtime.js";

export {
  IdSchema,
  TENANT_BASE,
  createId,
  isId,
  parseId,
  parseIdJson,
  safeParseId,
  safeParseIdJson,
  serializeId,
  stringifyId,
  tenantAuditLogPath,
  tenantConfigPath,
  tenantDir,
  tenantPoolsDir,
  tenantSecretsPath,
  tenantSshKeyPath,
} from "./tenant.js";

export type { Id } from "./tenant.js";

export * from "./pool.js";
