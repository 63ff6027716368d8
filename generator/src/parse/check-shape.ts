/**
 * Checks a module's data against the JSON Schema of the IDL language (generator/idl.schema.json)
 * and turns each schema error into a located diagnostic with a stable code.
 */
import type { ErrorObject } from "ajv/dist/2020.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { idlValidator } from "./idl-validator.js";
import { keyRange, parsePointer, valueRange, type DataPath } from "./locate.js";
import type { YamlFile } from "./read-yaml.js";

export interface ShapeResult {
  readonly diagnostics: Diagnostic[];
  /** Where the data broke the schema, as paths into it. */
  readonly broken: DataPath[];
}

export function checkShape(yaml: YamlFile): ShapeResult {
  const validate = idlValidator();
  if (validate(yaml.data)) return { diagnostics: [], broken: [] };
  const diagnostics: Diagnostic[] = [];
  const broken: DataPath[] = [];
  for (const error of validate.errors ?? []) {
    broken.push(parsePointer(error.instancePath));
    const d = toDiagnostic(yaml, error);
    if (d !== undefined) diagnostics.push(d);
  }
  return { diagnostics, broken };
}

function toDiagnostic(yaml: YamlFile, error: ErrorObject): Diagnostic | undefined {
  const path: DataPath = parsePointer(error.instancePath);
  const where = describePath(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params["additionalProperty"]);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const hint = didYouMean(key, allowed) || (allowed.length > 0 ? ` Allowed: ${allowed.join(", ")}.` : "");
      return diagnostic("unknown-key", keyRange(yaml, [...path, key]), { key, where, hint });
    }
    case "required":
      return diagnostic("missing-key", keyRange(yaml, path), { key: String(params["missingProperty"]), where });
    case "const":
      if (path.length === 1 && path[0] === "idl") return diagnostic("unsupported-version", valueRange(yaml, path));
      return diagnostic("invalid-value", valueRange(yaml, path), {
        where,
        detail: `expected ${JSON.stringify(params["allowedValue"])}`,
      });
    case "enum": {
      const allowed = (params["allowedValues"] as unknown[]).map(String);
      const hint = typeof error.data === "string" ? didYouMean(error.data, allowed) : "";
      return diagnostic("invalid-value", valueRange(yaml, path), {
        where,
        detail: `expected one of ${allowed.join(", ")}${hint ? `;${hint.replace(/\?$/, "")}?` : ""}`,
      });
    }
    case "type":
      return diagnostic("invalid-value", valueRange(yaml, path), {
        where,
        detail: `expected ${article(String(params["type"]))}, got ${describeData(error.data)}`,
      });
    case "pattern":
      if (typeof params["propertyName"] === "string") {
        const name = params["propertyName"];
        return diagnostic("invalid-name", keyRange(yaml, [...path, name]), { name, where, rule: nameRule(error.schema) });
      }
      return diagnostic("invalid-value", valueRange(yaml, path), { where, detail: patternDetail(path, error.schema) });
    case "minLength":
      if (typeof params["propertyName"] === "string") {
        return diagnostic("invalid-name", keyRange(yaml, [...path, params["propertyName"]]), {
          name: params["propertyName"],
          where,
          rule: "names cannot be empty",
        });
      }
      return diagnostic("invalid-value", valueRange(yaml, path), { where, detail: "must not be empty" });
    case "minProperties":
      return diagnostic("invalid-value", valueRange(yaml, path), { where, detail: "must not be empty" });
    case "minimum":
      return diagnostic("invalid-value", valueRange(yaml, path), { where, detail: `must be at least ${String(params["limit"])}` });
    case "uniqueItems":
      return diagnostic("invalid-value", valueRange(yaml, path), { where, detail: "lists the same item twice" });
    case "discriminator": {
      if (params["error"] === "mapping") {
        const kind = String(params["tagValue"]);
        const allowed = ["enum", "open-enum", "struct", "string"];
        return diagnostic("unknown-kind", valueRange(yaml, [...path, "kind"]), {
          kind,
          allowed: allowed.join(", "),
          hint: didYouMean(kind, allowed),
        });
      }
      // A missing 'kind' is reported by 'required'; a non-string one here.
      if (isObject(error.data) && "kind" in error.data) {
        return diagnostic("invalid-value", valueRange(yaml, [...path, "kind"]), { where, detail: "expected a string" });
      }
      return undefined;
    }
    // Wrappers whose inner errors are reported on their own.
    case "if":
    case "oneOf":
    case "anyOf":
    case "propertyNames":
      return undefined;
    default:
      return diagnostic("invalid-value", valueRange(yaml, path), { where, detail: error.message ?? error.keyword });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function article(type: string): string {
  const name = type === "object" ? "mapping" : type === "array" ? "list" : type;
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}

export function describeData(data: unknown): string {
  if (data === null) return "null";
  if (Array.isArray(data)) return "a list";
  if (typeof data === "object") return "a mapping";
  if (typeof data === "string") return `the string ${JSON.stringify(data)}`;
  return `${typeof data} ${String(data)}`;
}

function nameRule(pattern: unknown): string {
  switch (pattern) {
    case "^[A-Z][A-Za-z0-9]*$":
      return "use PascalCase (a capital letter, then letters and digits)";
    case "^[a-z][a-z0-9_]*$":
      return "use snake_case (a lowercase letter, then lowercase letters, digits and _)";
    case "^[A-Z][A-Z0-9_]*$":
      return "use SCREAMING_SNAKE_CASE";
    default:
      return `must match ${String(pattern)}`;
  }
}

function patternDetail(path: DataPath, pattern: unknown): string {
  if (path[0] === "roots") return "a root must be an absolute directory (start with '/')";
  if (path[0] === "module" || path[0] === "imports") return `module names ${nameRule(pattern)}`;
  return `must match ${String(pattern)}`;
}

/** Words for a place in a module: "field 'role' of PoolSpec", "path helper 'pool_dir'". */
export function describePath(path: DataPath): string {
  const [section, name, sub, item, rest] = path;
  if (section === undefined) return "the module";
  if (section === "types" && name !== undefined) {
    if (sub === "fields" && item !== undefined) return `field '${item}' of ${name}`;
    if (sub === "variants" && item !== undefined) return `variant '${item}' of ${name}`;
    if (sub === "values" && item !== undefined) return `known value '${item}' of ${name}`;
    if (sub !== undefined && item === undefined) return `'${sub}' of type ${name}`;
    if (sub !== undefined) return `'${sub}' of type ${name}`;
    return `type '${name}'`;
  }
  if (section === "paths" && name !== undefined) {
    if (sub === "params" && item !== undefined) return `parameter '${item}' of path helper '${name}'`;
    if (sub !== undefined) return `'${sub}' of path helper '${name}'`;
    return `path helper '${name}'`;
  }
  if (section === "roots" && name !== undefined) return sub !== undefined ? `'${sub}' of root '${name}'` : `root '${name}'`;
  void rest;
  return name === undefined ? `'${section}'` : `'${section}'`;
}
