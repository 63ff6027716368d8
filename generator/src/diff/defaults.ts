/** What a missing field reads as, in wire form, so defaults compare by value and not by spelling. */
import { assertNever, type Field, type ModelIndex, type StructDecl, type TypeRef, type WireValue } from "../model/ir.js";

/** The value a missing field reads as; undefined when a missing field is refused. */
export function missingValue(index: ModelIndex, field: Field): WireValue | undefined {
  const d = field.default;
  if (d === undefined) return field.type.kind === "optional" ? null : undefined;
  return d.kind === "literal" ? d.value : typeDefault(index, field.type, 0);
}

/** Whether a missing field is refused on read. */
export function isRequired(field: Field): boolean {
  return field.default === undefined && field.type.kind !== "optional";
}

/** A type's own default in wire form (Rust `Default`), or undefined. */
export function typeDefault(index: ModelIndex, t: TypeRef, depth = 0): WireValue | undefined {
  if (depth > 32) return undefined;
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
      if (decl === undefined) return undefined;
      switch (decl.kind) {
        case "enum":
          return decl.variants.find((v) => v.name === decl.defaultVariant)?.wire;
        case "open-enum":
          return decl.defaultValue;
        case "string":
          return undefined;
        case "struct":
          return decl.hasDefault ? structDefault(index, decl, depth + 1) : undefined;
        default:
          return assertNever(decl);
      }
    }
    default:
      return assertNever(t);
  }
}

function structDefault(index: ModelIndex, decl: StructDecl, depth: number): WireValue {
  const out: Record<string, WireValue> = {};
  for (const f of decl.fields) {
    const v = f.default?.kind === "literal" ? f.default.value : typeDefault(index, f.type, depth);
    if (v !== undefined) out[f.wire] = v;
  }
  return out;
}

/** Deep equality of wire values; object key order does not matter. */
export function sameValue(a: WireValue | undefined, b: WireValue | undefined): boolean {
  return canonical(a) === canonical(b);
}

/** Compact JSON with sorted keys, for messages and comparison. */
export function showValue(v: WireValue | undefined): string {
  return v === undefined ? "nothing" : canonical(v);
}

function canonical(v: WireValue | undefined): string {
  if (v === undefined) return "undefined";
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  const entries = Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, WireValue>)[k])}`);
  return `{${entries.join(",")}}`;
}
