/**
 * Default values in wire form: what a missing field reads as, and a type's own default (Rust
 * `Default`), as serde would write them. The JSON Schema, the README and the diff use them.
 */
import { typeHasDefault } from "./check-types.js";
import { assertNever, type Field, type ModelIndex, type StructDecl, type TypeRef, type WireValue } from "./ir.js";

export interface WireDefaultOptions {
  /** Leave out what the omit rules leave out on output (as written); false keeps every field (as read). */
  readonly omitted?: boolean;
}

/** The wire value a missing field reads as, or undefined when the field has no default. */
export function fieldWireDefault(index: ModelIndex, field: Field, options: WireDefaultOptions = {}): WireValue | undefined {
  const d = field.default;
  if (d === undefined) return undefined;
  return d.kind === "literal" ? d.value : typeWireDefault(index, field.type, options);
}

/** The wire form of a type's own default; undefined when it has none. */
export function typeWireDefault(index: ModelIndex, t: TypeRef, options: WireDefaultOptions = {}): WireValue | undefined {
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
          return structWireDefault(index, decl, options);
        default:
          return assertNever(decl);
      }
    }
    default:
      return assertNever(t);
  }
}

function structWireDefault(index: ModelIndex, decl: StructDecl, options: WireDefaultOptions): WireValue {
  const omitted = options.omitted ?? true;
  const out: Record<string, WireValue> = {};
  for (const f of decl.fields) {
    const v = fieldWireDefault(index, f, options) ?? typeWireDefault(index, f.type, options);
    if (v === undefined) continue;
    if (omitted && f.omit === "if-none" && v === null) continue;
    if (omitted && f.omit === "if-empty" && isEmpty(v)) continue;
    out[f.wire] = v;
  }
  return out;
}

function isEmpty(v: WireValue): boolean {
  if (typeof v === "string" || Array.isArray(v)) return v.length === 0;
  return typeof v === "object" && v !== null && Object.keys(v).length === 0;
}
