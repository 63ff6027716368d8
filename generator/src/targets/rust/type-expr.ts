/**
 * Type expressions in Rust: the Rust type of an IDL type (`optional<list<SecretScope>>` is
 * `Option<Vec<SecretScope>>`, `hash_map<u16, json>` is `HashMap<u16, serde_json::Value>`), a
 * type's own default (what `Default::default()` gives, or the IDL's where Rust's differs), and
 * the Rust expression of a literal default written in the IDL, decoded from its wire form as
 * serde would read it (enums in their representation, structs with flattened fields inline).
 *
 * `owner` is the declaration a type expression sits in: a reference back to it (or to another
 * declaration it holds by value) is boxed, or the Rust type would have infinite size.
 */
import { claimedKeys, declOf, fieldWireDefault, INTEGER_RANGES, isRead, readsMissingAsNone, splitStructLiteral } from "../../model/facts.js";
import { assertNever, type EnumDecl, type EnumVariant, type Field, type StructDecl, type TypeRef, type WireValue } from "../../model/ir.js";
import type { RustContext } from "./context.js";
import { arrayType, atom, call, exprText, tupleType, typeNode, type Expr, type TypeNode } from "./layout.js";
import { charLiteral, ident, stringLiteral } from "./text.js";

/** Where a type expression sits: the declaration holding it, and whether it is held by value (not behind a list, set, map or box). */
interface Place {
  readonly owner: string | undefined;
  readonly byValue: boolean;
}

const behind = (p: Place): Place => (p.byValue ? { owner: p.owner, byValue: false } : p);

/** The Rust path of serde_json's `Value` (spelled out, so no IDL type can shadow it). */
export const JSON_VALUE = "serde_json::Value";

/** The Rust type of a type expression held in `owner`. */
export function rustType(t: TypeRef, ctx: RustContext, owner?: string): TypeNode {
  return typeAt(t, ctx, { owner, byValue: true });
}

function typeAt(t: TypeRef, ctx: RustContext, p: Place): TypeNode {
  switch (t.kind) {
    case "primitive":
      return t.name === "string" ? typeNode("String") : t.name === "unit" ? tupleType([]) : typeNode(t.name);
    case "json":
      return typeNode(JSON_VALUE);
    case "optional":
      return typeNode("Option", typeAt(t.inner, ctx, p));
    case "list":
      return typeNode("Vec", typeAt(t.element, ctx, behind(p)));
    case "set":
      return typeNode(ctx.collection(t.hashed ? "HashSet" : "BTreeSet"), typeAt(t.element, ctx, behind(p)));
    case "map":
      return typeNode(ctx.collection(t.hashed ? "HashMap" : "BTreeMap"), typeAt(t.key, ctx, behind(p)), typeAt(t.value, ctx, behind(p)));
    case "tuple":
      return tupleType(t.items.map((item) => typeAt(item, ctx, p)));
    case "array":
      return arrayType(typeAt(t.element, ctx, p), t.length);
    case "box":
      return typeNode("Box", typeAt(t.inner, ctx, behind(p)));
    case "named": {
      const name = typeNode(ctx.use(t.name));
      return boxed(t.name, ctx, p) ? typeNode("Box", name) : name;
    }
    default:
      return assertNever(t);
  }
}

function boxed(name: string, ctx: RustContext, p: Place): boolean {
  return p.byValue && p.owner !== undefined && ctx.rust.mustBox(p.owner, name);
}

/**
 * Whether Rust's `Default::default()` of the type is the IDL's type default, so that a field
 * with `type_default: true` is plain `#[serde(default)]`. An open enum is a `String`, whose
 * Rust default is `""`: it differs when the open enum declares its own default. Declared types
 * implement `Default` as the IDL says, so only open enums held directly (or in tuples, arrays,
 * boxes) differ.
 */
export function rustDefaultIsTypeDefault(t: TypeRef, ctx: RustContext): boolean {
  switch (t.kind) {
    case "tuple":
      return t.items.every((item) => rustDefaultIsTypeDefault(item, ctx));
    case "array":
      return t.length === 0 || rustDefaultIsTypeDefault(t.element, ctx);
    case "box":
      return rustDefaultIsTypeDefault(t.inner, ctx);
    case "named": {
      const decl = ctx.rust.decl(t.name);
      return !(decl?.kind === "open-enum" && decl.defaultValue !== undefined && decl.defaultValue !== "");
    }
    default:
      return true;
  }
}

/** The expression of a type's own default value, held in `owner`. */
export function typeDefaultExpr(t: TypeRef, ctx: RustContext, owner?: string): Expr {
  return defaultAt(t, ctx, { owner, byValue: true });
}

/** Scalars whose literal is `Copy`, so `[x; N]` repeats it. */
function isCopyScalar(t: TypeRef): boolean {
  return t.kind === "primitive" && t.name !== "string";
}

function defaultAt(t: TypeRef, ctx: RustContext, p: Place): Expr {
  switch (t.kind) {
    case "primitive":
      switch (t.name) {
        case "string":
          return call("String::new");
        case "bool":
          return atom("false");
        case "char":
          return atom("'\\0'");
        case "unit":
          return atom("()");
        case "f32":
        case "f64":
          return atom("0.0");
        default:
          return atom("0");
      }
    case "json":
      return atom(`${JSON_VALUE}::Null`);
    case "optional":
      return atom("None");
    case "list":
      return call("Vec::new");
    case "set":
      return call(`${ctx.collection(t.hashed ? "HashSet" : "BTreeSet")}::new`);
    case "map":
      return call(`${ctx.collection(t.hashed ? "HashMap" : "BTreeMap")}::new`);
    case "tuple":
      return { k: "tuple", items: t.items.map((item) => defaultAt(item, ctx, p)) };
    case "array":
      if (t.length > 0 && isCopyScalar(t.element)) return atom(`[${exprText(defaultAt(t.element, ctx, p))}; ${t.length}]`);
      if (rustDefaultIsTypeDefault(t, ctx)) return call("Default::default");
      return { k: "array", name: "", items: Array.from({ length: t.length }, () => defaultAt(t.element, ctx, p)) };
    case "box":
      return call("Box::new", defaultAt(t.inner, ctx, behind(p)));
    case "named": {
      const decl = ctx.rust.decl(t.name);
      let value: Expr;
      if (decl?.kind === "open-enum") value = stringExpr(decl.defaultValue ?? "");
      else if (decl?.kind === "enum" && decl.defaultVariant !== undefined) value = atom(`${ctx.use(t.name)}::${decl.defaultVariant}`);
      else value = call(`${ctx.use(t.name)}::default`);
      return boxed(t.name, ctx, p) ? call("Box::new", value) : value;
    }
    default:
      return assertNever(t);
  }
}

/** `String::from("x")`, or `String::new()` for the empty string. */
export function stringExpr(value: string): Expr {
  return value === "" ? call("String::new") : call("String::from", atom(stringLiteral(value)));
}

/** A Rust f64 literal of a finite number, with the shortest digits that read back to it. */
export function floatLiteral(value: number): string {
  if (Object.is(value, -0)) return "-0.0";
  const text = String(value).replace("e+", "e");
  return text.includes(".") || text.includes("e") ? text : `${text}.0`;
}

/** A Rust f32 literal: the shortest digits that read back to the same f32 (more would be `excessive_precision`). */
export function float32Literal(value: number): string {
  const f = Math.fround(value);
  if (f === 0) return Object.is(f, -0) ? "-0.0" : "0.0";
  for (let digits = 1; digits <= 9; digits++) {
    const text = f.toExponential(digits - 1);
    if (Math.fround(Number(text)) === f) return floatLiteral(Number(text));
  }
  return floatLiteral(f);
}

/** The Rust expression of a wire value of type `t` held in `owner`, as the IDL's loader has checked it. */
export function literalExpr(t: TypeRef, value: WireValue, ctx: RustContext, owner?: string): Expr {
  const e = literalAt(t, value, ctx, { owner, byValue: true });
  if (e === undefined) throw new Error(`the literal ${JSON.stringify(value)} does not fit its type`);
  return e;
}

function isObject(v: WireValue): v is { readonly [key: string]: WireValue } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** All defined, or undefined. */
function every<T>(items: readonly (T | undefined)[]): T[] | undefined {
  return items.every((i) => i !== undefined) ? (items as T[]) : undefined;
}

/** The literal, or undefined when `value` is not a wire value of `t` (how an untagged enum's variant is found). */
function literalAt(t: TypeRef, value: WireValue, ctx: RustContext, p: Place): Expr | undefined {
  switch (t.kind) {
    case "primitive":
      return scalarLiteral(t.name, value);
    case "json":
      return jsonLiteral(value);
    case "optional": {
      if (value === null) return atom("None");
      const inner = literalAt(t.inner, value, ctx, p);
      return inner && call("Some", inner);
    }
    case "list": {
      if (!Array.isArray(value)) return undefined;
      if (value.length === 0) return call("Vec::new");
      const items = every(value.map((v) => literalAt(t.element, v, ctx, behind(p))));
      return items && { k: "array", name: "vec!", items };
    }
    case "set": {
      if (!Array.isArray(value)) return undefined;
      const name = ctx.collection(t.hashed ? "HashSet" : "BTreeSet");
      if (value.length === 0) return call(`${name}::new`);
      const items = every(value.map((v) => literalAt(t.element, v, ctx, behind(p))));
      return items && call(`${name}::from`, { k: "array", name: "", items });
    }
    case "map": {
      if (!isObject(value)) return undefined;
      const name = ctx.collection(t.hashed ? "HashMap" : "BTreeMap");
      const entries = Object.entries(value);
      if (entries.length === 0) return call(`${name}::new`);
      const pairs = every(
        entries.map(([k, v]): Expr | undefined => {
          const key = keyLiteral(t.key, k, ctx);
          const item = literalAt(t.value, v, ctx, behind(p));
          return key && item && { k: "tuple", items: [key, item] };
        }),
      );
      return pairs && call(`${name}::from`, { k: "array", name: "", items: pairs });
    }
    case "tuple": {
      if (!Array.isArray(value) || value.length !== t.items.length) return undefined;
      const items = every(t.items.map((item, i) => literalAt(item, value[i]!, ctx, p)));
      return items && { k: "tuple", items };
    }
    case "array": {
      if (!Array.isArray(value) || value.length !== t.length) return undefined;
      const items = every(value.map((v) => literalAt(t.element, v, ctx, p)));
      return items && { k: "array", name: "", items };
    }
    case "box": {
      const inner = literalAt(t.inner, value, ctx, behind(p));
      return inner && call("Box::new", inner);
    }
    case "named": {
      const inner = namedLiteral(t.name, value, ctx);
      return inner && (boxed(t.name, ctx, p) ? call("Box::new", inner) : inner);
    }
    default:
      return assertNever(t);
  }
}

function scalarLiteral(name: Extract<TypeRef, { kind: "primitive" }>["name"], value: WireValue): Expr | undefined {
  switch (name) {
    case "string":
      return typeof value === "string" ? stringExpr(value) : undefined;
    case "char": {
      if (typeof value !== "string") return undefined;
      const points = [...value];
      return points.length === 1 ? atom(charLiteral(points[0]!.codePointAt(0)!)) : undefined;
    }
    case "bool":
      return typeof value === "boolean" ? atom(String(value)) : undefined;
    case "unit":
      return value === null ? atom("()") : undefined;
    case "f64":
      return typeof value === "number" ? atom(floatLiteral(value)) : undefined;
    case "f32":
      return typeof value === "number" ? atom(float32Literal(value)) : undefined;
    default: {
      if (typeof value !== "number" || !Number.isInteger(value)) return undefined;
      const [min, max] = INTEGER_RANGES[name];
      const n = BigInt(value);
      return n < min || n > max ? undefined : atom(n.toString());
    }
  }
}

/** A `serde_json::Value` built from its constructors: numbers keep their kind (integers as integers, others as floats). */
function jsonLiteral(value: WireValue): Expr {
  if (value === null) return atom(`${JSON_VALUE}::Null`);
  if (typeof value === "boolean") return call(`${JSON_VALUE}::Bool`, atom(String(value)));
  if (typeof value === "string") return call(`${JSON_VALUE}::from`, atom(stringLiteral(value)));
  if (typeof value === "number") {
    const integer = Number.isSafeInteger(value) && !Object.is(value, -0);
    return call(`${JSON_VALUE}::from`, atom(integer ? `${value}_${value < 0 ? "i64" : "u64"}` : floatLiteral(value)));
  }
  if (Array.isArray(value)) {
    return call(`${JSON_VALUE}::Array`, value.length === 0 ? call("Vec::new") : { k: "array", name: "vec!", items: value.map(jsonLiteral) });
  }
  const entries = Object.entries(value as Record<string, WireValue>).map(([k, v]): Expr => ({ k: "tuple", items: [stringExpr(k), jsonLiteral(v)] }));
  return call(`${JSON_VALUE}::Object`, entries.length === 0 ? call("serde_json::Map::new") : call("serde_json::Map::from_iter", { k: "array", name: "", items: entries }));
}

/** A map key from its JSON text (the loader checked it is in the key type's canonical form). */
function keyLiteral(t: TypeRef, text: string, ctx: RustContext): Expr | undefined {
  if (t.kind === "primitive") {
    if (t.name === "string") return stringExpr(text);
    if (t.name === "char") return scalarLiteral("char", text);
    if (t.name === "bool") return text === "true" || text === "false" ? atom(text) : undefined;
    return /^-?[0-9]+$/.test(text) ? atom(BigInt(text).toString()) : undefined;
  }
  const decl = declOf(ctx.index, t);
  if (decl?.kind === "newtype") {
    const inner = keyLiteral(decl.type, text, ctx);
    return inner && call(ctx.use(decl.name), inner);
  }
  return namedLiteral((t as { name: string }).name, text, ctx);
}

function namedLiteral(name: string, value: WireValue, ctx: RustContext): Expr | undefined {
  const decl = ctx.rust.decl(name);
  if (decl === undefined) throw new Error(`unknown type ${name}`);
  const path = ctx.use(name);
  switch (decl.kind) {
    case "enum":
      return enumLiteral(decl, value, ctx);
    case "open-enum":
      return typeof value === "string" ? stringExpr(value) : undefined;
    case "string":
      return typeof value === "string" ? call(path, stringExpr(value)) : undefined;
    case "struct":
      return structLiteral(decl, value, ctx, { path });
    case "newtype": {
      const inner = literalAt(decl.type, value, ctx, { owner: decl.name, byValue: true });
      return inner && call(path, inner);
    }
    case "tuple-struct": {
      if (!Array.isArray(value) || value.length !== decl.items.length) return undefined;
      const items = every(decl.items.map((item, i) => literalAt(item, value[i]!, ctx, { owner: decl.name, byValue: true })));
      return items && call(path, ...items);
    }
    case "unit-struct":
      return value === null ? atom(path) : undefined;
    default:
      return assertNever(decl);
  }
}

/** How a struct literal is completed: `own` for a struct's own `default:` (left-out fields take their own default, else their type's). */
export interface StructLiteralOptions {
  readonly path: string;
  readonly own?: boolean;
  /** The expression of a left-out field, when the caller has a better one (`Self::default_x()`). */
  readonly fallback?: (f: Field) => Expr | undefined;
}

/** A struct value from its wire literal: the fields it gives (flattened ones from its keys), and each other field's default. */
export function structLiteral(decl: StructDecl, value: WireValue, ctx: RustContext, options: StructLiteralOptions): Expr | undefined {
  if (!decl.transparent && !isObject(value)) return undefined;
  if (!decl.transparent && !fieldsFit(decl.fields, value as Record<string, WireValue>, decl, ctx, options.own ?? false)) return undefined;
  const given = splitStructLiteral(ctx.index, decl, value);
  const fields = fieldValues(decl.fields, given, decl, ctx, decl.name, options);
  return fields && { k: "struct", path: options.path, fields };
}

function fieldValues(
  fields: readonly Field[],
  given: ReadonlyMap<string, WireValue>,
  container: StructDecl | undefined,
  ctx: RustContext,
  owner: string,
  options: Omit<StructLiteralOptions, "path">,
): (readonly [string, Expr])[] | undefined {
  const out: (readonly [string, Expr])[] = [];
  for (const f of fields) {
    const place: Place = { owner, byValue: true };
    const v = given.get(f.name);
    let e: Expr | undefined;
    if (v !== undefined) {
      e = literalAt(f.type, v, ctx, place);
      if (e === undefined) return undefined;
    } else {
      e = options.fallback?.(f) ?? missingField(f, container, ctx, place, options.own ?? false);
    }
    out.push([ident(f.name), e]);
  }
  return out;
}

/** The value of a field a literal leaves out: its own default, else the container's (`missing_fields: default`), else none or its type's. */
function missingField(f: Field, container: StructDecl | undefined, ctx: RustContext, p: Place, own: boolean): Expr {
  if (f.default?.kind === "literal") return literalAt(f.type, f.default.value, ctx, p)!;
  if (f.default?.kind === "type") return defaultAt(f.type, ctx, p);
  if (!own && container?.missingFromDefault === true) {
    const v = fieldWireDefault(ctx.index, f, { omitted: false }, container);
    if (v !== undefined) return literalAt(f.type, v, ctx, p)!;
  }
  return defaultAt(f.type, ctx, p);
}

/**
 * Whether an object literal has the fields' shape, as serde would read it: every key is a read
 * field's wire name (or a flattened field takes it), and every required field is there. Decides
 * an untagged enum's variant: the first whose data fits.
 */
function fieldsFit(fields: readonly Field[], value: Readonly<Record<string, WireValue>>, container: StructDecl | undefined, ctx: RustContext, own: boolean): boolean {
  const known = new Set<string>();
  let openEnded = false;
  for (const f of fields) {
    if (!isRead(f)) continue;
    if (!f.flatten) {
      known.add(f.wire);
      continue;
    }
    const inner = declOf(ctx.index, f.type.kind === "optional" ? f.type.inner : f.type);
    if (inner?.kind === "struct") for (const k of claimedKeys(ctx.index, inner, new Set())) known.add(k);
    else openEnded = true;
  }
  if (!openEnded && Object.keys(value).some((k) => !known.has(k))) return false;
  if (own || container?.missingFromDefault === true) return true;
  return fields.every((f) => !isRead(f) || f.flatten || f.default !== undefined || readsMissingAsNone(ctx.index, f.type) || Object.hasOwn(value, f.wire));
}

/** An enum value from its wire form in the enum's representation. */
function enumLiteral(decl: EnumDecl, value: WireValue, ctx: RustContext): Expr | undefined {
  const byWire = (w: WireValue): EnumVariant | undefined => (typeof w === "string" ? decl.variants.find((v) => v.wire === w) : undefined);
  switch (decl.repr.kind) {
    case "external": {
      if (!isObject(value)) {
        const v = byWire(value);
        return v?.payload.kind === "unit" ? variantLiteral(decl, v, null, ctx) : undefined;
      }
      const keys = Object.keys(value);
      const v = keys.length === 1 ? byWire(keys[0]!) : undefined;
      return v === undefined || v.payload.kind === "unit" ? undefined : variantLiteral(decl, v, value[keys[0]!]!, ctx);
    }
    case "internal": {
      if (!isObject(value)) return undefined;
      const v = byWire(value[decl.repr.tag] ?? null);
      if (v === undefined) return undefined;
      const rest = Object.fromEntries(Object.entries(value).filter(([k]) => k !== (decl.repr as { tag: string }).tag));
      if (v.payload.kind === "unit") return variantLiteral(decl, v, null, ctx);
      if (v.payload.kind === "newtype" && heldUnitStruct(v.payload.type, ctx) && Object.keys(rest).length === 0) return variantLiteral(decl, v, null, ctx);
      return variantLiteral(decl, v, rest, ctx);
    }
    case "adjacent": {
      if (!isObject(value)) return undefined;
      const v = byWire(value[decl.repr.tag] ?? null);
      if (v === undefined) return undefined;
      return variantLiteral(decl, v, v.payload.kind === "unit" ? null : (value[decl.repr.content] ?? null), ctx);
    }
    case "untagged": {
      for (const v of decl.variants) {
        const e = variantLiteral(decl, v, value, ctx);
        if (e !== undefined) return e;
      }
      return undefined;
    }
    default:
      return assertNever(decl.repr);
  }
}

function heldUnitStruct(t: TypeRef, ctx: RustContext): boolean {
  while (t.kind === "box") t = t.inner;
  return declOf(ctx.index, t)?.kind === "unit-struct";
}

/** A variant's value from its data (`null` for a unit variant). */
function variantLiteral(decl: EnumDecl, v: EnumVariant, data: WireValue, ctx: RustContext): Expr | undefined {
  const path = `${ctx.use(decl.name)}::${v.name}`;
  const place: Place = { owner: decl.name, byValue: true };
  switch (v.payload.kind) {
    case "unit":
      return data === null ? atom(path) : undefined;
    case "newtype": {
      const inner = literalAt(v.payload.type, data, ctx, place);
      return inner && call(path, inner);
    }
    case "tuple": {
      const items = v.payload.items;
      if (!Array.isArray(data) || data.length !== items.length) return undefined;
      const exprs = every(items.map((item, i) => literalAt(item, data[i]!, ctx, place)));
      return exprs && call(path, ...exprs);
    }
    case "struct": {
      if (!isObject(data)) return undefined;
      const fields = v.payload.fields;
      const variantStruct: StructDecl = {
        kind: "struct",
        name: `${decl.name}::${v.name}`,
        module: decl.module,
        doc: "",
        renameAll: v.payload.renameAll,
        fields,
        hasDefault: false,
        defaultValue: undefined,
        missingFromDefault: false,
        transparent: false,
        unknownFields: decl.unknownFields,
        range: v.range,
      };
      if (!fieldsFit(fields, data, undefined, ctx, false)) return undefined;
      const given = splitStructLiteral(ctx.index, variantStruct, data);
      const values = fieldValues(fields, given, undefined, ctx, decl.name, {});
      return values && { k: "struct", path, fields: values };
    }
    default:
      return assertNever(v.payload);
  }
}
