/**
 * JSON Schema (draft 2020-12) for every declared type: one self-contained file per type, with the
 * types it uses under `$defs`. It accepts exactly what the generated parser accepts.
 */
import { INTEGER_RANGES, MAX_EXACT_INTEGER } from "../model/facts.js";
import { assertNever, type Model, type ModelIndex, type TypeDecl, type TypeRef } from "../model/ir.js";
import { kebabCase } from "../model/naming.js";
import { fieldWireDefault, typeWireDefault } from "../model/facts.js";

type Schema = Record<string, unknown>;

export function schemaFileName(decl: Pick<TypeDecl, "name">): string {
  return `schema/${kebabCase(decl.name)}.schema.json`;
}

export function jsonSchemaFiles(model: Model, index: ModelIndex): Map<string, string> {
  const files = new Map<string, string>();
  for (const m of model.modules) {
    for (const decl of m.types) files.set(schemaFileName(decl), `${JSON.stringify(typeSchemaDocument(index, decl), null, 2)}\n`);
  }
  return files;
}

export function typeSchemaDocument(index: ModelIndex, decl: TypeDecl): Schema {
  const defs: Record<string, Schema> = {};
  const pending = [decl.name];
  while (pending.length > 0) {
    const name = pending.shift()!;
    if (name in defs) continue;
    const d = index.types.get(name)!;
    defs[name] = declSchema(index, d, (ref) => pending.push(ref));
  }
  const sorted = Object.fromEntries(Object.keys(defs).sort().map((k) => [k, defs[k]]));
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: decl.name,
    ...(decl.doc ? { description: decl.doc } : {}),
    $ref: `#/$defs/${decl.name}`,
    $defs: sorted,
  };
}

function declSchema(index: ModelIndex, decl: TypeDecl, use: (name: string) => void): Schema {
  const doc = decl.doc ? { description: decl.doc } : {};
  switch (decl.kind) {
    case "enum": {
      const def = decl.variants.find((v) => v.name === decl.defaultVariant);
      const wires = decl.variants.map((v) => v.wire);
      return {
        title: decl.name,
        ...doc,
        ...(def ? { default: def.wire } : {}),
        anyOf: [
          { type: "string", enum: wires },
          {
            $comment: "serde's map form of a unit variant, {\"name\": null}; read, never written",
            type: "object",
            minProperties: 1,
            maxProperties: 1,
            propertyNames: { enum: wires },
            additionalProperties: { type: "null" },
          },
        ],
      };
    }
    case "open-enum":
      return {
        title: decl.name,
        ...doc,
        anyOf: [{ enum: decl.values.map((v) => v.value) }, { type: "string" }],
        ...(decl.defaultValue !== undefined ? { default: decl.defaultValue } : {}),
      };
    case "string":
      return {
        title: decl.name,
        ...doc,
        type: "string",
        ...(decl.minLength !== undefined ? { minLength: decl.minLength } : {}),
        ...(decl.maxLength !== undefined ? { maxLength: decl.maxLength } : {}),
        ...(decl.pattern !== undefined ? { pattern: decl.pattern } : {}),
      };
    case "struct": {
      const properties: Record<string, Schema> = {};
      const required: string[] = [];
      for (const f of decl.fields) {
        const dflt = fieldWireDefault(index, f);
        properties[f.wire] = {
          ...(f.doc ? { description: f.doc } : {}),
          ...typeSchema(f.type, use),
          ...(dflt !== undefined ? { default: dflt } : {}),
        };
        if (f.default === undefined && f.type.kind !== "optional") required.push(f.wire);
      }
      // In serde's sequence form every field up to the last one without a default needs an element.
      const lastNeeded = decl.fields.reduce((last, f, i) => (f.default === undefined ? i : last), -1);
      return {
        title: decl.name,
        ...doc,
        ...(decl.hasDefault ? { default: typeWireDefault(index, { kind: "named", name: decl.name, range: decl.range }) } : {}),
        anyOf: [
          {
            type: "object",
            properties,
            ...(required.length > 0 ? { required } : {}),
            ...(decl.unknownFields === "deny" ? { additionalProperties: false } : {}),
          },
          {
            $comment: "serde's sequence form: the fields in declaration order; read, never written",
            type: "array",
            prefixItems: decl.fields.map((f) => typeSchema(f.type, use)),
            minItems: lastNeeded + 1,
            maxItems: decl.fields.length,
          },
        ],
      };
    }
    default:
      return assertNever(decl);
  }
}

function typeSchema(t: TypeRef, use: (name: string) => void): Schema {
  switch (t.kind) {
    case "primitive": {
      if (t.name === "string") return { type: "string" };
      if (t.name === "bool") return { type: "boolean" };
      if (t.name === "f64") return { type: "number" };
      const [min, max] = INTEGER_RANGES[t.name];
      const exactMax = max > MAX_EXACT_INTEGER ? MAX_EXACT_INTEGER : max;
      const exactMin = min < -MAX_EXACT_INTEGER ? -MAX_EXACT_INTEGER : min;
      const note = exactMax !== max ? { $comment: `${t.name}; values beyond 2^53 are refused rather than rounded` } : { $comment: t.name };
      return { type: "integer", minimum: Number(exactMin), maximum: Number(exactMax), ...note };
    }
    case "optional":
      return { anyOf: [typeSchema(t.inner, use), { type: "null" }] };
    case "list":
      return { type: "array", items: typeSchema(t.element, use) };
    case "map":
      return { type: "object", additionalProperties: typeSchema(t.value, use) };
    case "named":
      use(t.name);
      return { $ref: `#/$defs/${t.name}` };
    default:
      return assertNever(t);
  }
}
