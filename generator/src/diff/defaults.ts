/** What a missing field reads as, in wire form, so defaults compare by value and not by spelling. */
import { fieldWireDefault, typeWireDefault } from "../model/facts.js";
import type { Field, ModelIndex, TypeRef, WireValue } from "../model/ir.js";

/** The value a missing field reads as (every field kept, omit rules are output only); undefined when a missing field is refused. */
export function missingValue(index: ModelIndex, field: Field): WireValue | undefined {
  if (field.default === undefined) return field.type.kind === "optional" ? null : undefined;
  return fieldWireDefault(index, field, { omitted: false });
}

/** Whether a missing field is refused on read. */
export function isRequired(field: Field): boolean {
  return field.default === undefined && field.type.kind !== "optional";
}

/** A type's own default in wire form (Rust `Default`), or undefined. */
export function typeDefault(index: ModelIndex, t: TypeRef): WireValue | undefined {
  return typeWireDefault(index, t, { omitted: false });
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
