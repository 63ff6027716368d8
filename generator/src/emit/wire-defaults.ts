/** Default values in their wire form (what serde would write), for JSON Schema `default` and docs. */
import { typeHasDefault } from "../model/check-types.js";
import { assertNever, type Field, type ModelIndex, type StructDecl, type TypeRef, type WireValue } from "../model/ir.js";

/** The wire value a missing field reads as, or undefined when the field has no default. */
export function fieldWireDefault(index: ModelIndex, field: Field): WireValue | undefined {
  const d = field.default;
  if (d === undefined) return undefined;
  return d.kind === "literal" ? d.value : typeWireDefault(index, field.type);
}

/** The wire form of a type's own default; undefined when it has none. */
export function typeWireDefault(index: ModelIndex, t: TypeRef): WireValue | undefined {
  switch (t.kind) {
    case "primitive":
      return t.name === "string" ? "" : t.name === "bool" ? false : 0;
    case "optional":
      return null;
    case "list":
      return [];
    case "map":
      return {};
    case "named": {
      const decl = index.types.get(t.name);
      if (decl === undefined || !typeHasDefault(index.types, t)) return undefined;
      switch (decl.kind) {
        case "enum":
          return decl.variants.find((v) => v.name === decl.defaultVariant)?.wire;
        case "open-enum":
          return decl.defaultValue;
        case "string":
          return undefined;
        case "struct":
          return structWireDefault(index, decl);
        default:
          return assertNever(decl);
      }
    }
    default:
      return assertNever(t);
  }
}

function structWireDefault(index: ModelIndex, decl: StructDecl): WireValue {
  const out: Record<string, WireValue> = {};
  for (const f of decl.fields) {
    const v = fieldWireDefault(index, f) ?? typeWireDefault(index, f.type);
    if (v === undefined) continue;
    if (f.omit === "if-none" && v === null) continue;
    if (f.omit === "if-empty" && isEmpty(v)) continue;
    out[f.wire] = v;
  }
  return out;
}

function isEmpty(v: WireValue): boolean {
  if (typeof v === "string" || Array.isArray(v)) return v.length === 0;
  return typeof v === "object" && v !== null && Object.keys(v).length === 0;
}
