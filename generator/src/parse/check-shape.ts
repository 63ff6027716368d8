/**
 * Checks a module's data against the JSON Schema of the IDL language (generator/idl.schema.json)
 * and turns each schema error into a located diagnostic with a stable code.
 */
import type { ErrorObject } from "ajv/dist/2020.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { closest, didYouMean } from "../diagnostics/suggest.js";
import { idlValidators, KIND_NAMES, SECTION_DEFS } from "./idl-validator.js";
import { keyRange, parsePointer, valueRange, type DataPath } from "./locate.js";
import type { YamlFile } from "./read-yaml.js";

export interface ShapeResult {
  readonly diagnostics: Diagnostic[];
  /** Where the data broke the schema, as paths into it. */
  readonly broken: DataPath[];
}

/** Every schema error of a module: its shell, then each declaration on its own (linear in their number). */
function schemaErrors(data: unknown): ErrorObject[] {
  const v = idlValidators();
  const errors: ErrorObject[] = v.shell(data) ? [] : [...(v.shell.errors ?? [])];
  if (typeof data !== "object" || data === null || Array.isArray(data)) return errors;
  for (const [section, def] of Object.entries(SECTION_DEFS)) {
    const entries = (data as Record<string, unknown>)[section];
    if (typeof entries !== "object" || entries === null || Array.isArray(entries)) continue;
    const validate = v[def];
    for (const [name, value] of Object.entries(entries)) {
      if (validate(value)) continue;
      const at = `/${section}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      for (const e of validate.errors ?? []) errors.push({ ...e, instancePath: `${at}${e.instancePath}` });
    }
  }
  return errors;
}

export function checkShape(yaml: YamlFile): ShapeResult {
  const errors = schemaErrors(yaml.data);
  if (errors.length === 0) return { diagnostics: [], broken: [] };
  const diagnostics: Diagnostic[] = [];
  const broken: DataPath[] = [];
  const misspelled = misspelledKeys(errors);
  for (const error of errors) {
    // A bad name, or an unknown key, breaks what holds it only, not the whole section around it.
    const name = error.keyword === "additionalProperties" ? String(error.params["additionalProperty"]) : nameInError(error);
    broken.push(name === undefined ? parsePointer(error.instancePath) : [...parsePointer(error.instancePath), name]);
    // `templat:` is reported as an unknown key suggesting 'template'; the missing 'template' follows from it.
    if (error.keyword === "required" && misspelled.has(`${error.instancePath}\0${String(error.params["missingProperty"])}`)) continue;
    const d = toDiagnostic(yaml, error);
    if (d !== undefined) diagnostics.push(d);
  }
  return { diagnostics, broken };
}

/** `instancePath NUL key` for each allowed key that an unknown key is most likely a misspelling of. */
function misspelledKeys(errors: readonly ErrorObject[]): Set<string> {
  const out = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== "additionalProperties") continue;
    const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const match = closest(String(error.params["additionalProperty"]), allowed);
    if (match !== undefined) out.add(`${error.instancePath}\0${match}`);
  }
  return out;
}

/** The property name a `propertyNames` error is about (ajv puts it on the error, not in params). */
function nameInError(error: ErrorObject): string | undefined {
  const name = (error as { propertyName?: unknown }).propertyName ?? (error.params as Record<string, unknown>)["propertyName"];
  return typeof name === "string" ? name : undefined;
}

function toDiagnostic(yaml: YamlFile, error: ErrorObject): Diagnostic | undefined {
  const path: DataPath = parsePointer(error.instancePath);
  const where = describePath(path);
  const params = error.params as Record<string, unknown>;
  const propertyName = error.keyword === "propertyNames" ? undefined : nameInError(error);
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params["additionalProperty"]);
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const hint = didYouMean(key, allowed) || (allowed.length > 0 ? ` Allowed: ${allowed.join(", ")}.` : "");
      return diagnostic("unknown-key", keyRange(yaml, [...path, key]), { key, where, hint });
    }
    case "required": {
      const key = String(params["missingProperty"]);
      // Where other keys are not refused by the schema itself (a type before its kind is known), a
      // near miss of the missing key is what was meant: `knd: enum`.
      const near = nearMiss(error, key);
      if (near !== undefined) {
        return diagnostic("unknown-key", keyRange(yaml, [...path, near]), { key: near, where, hint: ` Did you mean '${key}'?` });
      }
      return diagnostic("missing-key", keyRange(yaml, path), { key, where, hint: "" });
    }
    case "const":
      if (path.length === 1 && path[0] === "idl") return diagnostic("unsupported-version", valueRange(yaml, path));
      return diagnostic("invalid-value", valueRange(yaml, path), {
        where,
        detail: `expected ${JSON.stringify(params["allowedValue"])}`,
      });
    case "enum": {
      const allowed = (params["allowedValues"] as unknown[]).map(String);
      const match = typeof error.data === "string" ? closest(error.data, allowed) : undefined;
      return diagnostic("invalid-value", valueRange(yaml, path), {
        where,
        detail: `expected one of ${allowed.join(", ")}, got ${describeData(error.data)}${match === undefined ? "" : ` (did you mean '${match}'?)`}`,
      });
    }
    case "type": {
      // Variants and known values are written empty or as a mapping (if/then/else in the schema).
      const expected = params["type"] === "null" ? "nothing or a mapping" : article(String(params["type"]));
      const got = path.length === 0 && error.data === null ? "an empty file" : describeData(error.data);
      return diagnostic("invalid-value", valueRange(yaml, path), { where, detail: `expected ${expected}, got ${got}` });
    }
    case "pattern":
      if (propertyName !== undefined) {
        return diagnostic("invalid-name", keyRange(yaml, [...path, propertyName]), {
          name: propertyName,
          where,
          rule: nameRule(error.schema),
        });
      }
      return diagnostic("invalid-value", valueRange(yaml, path), { where, detail: patternDetail(path, error.schema) });
    case "minLength":
      if (propertyName !== undefined) {
        return diagnostic("invalid-name", keyRange(yaml, [...path, propertyName]), {
          name: propertyName,
          where,
          rule: "names cannot be empty",
        });
      }
      return diagnostic("invalid-value", valueRange(yaml, path), { where, detail: "must not be empty" });
    case "minProperties":
      return diagnostic("invalid-value", valueRange(yaml, path), { where, detail: "must not be empty" });
    case "minItems": {
      // One type is serde's newtype form, not a tuple of one.
      const last = path.at(-1);
      const hint = last === "tuple" ? "; a variant of one type is a newtype variant: write 'type: T'" : last === "items" ? "; one type is a newtype: write 'kind: newtype'" : "";
      return diagnostic("invalid-value", valueRange(yaml, path), { where, detail: `needs at least ${String(params["limit"])} items${hint}` });
    }
    case "minimum":
      return diagnostic("invalid-value", valueRange(yaml, path), { where, detail: `must be at least ${String(params["limit"])}` });
    case "uniqueItems":
      return diagnostic("invalid-value", valueRange(yaml, path), { where, detail: "lists the same item twice" });
    case "discriminator": {
      if (params["error"] === "mapping") {
        const kind = String(params["tagValue"]);
        const allowed = KIND_NAMES;
        return diagnostic("unknown-kind", valueRange(yaml, [...path, "kind"]), {
          kind,
          allowed: allowed.join(", "),
          hint: didYouMean(kind, allowed),
        });
      }
      // A missing 'kind' is reported by 'required', a non-string one by 'type'.
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

/** A key of the object that is not allowed there and is within a typo of `key`. */
function nearMiss(error: ErrorObject, key: string): string | undefined {
  const schema = error.parentSchema as { properties?: object; additionalProperties?: unknown } | undefined;
  if (schema === undefined || schema.additionalProperties === false || !isObject(error.data)) return undefined;
  const allowed = Object.keys(schema.properties ?? {});
  return Object.keys(error.data).find((k) => !allowed.includes(k) && closest(k, [key]) === key);
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
  return `the ${typeof data} ${String(data)}`;
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
  const [section, name, sub, item, ...rest] = path;
  if (section === undefined) return "the module";
  if (section === "types" && name !== undefined) {
    const member = sub === "fields" ? "field" : sub === "variants" ? "variant" : sub === "values" ? "known value" : undefined;
    if (member !== undefined && item !== undefined) {
      const own = `${member} '${item}' of ${name}`;
      // A struct variant's fields: "field 'approver' of variant 'Manual' of UpdateStrategy".
      if (member === "variant" && rest[0] === "fields" && rest[1] !== undefined) {
        const field = `field '${rest[1]}' of ${own}`;
        return rest[2] === undefined ? field : `'${rest[2]}' of ${field}`;
      }
      return rest[0] === undefined ? own : `'${rest[0]}' of ${own}`;
    }
    if (sub !== undefined) return `'${sub}' of type ${name}`;
    return `type '${name}'`;
  }
  if (section === "paths" && name !== undefined) {
    if (sub === "params" && item !== undefined) return `parameter '${item}' of path helper '${name}'`;
    if (sub !== undefined) return `'${sub}' of path helper '${name}'`;
    return `path helper '${name}'`;
  }
  if (section === "roots" && name !== undefined) return sub !== undefined ? `'${sub}' of root '${name}'` : `root '${name}'`;
  return `'${section}'`;
}
