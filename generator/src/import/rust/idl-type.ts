/**
 * IDL type expressions as the importer builds them (a small tree, rendered to the IDL's text
 * syntax at the end), with the JSON of each type's own default value.
 */
import { INTEGER_RANGES as IDL_INTEGER_RANGES } from "../../model/facts.js";

/** A JSON value, as defaults are written. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The IDL's scalar type names (data-model extension included). */
export const SCALARS = [
  "string",
  "char",
  "bool",
  "unit",
  "u8",
  "u16",
  "u32",
  "u64",
  "usize",
  "i8",
  "i16",
  "i32",
  "i64",
  "isize",
  "f32",
  "f64",
  "json",
] as const;
/** One of the IDL's scalar type names. */
export type ScalarName = (typeof SCALARS)[number];

/** An IDL type expression as a tree. */
export type IdlType =
  | { readonly k: "scalar"; readonly name: ScalarName }
  | { readonly k: "named"; readonly name: string }
  | { readonly k: "optional" | "list" | "set" | "hash_set" | "box"; readonly of: IdlType }
  | { readonly k: "map" | "hash_map"; readonly key: IdlType; readonly value: IdlType }
  | { readonly k: "tuple"; readonly items: readonly IdlType[] }
  | { readonly k: "array"; readonly of: IdlType; readonly length: number };

/** The `json` type: any JSON value, the stand-in for what could not be typed. */
export const JSON_TYPE: IdlType = { k: "scalar", name: "json" };

/** A scalar type expression. */
export function scalar(name: ScalarName): IdlType {
  return { k: "scalar", name };
}

/** The IDL text of a type expression: `map<string, list<u32>>`. */
export function renderType(t: IdlType): string {
  switch (t.k) {
    case "scalar":
    case "named":
      return t.name;
    case "optional":
    case "list":
    case "set":
    case "hash_set":
    case "box":
      return `${t.k}<${renderType(t.of)}>`;
    case "map":
    case "hash_map":
      return `${t.k}<${renderType(t.key)}, ${renderType(t.value)}>`;
    case "tuple":
      return `tuple<${t.items.map(renderType).join(", ")}>`;
    case "array":
      return `array<${renderType(t.of)}, ${t.length}>`;
  }
}

/** Integer ranges, for checking literal defaults: the IDL's, and the widths the data-model extension adds. */
export const INTEGER_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  ...IDL_INTEGER_RANGES,
  usize: IDL_INTEGER_RANGES.u64,
  i8: [-128n, 127n],
  i16: [-32768n, 32767n],
  isize: IDL_INTEGER_RANGES.i64,
};

/** Whether a type is one of the integer scalars. */
export function isInteger(t: IdlType): boolean {
  return t.k === "scalar" && t.name in INTEGER_RANGES;
}

/** Whether a type is `f32` or `f64`. */
export function isFloat(t: IdlType): boolean {
  return t.k === "scalar" && (t.name === "f32" || t.name === "f64");
}

/** Deep equality of JSON values (object key order ignored). */
export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, JsonValue>)[k], (b as Record<string, JsonValue>)[k]))
  );
}
