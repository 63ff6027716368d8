/**
 * The pool model as the tests see it: written out by hand from the Rust source
 * (/work/shared/seed/pool.rs and UPSTREAM.md), independently of the generator, together with a
 * reference writer that formats values as serde_json does. Property tests compare the generated
 * package against this description.
 */
import * as model from "@mvm/pool-model";
import { readFileSync } from "node:fs";
import type { ParseResult, ValidationError } from "@mvm/pool-model";
import type { StandardSchemaV1 } from "@standard-schema/spec";

/** A wire type as serde sees it. */
export type WireType =
  | { readonly k: "string" }
  | { readonly k: "bool" }
  | { readonly k: "int"; readonly name: "u8" | "u32" | "u64"; readonly max: number }
  | { readonly k: "enum"; readonly values: readonly string[] }
  | { readonly k: "open"; readonly known: readonly string[] }
  | { readonly k: "id" }
  | { readonly k: "optional"; readonly inner: WireType }
  | { readonly k: "list"; readonly element: WireType }
  | { readonly k: "map"; readonly value: WireType }
  | { readonly k: "struct"; readonly name: StructName };

export interface Field {
  readonly key: string;
  readonly type: WireType;
  /** serde(default): the value used when the field is missing (a fresh one per call). */
  readonly default?: () => unknown;
  /** skip_serializing_if: Option::is_none or Vec/Map::is_empty. */
  readonly omit?: "if-none" | "if-empty";
}

export const U8 = { k: "int", name: "u8", max: 255 } as const;
export const U32 = { k: "int", name: "u32", max: 4294967295 } as const;
/** u64, limited to 2^53 by the package (beyond that a JavaScript number is not exact). */
export const U64 = { k: "int", name: "u64", max: 2 ** 53 } as const;
const STRING = { k: "string" } as const;
const BOOL = { k: "bool" } as const;

export const ROLES = ["gateway", "worker", "builder", "capability-imessage"] as const;
export const ROLE: WireType = { k: "enum", values: ROLES };
export const SECCOMP: WireType = { k: "open", known: ["baseline", "strict"] };
export const COMPRESSION: WireType = { k: "open", known: ["none", "lz4", "zstd"] };

export type StructName =
  | "PoolMetadata"
  | "RuntimePolicy"
  | "PoolSpec"
  | "SecretScope"
  | "InstanceResources"
  | "DesiredCounts"
  | "BuildRevision"
  | "ArtifactPaths";

export const STRUCTS: Record<StructName, readonly Field[]> = {
  PoolMetadata: [
    { key: "capability", type: { k: "optional", inner: STRING }, omit: "if-none" },
    { key: "integration_types", type: { k: "list", element: STRING }, default: () => [], omit: "if-empty" },
    { key: "tags", type: { k: "map", value: STRING }, default: () => ({}), omit: "if-empty" },
  ],
  RuntimePolicy: [
    { key: "min_running_seconds", type: U64, default: () => 60 },
    { key: "min_warm_seconds", type: U64, default: () => 30 },
    { key: "drain_timeout_seconds", type: U64, default: () => 30 },
    { key: "graceful_shutdown_seconds", type: U64, default: () => 15 },
  ],
  PoolSpec: [
    { key: "pool_id", type: STRING },
    { key: "tenant_id", type: STRING },
    { key: "flake_ref", type: STRING },
    { key: "profile", type: STRING },
    { key: "role", type: ROLE, default: () => "worker" },
    { key: "instance_resources", type: { k: "struct", name: "InstanceResources" } },
    { key: "desired_counts", type: { k: "struct", name: "DesiredCounts" } },
    {
      key: "runtime_policy",
      type: { k: "struct", name: "RuntimePolicy" },
      default: () => ({ min_running_seconds: 60, min_warm_seconds: 30, drain_timeout_seconds: 30, graceful_shutdown_seconds: 15 }),
    },
    {
      key: "metadata",
      type: { k: "struct", name: "PoolMetadata" },
      default: () => ({ capability: undefined, integration_types: [], tags: {} }),
    },
    { key: "seccomp_policy", type: SECCOMP, default: () => "baseline" },
    { key: "snapshot_compression", type: COMPRESSION, default: () => "none" },
    { key: "metadata_enabled", type: BOOL, default: () => false },
    { key: "pinned", type: BOOL, default: () => false },
    { key: "critical", type: BOOL, default: () => false },
    { key: "secret_scopes", type: { k: "list", element: { k: "struct", name: "SecretScope" } }, default: () => [] },
    { key: "template_id", type: STRING, default: () => "" },
  ],
  SecretScope: [
    { key: "integration", type: STRING },
    { key: "keys", type: { k: "list", element: STRING } },
  ],
  InstanceResources: [
    { key: "vcpus", type: U8 },
    { key: "mem_mib", type: U32 },
    { key: "data_disk_mib", type: U32, default: () => 0 },
  ],
  DesiredCounts: [
    { key: "running", type: U32 },
    { key: "warm", type: U32 },
    { key: "sleeping", type: U32 },
  ],
  BuildRevision: [
    { key: "revision_hash", type: STRING },
    { key: "flake_ref", type: STRING },
    { key: "flake_lock_hash", type: STRING },
    { key: "artifact_paths", type: { k: "struct", name: "ArtifactPaths" } },
    { key: "built_at", type: STRING },
  ],
  ArtifactPaths: [
    { key: "vmlinux", type: STRING },
    { key: "rootfs", type: STRING },
    { key: "fc_base_config", type: STRING },
  ],
};

export function fieldsOf(name: StructName): readonly Field[] {
  return STRUCTS[name];
}

/** Every type the package exports readers for, with its wire type. */
export const TYPES = {
  Id: { k: "id" },
  Role: ROLE,
  SeccompPolicy: SECCOMP,
  SnapshotCompression: COMPRESSION,
  PoolMetadata: { k: "struct", name: "PoolMetadata" },
  RuntimePolicy: { k: "struct", name: "RuntimePolicy" },
  PoolSpec: { k: "struct", name: "PoolSpec" },
  SecretScope: { k: "struct", name: "SecretScope" },
  InstanceResources: { k: "struct", name: "InstanceResources" },
  DesiredCounts: { k: "struct", name: "DesiredCounts" },
  BuildRevision: { k: "struct", name: "BuildRevision" },
  ArtifactPaths: { k: "struct", name: "ArtifactPaths" },
} as const satisfies Record<string, WireType>;

export type TypeName = keyof typeof TYPES;
export const TYPE_NAMES = Object.keys(TYPES) as TypeName[];

/** Every field name of the model (used to make hostile inputs look almost right). */
export const FIELD_NAMES: readonly string[] = [...new Set(Object.values(STRUCTS).flatMap((fs) => fs.map((f) => f.key)))];

/** The generated functions of one type. */
export interface TypeApi {
  readonly name: TypeName;
  readonly wire: WireType;
  readonly parse: (input: unknown) => unknown;
  readonly safeParse: (input: unknown) => ParseResult<unknown>;
  readonly parseJson: (text: string) => unknown;
  readonly safeParseJson: (text: string) => ParseResult<unknown>;
  readonly stringify: (value: unknown, options?: { pretty?: boolean }) => string;
  readonly serialize: (value: unknown) => unknown;
  /** `<T>Schema`, the type as a Standard Schema, typed as the spec declares it. */
  readonly standard: StandardSchemaV1;
  /** File name of its JSON Schema under generated/schema/. */
  readonly schemaFile: string;
}

const kebab = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

export function api(name: TypeName): TypeApi {
  const m = model as unknown as Record<string, unknown>;
  const get = <F>(fn: string): F => {
    const f = m[fn];
    if (typeof f !== "function") throw new Error(`@mvm/pool-model exports no function ${fn}`);
    return f as F;
  };
  return {
    name,
    wire: TYPES[name],
    parse: get(`parse${name}`),
    safeParse: get(`safeParse${name}`),
    parseJson: get(`parse${name}Json`),
    safeParseJson: get(`safeParse${name}Json`),
    stringify: get(`stringify${name}`),
    serialize: get(`serialize${name}`),
    standard: standardSchemaOf(m[`${name}Schema`], name),
    schemaFile: `${kebab(name)}.schema.json`,
  };
}

export const APIS: readonly TypeApi[] = TYPE_NAMES.map(api);

function standardSchemaOf(value: unknown, name: string): StandardSchemaV1 {
  const props = (value as { "~standard"?: { validate?: unknown } } | undefined)?.["~standard"];
  if (typeof props?.validate !== "function") throw new Error(`@mvm/pool-model exports no Standard Schema ${name}Schema`);
  return value as StandardSchemaV1;
}

/** What a Standard Schema must answer for a parse outcome: the value, or each issue's message and keys. */
export function standardResult(parsed: ParseResult<unknown>): StandardSchemaV1.Result<unknown> {
  if (parsed.ok) return { value: parsed.value };
  return { issues: parsed.error.issues.map((i) => ({ message: i.message, path: i.keys })) };
}

export const SCHEMA_DIR = new URL("../../generated/schema/", import.meta.url);

export function readSchema(a: TypeApi): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(a.schemaFile, SCHEMA_DIR), "utf8")) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// A reference writer: serde_json::to_string / to_string_pretty, written from serde_json's rules
// (fields in declaration order, skip_serializing_if, BTreeMap keys in byte order of their UTF-8,
// which is code point order; two-space indent; `[]` and `{}` for empty collections).

/** Compares by Unicode code point (the order of UTF-8 bytes), independently of the runtime. */
export function byCodePoint(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** serde_json's string escaping: the same as JSON.stringify for well-formed strings. */
function quote(s: string): string {
  if (!s.isWellFormed()) throw new Error("reference writer: lone surrogate");
  return JSON.stringify(s);
}

function isEmptyValue(v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === "object" && v !== null) return Object.keys(v).length === 0;
  return false;
}

function isOmitted(f: Field, v: unknown): boolean {
  if (f.omit === "if-none") return v === undefined || v === null;
  if (f.omit === "if-empty") return isEmptyValue(v);
  return false;
}

/** The JSON text serde_json writes for `value` of wire type `t`. */
export function serdeText(t: WireType, value: unknown, pretty = false, indent = ""): string {
  const inner = pretty ? `${indent}  ` : "";
  const nl = pretty ? "\n" : "";
  const colon = pretty ? ": " : ":";
  switch (t.k) {
    case "string":
    case "enum":
    case "open":
    case "id":
      return quote(value as string);
    case "bool":
    case "int":
      return String(value);
    case "optional":
      return value === undefined || value === null ? "null" : serdeText(t.inner, value, pretty, indent);
    case "list": {
      const items = value as unknown[];
      if (items.length === 0) return "[]";
      return `[${nl}${items.map((v) => inner + serdeText(t.element, v, pretty, inner)).join(`,${nl}`)}${nl}${indent}]`;
    }
    case "map": {
      const map = value as Record<string, unknown>;
      const keys = Object.keys(map).sort(byCodePoint);
      if (keys.length === 0) return "{}";
      return `{${nl}${keys.map((k) => `${inner}${quote(k)}${colon}${serdeText(t.value, map[k], pretty, inner)}`).join(`,${nl}`)}${nl}${indent}}`;
    }
    case "struct": {
      const obj = value as Record<string, unknown>;
      const parts = fieldsOf(t.name)
        .filter((f) => !isOmitted(f, obj[f.key]))
        .map((f) => `${inner}${quote(f.key)}${colon}${serdeText(f.type, obj[f.key], pretty, inner)}`);
      if (parts.length === 0) return "{}";
      return `{${nl}${parts.join(`,${nl}`)}${nl}${indent}}`;
    }
  }
}

/** Whether two values of a wire type are the same value (by their serde text). */
export function sameValue(t: WireType, a: unknown, b: unknown): boolean {
  return serdeText(t, a) === serdeText(t, b);
}

// ---------------------------------------------------------------------------------------------
// Checks shared by the property tests.

export const ISSUE_CODES: ReadonlySet<string> = new Set([
  "invalid-type",
  "missing-field",
  "unknown-field",
  "not-an-integer",
  "out-of-range",
  "unsafe-integer",
  "unknown-variant",
  "invalid-string",
  "too-short",
  "too-long",
  "pattern-mismatch",
  "invalid-length",
  "duplicate-field",
  "invalid-json",
  "unreadable-value",
  "too-many-issues",
]);

/** RFC 6901: "" or a sequence of "/" + reference tokens, with "~" only as "~0" or "~1". */
export const JSON_POINTER = /^(?:\/(?:[^~/]|~[01])*)*$/u;

/** Why `error` is not a well-formed ValidationError, or undefined when it is. */
export function badValidationError(error: unknown): string | undefined {
  if (!(error instanceof model.ValidationError)) {
    return `not a ValidationError: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
  const e = error as ValidationError;
  if (!Array.isArray(e.issues) || e.issues.length === 0) return "a ValidationError without issues";
  for (const issue of e.issues) {
    if (typeof issue.path !== "string" || !JSON_POINTER.test(issue.path)) {
      return `issue path ${JSON.stringify(issue.path)} is not a JSON Pointer`;
    }
    const keys: unknown = issue.keys;
    if (!Array.isArray(keys) || !keys.every((k: unknown) => typeof k === "string" || (Number.isSafeInteger(k) && (k as number) >= 0))) {
      return `issue keys ${JSON.stringify(issue.keys)} are not a list of strings and indexes`;
    }
    if (pointerOf(issue.keys) !== issue.path) {
      return `issue keys ${JSON.stringify(issue.keys)} name another place than its path ${JSON.stringify(issue.path)}`;
    }
    if (!ISSUE_CODES.has(issue.code)) return `unknown issue code ${JSON.stringify(issue.code)}`;
    if (typeof issue.message !== "string" || issue.message === "") return "an issue without a message";
  }
  if (typeof e.message !== "string" || e.message === "") return "a ValidationError without a message";
  return undefined;
}

/** The JSON Pointer of a list of keys (RFC 6901: "~" as "~0", "/" as "~1"). */
export function pointerOf(keys: readonly (string | number)[]): string {
  return keys.map((k) => `/${String(k).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/**
 * Whether a list of keys names an existing place of a JSON value, each key of the right kind: a
 * number indexes an array, a string names an own key of an object that is not an array.
 */
export function keysExist(root: unknown, keys: readonly (string | number)[]): boolean {
  let node: unknown = root;
  for (const key of keys) {
    if (typeof node !== "object" || node === null) return false;
    if (typeof key === "number") {
      if (!Array.isArray(node) || key >= node.length) return false;
    } else if (Array.isArray(node) || !Object.prototype.hasOwnProperty.call(node, key)) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

/** Decodes a JSON Pointer into its reference tokens. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Whether a JSON Pointer names an existing place of a JSON value (own properties only). */
export function pointerExists(root: unknown, pointer: string): boolean {
  let node: unknown = root;
  for (const token of pointerTokens(pointer)) {
    if (typeof node !== "object" || node === null) return false;
    if (Array.isArray(node)) {
      if (!/^(?:0|[1-9][0-9]*)$/.test(token) || Number(token) >= node.length) return false;
    } else if (!Object.prototype.hasOwnProperty.call(node, token)) return false;
    node = (node as Record<string, unknown>)[token];
  }
  return true;
}

/** Defines an own, enumerable data property (so `__proto__` stays data). */
export function put(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
