/**
 * Facts derived from a loaded model, as pure functions over its index: whether a type has a
 * default and its wire form, integer bounds, which fields are read and written, and which types
 * may be map keys, set elements, flattened, or held by an internally tagged newtype variant. The
 * checker and every emitter ask here, so they agree.
 */
import {
  assertNever,
  isUnitOnly,
  type EnumDecl,
  type EnumVariant,
  type Field,
  type IntegerName,
  type ModelIndex,
  type StructDecl,
  type TypeDecl,
  type TypeRef,
  type VariantPayload,
  type WireValue,
} from "./ir.js";

/** The types of a model by name: what every fact needs. */
export type TypeIndex = Pick<ModelIndex, "types">;

/** Bounds of every integer type; `usize`/`isize` as on a 64-bit target. */
export const INTEGER_RANGES: Readonly<Record<IntegerName, readonly [bigint, bigint]>> = {
  u8: [0n, 255n],
  u16: [0n, 65535n],
  u32: [0n, 4294967295n],
  u64: [0n, 18446744073709551615n],
  usize: [0n, 18446744073709551615n],
  i8: [-128n, 127n],
  i16: [-32768n, 32767n],
  i32: [-2147483648n, 2147483647n],
  i64: [-9223372036854775808n, 9223372036854775807n],
  isize: [-9223372036854775808n, 9223372036854775807n],
};

/** The largest integer a JavaScript number holds exactly, with every smaller one. */
export const MAX_EXACT_INTEGER = 2n ** 53n;

/** The largest finite f32 (`f32::MAX`). */
export const F32_MAX = 3.4028234663852886e38;

// ---------------------------------------------------------------------------------------------
// Fields

/** Whether serde reads the field from input (`skip` is none or `serializing`). */
export function isRead(field: Field): boolean {
  return field.skip === "none" || field.skip === "serializing";
}

/** Whether serde writes the field (`skip` is none or `deserializing`). */
export function isWritten(field: Field): boolean {
  return field.skip === "none" || field.skip === "deserializing";
}

/** The field a transparent struct is on the wire: its one field that is not skipped. */
export function transparentField(decl: StructDecl): Field | undefined {
  return decl.transparent ? decl.fields.find((f) => f.skip === "none") : undefined;
}

/** Whether readers accept serde's sequence form of the struct (its fields as an array): not with flatten, not when transparent. */
export function hasSequenceForm(decl: StructDecl): boolean {
  return !decl.transparent && !decl.fields.some((f) => f.flatten);
}

/** The type expressions a type expression is made of. */
export function childTypes(type: TypeRef): readonly TypeRef[] {
  switch (type.kind) {
    case "primitive":
    case "json":
    case "named":
      return [];
    case "optional":
    case "box":
      return [type.inner];
    case "list":
    case "set":
    case "array":
      return [type.element];
    case "map":
      return [type.key, type.value];
    case "tuple":
      return type.items;
    default:
      return assertNever(type);
  }
}

/** The types a variant carries. */
export function payloadTypes(payload: VariantPayload): readonly TypeRef[] {
  switch (payload.kind) {
    case "unit":
      return [];
    case "newtype":
      return [payload.type];
    case "tuple":
      return payload.items;
    case "struct":
      return payload.fields.map((f) => f.type);
    default:
      return assertNever(payload);
  }
}

/** Every type expression a declaration uses directly (fields, variants' data, inner types), in order. */
export function typeRefsOf(decl: TypeDecl): readonly TypeRef[] {
  switch (decl.kind) {
    case "struct":
      return decl.fields.map((f) => f.type);
    case "enum":
      return decl.variants.flatMap((v) => payloadTypes(v.payload));
    case "newtype":
      return [decl.type];
    case "tuple-struct":
      return decl.items;
    case "open-enum":
    case "string":
    case "unit-struct":
      return [];
    default:
      return assertNever(decl);
  }
}

/** The declaration a named type refers to, through nothing else. */
export function declOf(index: TypeIndex, t: TypeRef): TypeDecl | undefined {
  return t.kind === "named" ? index.types.get(t.name) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Defaults

/** Whether a declaration has a default of its own (Rust `Default`). */
export function declHasDefault(decl: TypeDecl): boolean {
  switch (decl.kind) {
    case "enum":
      return decl.defaultVariant !== undefined;
    case "open-enum":
      return decl.defaultValue !== undefined;
    case "string":
      return false;
    case "struct":
    case "newtype":
    case "tuple-struct":
    case "unit-struct":
      return decl.hasDefault;
    default:
      return assertNever(decl);
  }
}

/** Whether a type has a default of its own (Rust `Default`): when every type it requires has one. */
export function typeHasDefault(index: TypeIndex, type: TypeRef): boolean {
  return requiredNamedTypes(type).every((t) => {
    const decl = index.types.get(t.name);
    return decl === undefined || declHasDefault(decl); // an unknown name is reported elsewhere
  });
}

/**
 * The named types a value of `type` always holds one of each of: not through optional, list,
 * set, map or an empty array, which may hold none. A value has a default, or a finite value at
 * all, exactly when each of these types does.
 */
export function requiredNamedTypes(type: TypeRef): readonly Extract<TypeRef, { kind: "named" }>[] {
  switch (type.kind) {
    case "primitive":
    case "json":
    case "optional":
    case "list":
    case "set":
    case "map":
      return [];
    case "tuple":
      return type.items.flatMap(requiredNamedTypes);
    case "array":
      return type.length === 0 ? [] : requiredNamedTypes(type.element);
    case "box":
      return requiredNamedTypes(type.inner);
    case "named":
      return [type];
    default:
      return assertNever(type);
  }
}

export interface WireDefaultOptions {
  /** As written (true, the default): what skip and omit rules leave out is left out. False: as read, every field read. */
  readonly omitted?: boolean;
}

/** The fields a missing field can take its value from: a struct with `missing_fields: default`. */
export type FieldContainer = Pick<StructDecl, "name" | "missingFromDefault">;

/**
 * The wire value a missing field reads as from its own default (`default:` or `type_default:`),
 * else, in a `container` with `missing_fields: default`, its value in the struct's Default;
 * undefined without one.
 */
export function fieldWireDefault(index: TypeIndex, field: Field, options: WireDefaultOptions = {}, container?: FieldContainer): WireValue | undefined {
  const d = field.default;
  if (d !== undefined) return d.kind === "literal" ? d.value : typeWireDefault(index, field.type, options);
  if (container?.missingFromDefault !== true) return undefined;
  const decl = index.types.get(container.name);
  return decl?.kind === "struct" ? structFieldValues(index, decl, { omitted: false }, new Set())?.get(field.name) : undefined;
}

/**
 * Whether serde reads a missing field of this type as none without any default: `Option<T>`,
 * and what deserializes as one (a `Box<Option<T>>`, a transparent struct around one).
 */
export function readsMissingAsNone(index: TypeIndex, t: TypeRef): boolean {
  switch (t.kind) {
    case "optional":
      return true;
    case "box":
      return readsMissingAsNone(index, t.inner);
    case "named": {
      const decl = index.types.get(t.name);
      if (decl?.kind !== "struct" || !decl.transparent) return false;
      const inner = transparentField(decl);
      return inner !== undefined && readsMissingAsNone(index, inner.type);
    }
    default:
      return false;
  }
}

/** Whether reading refuses an input that lacks the field: it is read, has no default to fall back on, and is not an Option. */
export function isFieldRequired(index: TypeIndex, field: Field, container?: FieldContainer): boolean {
  if (!isRead(field) || field.flatten) return false;
  if (field.default !== undefined || container?.missingFromDefault === true) return false;
  return !readsMissingAsNone(index, field.type);
}

/** Compact JSON with object keys sorted: equal values give equal text. */
export function canonicalJson(v: WireValue): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const o = v as { readonly [key: string]: WireValue };
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k]!)}`)
    .join(",")}}`;
}

/**
 * The wire value a missing field of `decl` reads as: its own default, else (with
 * `missing_fields: default`) its value in the struct's default, else none for an optional.
 * Undefined when the field is required.
 */
export function missingFieldWireValue(index: TypeIndex, decl: StructDecl, field: Field, options: WireDefaultOptions = {}): WireValue | undefined {
  const own = fieldWireDefault(index, field, options);
  if (own !== undefined) return own;
  if (decl.missingFromDefault) return structFieldValues(index, decl, options, new Set())?.get(field.name);
  return field.type.kind === "optional" ? null : undefined;
}

/** The wire form of a type's own default; undefined when it has none. */
export function typeWireDefault(index: TypeIndex, t: TypeRef, options: WireDefaultOptions = {}): WireValue | undefined {
  return typeDefault(index, t, options, new Set());
}

/** The wire form of a declaration's own default; undefined when it has none. */
export function declWireDefault(index: TypeIndex, decl: TypeDecl, options: WireDefaultOptions = {}): WireValue | undefined {
  return declDefault(index, decl, options, new Set());
}

/** `visiting`: declarations being expanded, so that a type that is its own default (an error reported elsewhere) ends. */
function typeDefault(index: TypeIndex, t: TypeRef, options: WireDefaultOptions, visiting: Set<string>): WireValue | undefined {
  switch (t.kind) {
    case "primitive":
      switch (t.name) {
        case "string":
          return "";
        case "char":
          return "\u0000";
        case "bool":
          return false;
        case "unit":
          return null;
        default:
          return 0;
      }
    case "json":
    case "optional":
      return null;
    case "list":
    case "set":
      return [];
    case "map":
      return {};
    case "tuple":
      return allDefined(t.items.map((item) => typeDefault(index, item, options, visiting)));
    case "array":
      if (t.length === 0) return [];
      return allDefined(Array.from({ length: t.length }, () => typeDefault(index, t.element, options, visiting)));
    case "box":
      return typeDefault(index, t.inner, options, visiting);
    case "named": {
      const decl = index.types.get(t.name);
      return decl === undefined ? undefined : declDefault(index, decl, options, visiting);
    }
    default:
      return assertNever(t);
  }
}

function declDefault(index: TypeIndex, decl: TypeDecl, options: WireDefaultOptions, visiting: Set<string>): WireValue | undefined {
  if (!declHasDefault(decl) || visiting.has(decl.name)) return undefined;
  visiting.add(decl.name);
  try {
    switch (decl.kind) {
      case "enum": {
        const v = decl.variants.find((x) => x.name === decl.defaultVariant);
        return v === undefined || v.payload.kind !== "unit" ? undefined : unitVariantWire(decl, v);
      }
      case "open-enum":
        return decl.defaultValue;
      case "string":
        return undefined;
      case "struct":
        return structDefault(index, decl, options, visiting);
      case "newtype":
        return typeDefault(index, decl.type, options, visiting);
      case "tuple-struct":
        // One element: a newtype struct in Rust, written as the element alone.
        if (decl.items.length === 1) return typeDefault(index, decl.items[0]!, options, visiting);
        return allDefined(decl.items.map((item) => typeDefault(index, item, options, visiting)));
      case "unit-struct":
        return null;
      default:
        return assertNever(decl);
    }
  } finally {
    visiting.delete(decl.name);
  }
}

/** How a unit variant is written in the enum's representation. */
export function unitVariantWire(decl: EnumDecl, variant: EnumVariant): WireValue {
  switch (decl.repr.kind) {
    case "external":
      return variant.wire;
    case "internal":
    case "adjacent":
      return { [decl.repr.tag]: variant.wire };
    case "untagged":
      return null;
    default:
      return assertNever(decl.repr);
  }
}

function structDefault(index: TypeIndex, decl: StructDecl, options: WireDefaultOptions, visiting: Set<string>): WireValue | undefined {
  const values = structFieldValues(index, decl, options, visiting);
  return values === undefined ? undefined : structWire(index, decl, values, options, visiting);
}

/**
 * The value of every field in the struct's default: from its `default:` literal, else each
 * field's default, else its type's. Undefined when a field has none (an error reported elsewhere).
 */
function structFieldValues(
  index: TypeIndex,
  decl: StructDecl,
  options: WireDefaultOptions,
  visiting: Set<string>,
): Map<string, WireValue> | undefined {
  const given = decl.defaultValue === undefined ? undefined : splitStructLiteral(index, decl, decl.defaultValue);
  const out = new Map<string, WireValue>();
  for (const f of decl.fields) {
    const value = given?.has(f.name) ? given.get(f.name) : (fieldWireDefault(index, f, options) ?? typeDefault(index, f.type, options, visiting));
    if (value === undefined) return undefined;
    out.set(f.name, value);
  }
  return out;
}

/** The wire object (or, when transparent, value) of a struct whose field values are known. */
function structWire(
  index: TypeIndex,
  decl: StructDecl,
  values: ReadonlyMap<string, WireValue>,
  options: WireDefaultOptions,
  visiting: Set<string>,
): WireValue {
  const main = transparentField(decl);
  if (main !== undefined) return values.get(main.name)!;
  const written = options.omitted ?? true;
  const out: Record<string, WireValue> = {};
  for (const f of decl.fields) {
    if (written ? !isWritten(f) : !isRead(f)) continue;
    const v = values.get(f.name)!;
    if (written && isOmitted(index, f, v, options, visiting)) continue;
    if (f.flatten) {
      if (isObject(v)) Object.assign(out, v);
    } else {
      out[f.wire] = v;
    }
  }
  return out;
}

function isOmitted(index: TypeIndex, f: Field, v: WireValue, options: WireDefaultOptions, visiting: Set<string>): boolean {
  switch (f.omit) {
    case "never":
      return false;
    case "if-none":
      return v === null;
    case "if-empty":
      return isEmpty(v);
    case "if-default": {
      const d = f.default?.kind === "literal" ? f.default.value : typeDefault(index, f.type, options, visiting);
      return d !== undefined && wireEquals(v, d);
    }
    default:
      return assertNever(f.omit);
  }
}

/**
 * Splits a struct's wire object (a `default:` literal) into the values of its fields, as serde
 * reads it: its own fields by wire name, then each flattened field in order from what is left (a
 * struct or optional struct takes its own keys, a map or an enum the rest). A field missing from
 * the object is missing from the result. For a transparent struct the literal is its field's value.
 */
export function splitStructLiteral(index: TypeIndex, decl: StructDecl, literal: WireValue): Map<string, WireValue> {
  const out = new Map<string, WireValue>();
  const main = transparentField(decl);
  if (main !== undefined) {
    out.set(main.name, literal);
    return out;
  }
  if (!isObject(literal)) return out;
  const left = new Map(Object.entries(literal));
  for (const f of decl.fields) {
    if (f.flatten || !isRead(f) || !left.has(f.wire)) continue;
    out.set(f.name, left.get(f.wire)!);
    left.delete(f.wire);
  }
  for (const f of decl.fields) {
    if (!f.flatten || !isRead(f)) continue;
    const inner = flattenedStruct(index, f.type);
    const claimed = inner === undefined ? undefined : claimedKeys(index, inner, new Set());
    const keys = [...left.keys()].filter((k) => claimed === undefined || claimed.has(k));
    const taken = Object.fromEntries(keys.map((k) => [k, left.get(k)!]));
    // A flattened map sees the rest without taking it (serde's FlatMapAccess); a struct or enum takes its entries.
    if (f.type.kind !== "map") for (const k of keys) left.delete(k);
    if (keys.length > 0 || (inner === undefined && f.type.kind === "map")) out.set(f.name, taken);
  }
  return out;
}

/** The struct a flattened field of type `t` holds (directly or in an optional), if it is one. */
function flattenedStruct(index: TypeIndex, t: TypeRef): StructDecl | undefined {
  const target = t.kind === "optional" ? t.inner : t;
  const decl = declOf(index, target);
  return decl?.kind === "struct" ? decl : undefined;
}

/** The wire keys a flattened struct takes from the enclosing object: its read fields, and those of the structs it flattens. */
export function claimedKeys(index: TypeIndex, decl: StructDecl, visiting: Set<string>): Set<string> {
  const out = new Set<string>();
  if (visiting.has(decl.name)) return out;
  visiting.add(decl.name);
  for (const f of decl.fields) {
    if (!isRead(f)) continue;
    if (!f.flatten) {
      out.add(f.wire);
      continue;
    }
    const inner = flattenedStruct(index, f.type);
    if (inner !== undefined) for (const k of claimedKeys(index, inner, visiting)) out.add(k);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Where a type may be used

/** Why `t` cannot be a map key (`map<K, V>`), or undefined when it can: written as a JSON string. */
export function mapKeyProblem(index: TypeIndex, t: TypeRef): string | undefined {
  return keyProblem(index, t, "key", new Set());
}

/** Whether `t` may be a map key: written as a JSON string, with an order. */
export function isMapKeyType(index: TypeIndex, t: TypeRef): boolean {
  return mapKeyProblem(index, t) === undefined;
}

/** Whether `t` may be a set element: a map key type, or `bool`. */
export function isSetElementType(index: TypeIndex, t: TypeRef): boolean {
  return setElementProblem(index, t) === undefined;
}

/** Why `t` cannot be a set element (`set<T>`), or undefined when it can: a map key, or `bool`. */
export function setElementProblem(index: TypeIndex, t: TypeRef): string | undefined {
  return keyProblem(index, t, "element", new Set());
}

function keyProblem(index: TypeIndex, t: TypeRef, use: "key" | "element", visiting: Set<string>): string | undefined {
  const what = use === "key" ? "map keys" : "set elements";
  switch (t.kind) {
    case "primitive":
      if (t.name === "bool") return use === "key" ? "serde_json 1.0.87 cannot write bool map keys" : undefined;
      if (t.name === "unit") return `${what} are strings, integers or string-like types; () is none`;
      if (t.name === "f32" || t.name === "f64") return `floats have no total order (Rust's ${t.name} is not Ord), so they cannot be ${what}`;
      return undefined;
    case "named": {
      const decl = index.types.get(t.name);
      if (decl === undefined) return undefined; // reported elsewhere
      switch (decl.kind) {
        case "string":
        case "open-enum":
          return undefined;
        case "enum":
          if (!isUnitOnly(decl)) return `${decl.name} has variants with data, which are not written as strings`;
          if (decl.repr.kind !== "external") return `${decl.name} is ${reprWords(decl)}, so its unit variants are not written as strings`;
          return undefined;
        case "newtype": {
          if (visiting.has(decl.name)) return undefined; // recursive-type
          visiting.add(decl.name);
          const inner = keyProblem(index, decl.type, use, visiting);
          return inner === undefined ? undefined : `${decl.name} wraps ${typeWords(decl.type)}: ${inner}`;
        }
        default:
          return `${decl.name} is a ${decl.kind}, written as a JSON ${decl.kind === "unit-struct" ? "null" : decl.kind === "tuple-struct" ? "array" : "object"}, not a string`;
      }
    }
    default:
      return `${what} must be strings, char, integers, string-like types (kind: string, open-enum), enums of unit variants, or newtypes of these${use === "element" ? ", or bool" : ""}`;
  }
}

/** Why a field of type `t` cannot be flattened, or undefined when it can. */
export function flattenProblem(index: TypeIndex, t: TypeRef): string | undefined {
  if (t.kind === "map") {
    const key = mapKeyProblem(index, t.key);
    if (key !== undefined) return undefined; // reported as invalid-map-key
    if (isIntegerKey(index, t.key)) return "serde reads a flattened map's keys as strings, so integer keys are never read (serde lab §4)";
    return undefined;
  }
  const target = t.kind === "optional" ? t.inner : t;
  const decl = declOf(index, target);
  if (decl?.kind === "struct") return decl.transparent ? `${decl.name} is transparent: it has no fields of its own on the wire` : undefined;
  if (decl?.kind === "enum" && t.kind !== "optional") return flattenEnumProblem(index, decl);
  return "only a struct, an optional<struct>, a map or an enum can be flattened (its fields or entries sit in the enclosing object)";
}

function flattenEnumProblem(index: TypeIndex, decl: EnumDecl): string | undefined {
  for (const v of decl.variants) {
    const p = v.payload.kind;
    if (decl.repr.kind === "external" && (p === "unit" || p === "tuple")) {
      return `serde cannot write ${p} variant ${decl.name}::${v.name} flattened (externally tagged: 'can only flatten structs and maps')`;
    }
    if (decl.repr.kind === "untagged" && p !== "struct" && !(p === "newtype" && structLikeProblem(index, v.payload.type) === undefined)) {
      return `serde cannot write variant ${decl.name}::${v.name} of an untagged enum flattened: only struct-like variants sit in an object`;
    }
  }
  return undefined;
}

function isIntegerKey(index: TypeIndex, t: TypeRef): boolean {
  if (t.kind === "primitive") return t.name !== "string" && t.name !== "char" && t.name !== "bool";
  const decl = declOf(index, t);
  return decl?.kind === "newtype" && isIntegerKey(index, decl.type);
}

/**
 * Why `t` is not written as a JSON object (a struct, a map, a unit struct, an internally tagged
 * enum, or a newtype or box of one), or undefined when it is: what an internally tagged newtype
 * variant must hold, since serde writes its tag among the value's own keys.
 */
export function structLikeProblem(index: TypeIndex, t: TypeRef): string | undefined {
  return structLike(index, t, new Set());
}

function structLike(index: TypeIndex, t: TypeRef, visiting: Set<string>): string | undefined {
  const fails = (what: string): string => `${what}, which serde fails to write there`;
  if (t.kind === "box") return structLike(index, t.inner, visiting);
  if (t.kind === "map") {
    return isIntegerKey(index, t.key) ? "a map with integer keys, which serde cannot read back from a tagged value (serde lab §4)" : undefined;
  }
  const decl = declOf(index, t);
  if (decl === undefined) return t.kind === "named" ? undefined : fails(typeWords(t));
  if (visiting.has(decl.name)) return undefined; // recursive-type
  visiting.add(decl.name);
  switch (decl.kind) {
    case "struct": {
      const main = transparentField(decl);
      return main === undefined ? undefined : structLike(index, main.type, visiting);
    }
    case "unit-struct":
      return undefined;
    case "newtype":
      return structLike(index, decl.type, visiting);
    case "enum":
      return decl.repr.kind === "internal" ? undefined : `${decl.name}, ${reprWords(decl)}: of enums, only an internally tagged one is allowed there`;
    default:
      return fails(`${decl.name}, a ${decl.kind}`);
  }
}

function reprWords(decl: EnumDecl): string {
  switch (decl.repr.kind) {
    case "external":
      return "an externally tagged enum";
    case "internal":
      return "an internally tagged enum";
    case "adjacent":
      return "an adjacently tagged enum";
    case "untagged":
      return "an untagged enum";
    default:
      return assertNever(decl.repr);
  }
}

function typeWords(t: TypeRef): string {
  switch (t.kind) {
    case "primitive":
      return t.name === "unit" ? "()" : t.name;
    case "json":
      return "raw JSON";
    case "optional":
      return "an optional";
    case "list":
    case "set":
    case "tuple":
    case "array":
      return `a ${t.kind === "list" || t.kind === "set" ? "sequence" : t.kind}`;
    case "map":
      return "a map";
    case "box":
      return typeWords(t.inner);
    case "named":
      return t.name;
    default:
      return assertNever(t);
  }
}

// ---------------------------------------------------------------------------------------------
// Wire values

/** Deep equality of wire values (object keys in any order). */
export function wireEquals(a: WireValue, b: WireValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => wireEquals(x, b[i]!));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && wireEquals(a[k]!, b[k]!));
}

function isEmpty(v: WireValue): boolean {
  if (typeof v === "string" || Array.isArray(v)) return v.length === 0;
  return isObject(v) && Object.keys(v).length === 0;
}

function isObject(v: unknown): v is { readonly [key: string]: WireValue } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function allDefined(values: readonly (WireValue | undefined)[]): WireValue[] | undefined {
  return values.every((v) => v !== undefined) ? (values as WireValue[]) : undefined;
}
