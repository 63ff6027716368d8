/** What a missing field reads as, in wire form, so defaults compare by value and not by spelling. */
import { canonicalJson, fieldWireDefault, isFieldRequired, readsMissingAsNone, typeWireDefault, type FieldContainer } from "../model/facts.js";
import type { Field, ModelIndex, TypeRef, WireValue } from "../model/ir.js";

/**
 * The value a missing field reads as (every field kept, omit rules are output only; from the
 * struct's default with `missing_fields: default`); undefined when a missing field is refused.
 */
export function missingValue(index: ModelIndex, field: Field, container?: FieldContainer): WireValue | undefined {
  const d = fieldWireDefault(index, field, { omitted: false }, container);
  if (d !== undefined) return d;
  return readsMissingAsNone(index, field.type) ? null : undefined;
}

/** Whether a missing field is refused on read. */
export function isRequired(index: ModelIndex, field: Field, container?: FieldContainer): boolean {
  return isFieldRequired(index, field, container);
}

/** A type's own default in wire form (Rust `Default`), or undefined. */
export function typeDefault(index: ModelIndex, t: TypeRef): WireValue | undefined {
  return typeWireDefault(index, t, { omitted: false });
}

/** Deep equality of wire values; object key order does not matter. */
export function sameValue(a: WireValue | undefined, b: WireValue | undefined): boolean {
  return showValue(a) === showValue(b);
}

/** Compact JSON with sorted keys, for messages and comparison. */
export function showValue(v: WireValue | undefined): string {
  return v === undefined ? "nothing" : canonicalJson(v);
}
