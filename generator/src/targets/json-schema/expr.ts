/**
 * JSON Schemas of type expressions, one function per expression kind, and of map keys (what
 * serde_json 1.0.87 reads as a key of each key type). Every schema accepts exactly the JSON values
 * (as `JSON.parse` returns them) that the generated reader of the type accepts.
 */
import { INTEGER_RANGES, MAX_EXACT_INTEGER } from "../../model/facts.js";
import { assertNever, isIntegerName, type IntegerName, type PrimitiveName, type TypeRef } from "../../model/ir.js";
import type { Schema, SchemaContext, SchemaObject } from "./context.js";

/**
 * The smallest magnitude a JSON number rounds to infinity from as an f32 (f32::MAX plus half an
 * ulp: a tie rounds to even, away from f32::MAX). `Math.fround` of anything smaller is finite.
 */
export const F32_OVERFLOW = 3.4028235677973366e38;

/** The schema of the values of a type expression. */
export function typeSchema(cx: SchemaContext, t: TypeRef): Schema {
  switch (t.kind) {
    case "primitive":
      return primitiveSchema(t.name);
    case "json":
      return jsonSchema();
    case "optional":
      return optionalSchema(cx, t.inner);
    case "list":
      return listSchema(cx, t.element);
    case "set":
      return setSchema(cx, t.element, t.hashed);
    case "map":
      return mapSchema(cx, t.key, t.value, t.hashed);
    case "tuple":
      return itemsSchema(cx, t.items);
    case "array":
      return arraySchema(cx, t.element, t.length);
    case "box":
      return typeSchema(cx, t.inner);
    case "named":
      return cx.ref(t.name);
    default:
      return assertNever(t);
  }
}

/** Scalars: strings, one-character strings, booleans, `null`, numbers by width. */
export function primitiveSchema(name: PrimitiveName): SchemaObject {
  switch (name) {
    case "string":
      return { type: "string" };
    case "char":
      // JSON Schema counts code points, as serde does: one Unicode scalar value.
      return { type: "string", minLength: 1, maxLength: 1, $comment: "char: exactly one Unicode code point" };
    case "bool":
      return { type: "boolean" };
    case "unit":
      return { type: "null" };
    case "f64":
      return { type: "number" };
    case "f32":
      return {
        type: "number",
        exclusiveMinimum: -F32_OVERFLOW,
        exclusiveMaximum: F32_OVERFLOW,
        $comment: "f32; numbers that round to infinity in f32 are refused (serde reads them as infinity and writes null, which no reader reads back)",
      };
    default:
      return integerSchema(name);
  }
}

function integerSchema(name: IntegerName): SchemaObject {
  const [min, max] = INTEGER_RANGES[name];
  const exactMax = max > MAX_EXACT_INTEGER ? MAX_EXACT_INTEGER : max;
  const exactMin = min < -MAX_EXACT_INTEGER ? -MAX_EXACT_INTEGER : min;
  const note = exactMax !== max || exactMin !== min ? `${name}; values beyond 2^53 are refused rather than rounded` : name;
  return { type: "integer", minimum: Number(exactMin), maximum: Number(exactMax), $comment: note };
}

/** `json`: any JSON value. */
export function jsonSchema(): SchemaObject {
  return { $comment: "json: any JSON value (serde_json::Value)" };
}

/** `optional<T>`: `T` or `null`. */
export function optionalSchema(cx: SchemaContext, inner: TypeRef): SchemaObject {
  return { anyOf: [typeSchema(cx, inner), { type: "null" }] };
}

/** `list<T>`: an array of any length. */
export function listSchema(cx: SchemaContext, element: TypeRef): SchemaObject {
  return { type: "array", items: typeSchema(cx, element) };
}

/**
 * `set<T>`, `hash_set<T>`: an array. Not `uniqueItems`: serde reads repeated elements and keeps
 * one of each, it does not refuse them.
 */
export function setSchema(cx: SchemaContext, element: TypeRef, hashed: boolean): SchemaObject {
  const what = hashed ? "hash_set (HashSet)" : "set (BTreeSet)";
  return { type: "array", items: typeSchema(cx, element), $comment: `${what}: repeated elements are read as one; written sorted` };
}

/** `map<K, V>`, `hash_map<K, V>`: an object whose keys read as `K` and whose values are `V`. */
export function mapSchema(cx: SchemaContext, key: TypeRef, value: TypeRef, hashed: boolean): SchemaObject {
  const names = keySchema(cx, key);
  return {
    type: "object",
    ...(names === undefined ? {} : { propertyNames: names }),
    additionalProperties: typeSchema(cx, value),
    ...(hashed ? { $comment: "hash_map (HashMap): Rust writes its entries in no particular order" } : {}),
  };
}

/** `tuple<A, B>` (and tuple structs, tuple variants): an array of exactly those elements. */
export function itemsSchema(cx: SchemaContext, items: readonly TypeRef[]): SchemaObject {
  if (items.length === 0) return { type: "array", maxItems: 0 };
  return {
    type: "array",
    prefixItems: items.map((item) => typeSchema(cx, item)),
    items: false,
    minItems: items.length,
    maxItems: items.length,
  };
}

/** `array<T, N>`: an array of exactly N elements. */
export function arraySchema(cx: SchemaContext, element: TypeRef, length: number): SchemaObject {
  if (length === 0) return { type: "array", maxItems: 0 };
  return { type: "array", items: typeSchema(cx, element), minItems: length, maxItems: length };
}

/**
 * The `propertyNames` schema of a map with keys of type `key`: undefined for any string. A key
 * type serde cannot read keys of (bool, tuples, data enums...) gives `false`, so only `{}` reads,
 * as with serde.
 */
export function keySchema(cx: SchemaContext, key: TypeRef): Schema | undefined {
  switch (key.kind) {
    case "primitive":
      if (key.name === "string") return undefined;
      if (key.name === "char") return { minLength: 1, maxLength: 1 };
      if (isIntegerName(key.name)) {
        return { pattern: integerKeyPattern(key.name), $comment: `${key.name} keys as Rust's str::parse reads them` };
      }
      return false;
    case "box":
      return keySchema(cx, key.inner);
    case "named": {
      const decl = cx.index.types.get(key.name);
      switch (decl?.kind) {
        case "string":
          return cx.ref(key.name);
        case "open-enum":
          return undefined;
        case "newtype":
          return keySchema(cx, decl.type);
        case "enum": {
          // A key reads as a unit variant by name; only the external representation reads from a string.
          if (decl.repr.kind !== "external" || decl.variants.some((v) => v.payload.kind !== "unit")) return false;
          if (decl.variants.some((v) => v.other)) return undefined;
          return { enum: decl.variants.flatMap((v) => [v.wire, ...v.aliases]) };
        }
        default:
          return false;
      }
    }
    default:
      return false;
  }
}

/** Whether keys of this type are integers, parsed from the key string (a newtype or box of an integer too). */
export function isIntegerKey(cx: SchemaContext, key: TypeRef): boolean {
  if (key.kind === "primitive") return isIntegerName(key.name);
  if (key.kind === "box") return isIntegerKey(cx, key.inner);
  if (key.kind !== "named") return false;
  const decl = cx.index.types.get(key.name);
  return decl?.kind === "newtype" && isIntegerKey(cx, decl.type);
}

/**
 * A regular expression for the key strings Rust's `str::parse::<T>()` reads as an integer of
 * type `name` (serde_json 1.0.87 parses integer keys with it): an optional `+` (or `-` for signed
 * types), then ASCII digits, leading zeros allowed, the value in range. `"01"`, `"+1"` read; `"-0"`
 * reads for signed types only.
 */
export function integerKeyPattern(name: IntegerName): string {
  const [min, max] = INTEGER_RANGES[name];
  const positive = `\\+?0*(?:${digitsUpTo(max)})`;
  if (min === 0n) return `^${positive}$`;
  return `^(?:${positive}|-0*(?:${digitsUpTo(-min)}))$`;
}

/** Alternatives matching the decimal numbers 0 to `n` written without leading zeros. */
function digitsUpTo(n: bigint): string {
  const d = n.toString();
  if (d.length === 1) return `[0-${d}]`;
  const alternatives = ["0", `[1-9]${repeatDigits(0, d.length - 2)}`];
  for (let i = 0; i < d.length; i++) {
    const low = i === 0 ? 1 : 0;
    const high = Number(d[i]) - 1;
    if (high < low) continue;
    const digit = low === high ? `${low}` : `[${low}-${high}]`;
    alternatives.push(`${d.slice(0, i)}${digit}${repeatDigits(d.length - i - 1, d.length - i - 1)}`);
  }
  alternatives.push(d);
  return alternatives.join("|");
}

/** `[0-9]` repeated `min` to `max` times. */
function repeatDigits(min: number, max: number): string {
  if (max === 0) return "";
  if (min === max) return min === 1 ? "[0-9]" : `[0-9]{${min}}`;
  return `[0-9]{${min},${max}}`;
}
