/**
 * Default values in wire form: what a missing field reads as, and a type's own default (Rust
 * `Default`), as serde would write them. The JSON Schema, the README and the diff use them.
 */
import { typeHasDefault } from "./check-types.js";
import {
  assertNever,
  type EnumDecl,
  type EnumVariant,
  type Field,
  type ModelIndex,
  type StructDecl,
  type TypeRef,
  type WireValue,
} from "./ir.js";

export interface WireDefaultOptions {
  /**
   * As written (true, the default): leave out what the omit rules leave out on output and the
   * fields never written (`skip: serializing`). As read (false): keep every field that is read,
   * omit rules aside, and leave out the fields never read (`skip: deserializing`).
   */
  readonly omitted?: boolean;
}

/** The fields a missing field can take its value from: a struct with `missing_fields: default`. */
export type FieldContainer = Pick<StructDecl, "name" | "missingFromDefault">;

/**
 * The wire value a missing field reads as: its own default, else (in a struct with
 * `missing_fields: default`) its value in the struct's Default; undefined when it has neither.
 */
export function fieldWireDefault(
  index: ModelIndex,
  field: Field,
  options: WireDefaultOptions = {},
  container?: FieldContainer,
): WireValue | undefined {
  const d = field.default;
  if (d !== undefined) return d.kind === "literal" ? d.value : typeWireDefault(index, field.type, options);
  if (container?.missingFromDefault !== true) return undefined;
  const whole = typeWireDefault(index, { kind: "named", name: container.name, range: field.range }, { omitted: false });
  return isObject(whole) ? whole[field.wire] : undefined;
}

/**
 * Whether serde reads a missing field of this type as none without any default: `Option<T>`,
 * and what deserializes as one (a `Box<Option<T>>`, a transparent struct around one).
 */
export function readsMissingAsNone(index: ModelIndex, t: TypeRef): boolean {
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

/** Whether a field is read from the input at all (not `skip: true` nor `skip: deserializing`). */
export function isFieldRead(field: Field): boolean {
  return field.skip === "none" || field.skip === "serializing";
}

/** Whether a field is written (not `skip: true` nor `skip: serializing`). */
export function isFieldWritten(field: Field): boolean {
  return field.skip === "none" || field.skip === "deserializing";
}

/** Whether reading refuses an input that lacks the field: it is read, has no default to fall back on, and is not an Option. */
export function isFieldRequired(index: ModelIndex, field: Field, container?: FieldContainer): boolean {
  if (!isFieldRead(field) || field.flatten) return false;
  if (field.default !== undefined || container?.missingFromDefault === true) return false;
  return !readsMissingAsNone(index, field.type);
}

/** The one field of a transparent struct that is not skipped. */
export function transparentField(decl: StructDecl): Field | undefined {
  return decl.fields.find((f) => f.skip === "none");
}

/** The wire form of a type's own default; undefined when it has none. */
export function typeWireDefault(index: ModelIndex, t: TypeRef, options: WireDefaultOptions = {}): WireValue | undefined {
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
      return allDefined(t.items.map((item) => typeWireDefault(index, item, options)));
    case "array": {
      if (t.length === 0) return [];
      const element = typeWireDefault(index, t.element, options);
      return element === undefined ? undefined : Array.from({ length: t.length }, () => element);
    }
    case "box":
      return typeWireDefault(index, t.inner, options);
    case "named": {
      const decl = index.types.get(t.name);
      if (decl === undefined || !typeHasDefault(index.types, t)) return undefined;
      switch (decl.kind) {
        case "enum": {
          const variant = decl.variants.find((v) => v.name === decl.defaultVariant);
          return variant === undefined ? undefined : unitVariantWire(decl, variant);
        }
        case "open-enum":
          return decl.defaultValue;
        case "string":
          return undefined;
        case "struct":
          return structWireDefault(index, decl, options);
        case "newtype":
          return typeWireDefault(index, decl.type, options);
        case "tuple-struct":
          // One element: a newtype struct in Rust, written as the element alone.
          if (decl.items.length === 1) return typeWireDefault(index, decl.items[0]!, options);
          return allDefined(decl.items.map((item) => typeWireDefault(index, item, options)));
        case "unit-struct":
          return null;
        default:
          return assertNever(decl);
      }
    }
    default:
      return assertNever(t);
  }
}

/** How a unit variant is written in the enum's representation: `"name"`, `{"tag": "name"}` or `null`. */
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

function structWireDefault(index: ModelIndex, decl: StructDecl, options: WireDefaultOptions): WireValue | undefined {
  const asWritten = options.omitted ?? true;
  if (decl.transparent) {
    if (decl.defaultValue !== undefined) return decl.defaultValue;
    const inner = transparentField(decl);
    return inner === undefined ? undefined : (fieldWireDefault(index, inner, options) ?? typeWireDefault(index, inner.type, options));
  }
  const given = isObject(decl.defaultValue) ? decl.defaultValue : undefined;
  const out: Record<string, WireValue> = {};
  for (const f of decl.fields) {
    if (asWritten ? !isFieldWritten(f) : !isFieldRead(f)) continue;
    const own = fieldWireDefault(index, f, options) ?? typeWireDefault(index, f.type, options);
    if (f.flatten) {
      // The flattened value's entries sit in this object (an absent optional adds none).
      const inline = given === undefined ? own : undefined;
      if (isObject(inline)) for (const [k, v] of Object.entries(inline)) out[k] = v;
      continue;
    }
    const v = given !== undefined && Object.hasOwn(given, f.wire) ? given[f.wire] : own;
    if (v === undefined) continue;
    if (asWritten && omittedOnOutput(index, f, v)) continue;
    out[f.wire] = v;
  }
  if (given !== undefined) {
    // Entries of flattened fields, as the IDL's `default:` writes them inline.
    for (const [k, v] of Object.entries(given)) if (!Object.hasOwn(out, k) && !ownWireNames(decl).has(k)) out[k] = v;
  }
  return out;
}

function ownWireNames(decl: StructDecl): Set<string> {
  return new Set(decl.fields.filter((f) => !f.flatten).map((f) => f.wire));
}

/** Whether the field's omit rule leaves the value out on output. */
function omittedOnOutput(index: ModelIndex, f: Field, v: WireValue): boolean {
  switch (f.omit) {
    case "never":
      return false;
    case "if-none":
      return v === null;
    case "if-empty":
      return isEmpty(v);
    case "if-default": {
      const d = fieldWireDefault(index, f, { omitted: false });
      return d !== undefined && canonicalJson(d) === canonicalJson(v);
    }
    default:
      return assertNever(f.omit);
  }
}

function allDefined(values: readonly (WireValue | undefined)[]): WireValue[] | undefined {
  return values.every((v) => v !== undefined) ? (values as WireValue[]) : undefined;
}

function isObject(v: WireValue | undefined): v is { readonly [key: string]: WireValue } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isEmpty(v: WireValue): boolean {
  if (typeof v === "string" || Array.isArray(v)) return v.length === 0;
  return typeof v === "object" && v !== null && Object.keys(v).length === 0;
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
