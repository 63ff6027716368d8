/**
 * How two types relate on the wire: the same values, more (wider), fewer (narrower) or neither,
 * with notes on what changes anyway (list and set, hashed or not, boxed or not). Compares what
 * JSON a reader accepts, not names: u32 and u16 are both `number` in TypeScript but differ on the
 * wire; two differently named enums with the same wire names are the same; a newtype reads as
 * its inner type, a box as what it holds.
 */
import { INTEGER_RANGES } from "../model/facts.js";
import { isRead, isFieldRequired, transparentField, type FieldContainer } from "../model/facts.js";
import {
  assertNever,
  typeText,
  type EnumDecl,
  type Field,
  type IntegerName,
  type ModelIndex,
  type StructDecl,
  type TypeDecl,
  type TypeRef,
} from "../model/ir.js";
import { combine, noted, prefixed, SAME, type Note, type Relation } from "./relation.js";
import { CHAR_RULE, domainText, relateStrings, stringDomainOf, type StringDomain } from "./string-relation.js";

export interface Indexes {
  readonly base: ModelIndex;
  readonly head: ModelIndex;
}

type Shape =
  | { readonly k: "bool" }
  | { readonly k: "int"; readonly min: bigint; readonly max: bigint }
  | { readonly k: "float"; readonly bits: 32 | 64 }
  | { readonly k: "string"; readonly domain: StringDomain }
  | { readonly k: "unit" }
  | { readonly k: "null"; readonly inner: TypeRef }
  | { readonly k: "json" }
  | { readonly k: "seq"; readonly t: Extract<TypeRef, { kind: "list" | "set" }> }
  | { readonly k: "fixed"; readonly items: readonly TypeRef[] }
  | { readonly k: "map"; readonly t: Extract<TypeRef, { kind: "map" }> }
  | { readonly k: "struct"; readonly decl: StructDecl }
  | { readonly k: "enum"; readonly decl: EnumDecl };

/** Integers a float type holds exactly, every smaller one too: 2^24 for f32, 2^53 for f64. */
const EXACT_IN_FLOAT = { 32: 2n ** 24n, 64: 2n ** 53n } as const;

/**
 * Relation of the values `head` accepts to those `base` accepts. Named types of the same name are
 * the same here: changes of their declaration are reported at the declaration.
 */
export function relateTypes(base: TypeRef, head: TypeRef, ix: Indexes, seen: Seen = new Map()): Relation {
  const b = unboxed(base);
  const h = unboxed(head);
  const boxNote: Note[] =
    b.boxed === h.boxed ? [] : [{ rule: "BOX_CHANGED", from: typeText(base), to: typeText(head), where: "" }];
  if (b.t.kind === "named" && h.t.kind === "named" && b.t.name === h.t.name) return noted(SAME, boxNote);
  if (b.t.kind !== "named" && h.t.kind !== "named") return noted(relateUnnamed(b.t, h.t, ix, seen), boxNote);
  // Named types may contain themselves (through lists, options, maps): a pair met again while it is
  // being compared relates as the same (what it adds is found where it is first compared).
  const key = `${typeText(b.t)}>${typeText(h.t)}`;
  const known = seen.get(key);
  if (known !== undefined || seen.has(key)) return noted(known ?? SAME, boxNote);
  seen.set(key, undefined);
  const r = relateUnnamed(b.t, h.t, ix, seen);
  seen.set(key, r);
  return noted(r, boxNote);
}

/** Pairs of named types compared so far: their relation, or undefined while it is being found. */
type Seen = Map<string, Relation | undefined>;

function relateUnnamed(b: TypeRef, h: TypeRef, ix: Indexes, seen: Seen): Relation {
  const bu = unwrapped(b, ix.base);
  const hu = unwrapped(h, ix.head);
  if (bu !== b || hu !== h) return relateTypes(bu, hu, ix, seen);
  return relateShapes(b, h, shapeOf(b, ix.base), shapeOf(h, ix.head), ix, seen);
}

/** Relation of two declarations' wire forms (a type whose kind changed, or two differently named types). */
export function relateDecls(b: TypeDecl, h: TypeDecl, ix: Indexes): Relation {
  const asRef = (d: TypeDecl): TypeRef => ({ kind: "named", name: d.name, range: d.range });
  const bt = unwrapped(asRef(b), ix.base);
  const ht = unwrapped(asRef(h), ix.head);
  if (bt.kind !== "named" || ht.kind !== "named") return relateTypes(bt, ht, ix);
  return relateShapes(bt, ht, declShape(b, ix.base), declShape(h, ix.head), ix, new Map());
}

function relateShapes(base: TypeRef, head: TypeRef, b: Shape, h: Shape, ix: Indexes, seen: Seen): Relation {
  if (b.k === "json" && h.k === "json") return SAME;
  if (h.k === "json") return { kind: "wider", detail: `any JSON other than ${describe(b)} (raw JSON, no longer checked)` };
  if (b.k === "json") return { kind: "narrower", detail: `JSON other than ${describe(h)} (it was raw JSON)` };
  if (b.k === "unit" && h.k === "unit") return SAME;
  if (b.k === "unit" && h.k === "null") return { kind: "wider", detail: `values of ${typeText(h.inner)}` };
  if (b.k === "null" && h.k === "unit") return { kind: "narrower", detail: `values of ${typeText(b.inner)}` };
  if (b.k === "null" && h.k === "null") return relateTypes(b.inner, h.inner, ix, seen);
  if (b.k === "null") return combine({ kind: "narrower", detail: "null" }, relateTypes(b.inner, head, ix, seen));
  if (h.k === "null") return combine({ kind: "wider", detail: "null" }, relateTypes(base, h.inner, ix, seen));
  if (b.k === "seq" && h.k === "seq") return relateSeqs(b.t, h.t, ix, seen);
  if (b.k === "fixed" && h.k === "fixed") return relateFixed(b.items, h.items, ix, seen);
  if (b.k === "fixed" && h.k === "seq") {
    const lengths: Relation = { kind: "wider", detail: `arrays of other lengths than ${b.items.length}` };
    return b.items.reduce<Relation>((r, item) => combine(r, prefixed("elements", relateTypes(item, h.t.element, ix, seen))), lengths);
  }
  if (b.k === "seq" && h.k === "fixed") {
    const lengths: Relation = { kind: "narrower", detail: `arrays of other lengths than ${h.items.length}` };
    return h.items.reduce<Relation>((r, item) => combine(r, prefixed("elements", relateTypes(b.t.element, item, ix, seen))), lengths);
  }
  if (b.k === "map" && h.k === "map") return relateMaps(b.t, h.t, ix, seen);
  if (b.k === "struct" && h.k === "struct") return relateStructs(b.decl, h.decl, ix, seen);
  if (b.k === "enum" && h.k === "enum") return relateEnums(b.decl, h.decl, ix, seen);
  if (b.k === "string" && h.k === "string") return relateStrings(b.domain, h.domain);
  if (b.k === "bool" && h.k === "bool") return SAME;
  if (b.k === "int" && h.k === "int") return relateInts(b, h);
  if (b.k === "float" && h.k === "float") return relateFloats(b.bits, h.bits);
  if (b.k === "int" && h.k === "float") {
    const wider: Relation = { kind: "wider", detail: "numbers that are not integers" };
    const exact = EXACT_IN_FLOAT[h.bits];
    if (b.max <= exact && b.min >= -exact) return wider;
    return combine(wider, { kind: "narrower", detail: `integers beyond 2^${h.bits === 32 ? 24 : 53}, which read rounded` });
  }
  if (b.k === "float" && h.k === "int") {
    const narrower: Relation = { kind: "narrower", detail: `numbers that are not integers or outside ${h.min} to ${h.max}` };
    const exact = EXACT_IN_FLOAT[b.bits];
    if (h.max <= exact && h.min >= -exact) return narrower;
    return combine(narrower, { kind: "wider", detail: `integers beyond 2^${b.bits === 32 ? 24 : 53}, which they read rounded` });
  }
  return { kind: "different", detail: `${describe(b)} and ${describe(h)} share no values` };
}

function relateInts(b: { min: bigint; max: bigint }, h: { min: bigint; max: bigint }, noun = "values"): Relation {
  const parts: Relation[] = [];
  if (h.max < b.max) parts.push({ kind: "narrower", detail: `${noun} above ${h.max}` });
  if (h.max > b.max) parts.push({ kind: "wider", detail: `${noun} above ${b.max}` });
  if (h.min > b.min) parts.push({ kind: "narrower", detail: `${noun} below ${h.min}` });
  if (h.min < b.min) parts.push({ kind: "wider", detail: `${noun} below ${b.min}` });
  return parts.reduce(combine, SAME);
}

function relateFloats(b: 32 | 64, h: 32 | 64): Relation {
  if (b === h) return SAME;
  const beyond = "numbers beyond f32's range or precision (an f32 reads them rounded)";
  return b === 64 ? { kind: "narrower", detail: beyond } : { kind: "wider", detail: beyond };
}

/** Lists and sets: the same arrays read; a set collapses repeats and writes sorted, which a note says. */
function relateSeqs(b: Extract<TypeRef, { kind: "list" | "set" }>, h: Extract<TypeRef, { kind: "list" | "set" }>, ix: Indexes, seen: Seen): Relation {
  const notes: Note[] = [];
  const at = { from: typeText(b), to: typeText(h), where: "" };
  if (b.kind === "list" && h.kind === "set") notes.push({ rule: "LIST_BECAME_SET", ...at });
  if (b.kind === "set" && h.kind === "list") notes.push({ rule: "SET_BECAME_LIST", ...at });
  if (b.kind === "set" && h.kind === "set" && b.hashed !== h.hashed) notes.push({ rule: "HASHED_CHANGED", ...at });
  return noted(prefixed("elements", relateTypes(b.element, h.element, ix, seen)), notes);
}

/** Tuples, arrays and tuple structs: arrays of one length, element by element. */
function relateFixed(b: readonly TypeRef[], h: readonly TypeRef[], ix: Indexes, seen: Seen): Relation {
  if (b.length !== h.length) {
    return { kind: "different", detail: `arrays of ${b.length} elements and arrays of ${h.length} elements share no values` };
  }
  return b.reduce<Relation>((r, item, i) => combine(r, prefixed(`element ${i + 1}`, relateTypes(item, h[i]!, ix, seen))), SAME);
}

function relateMaps(b: Extract<TypeRef, { kind: "map" }>, h: Extract<TypeRef, { kind: "map" }>, ix: Indexes, seen: Seen): Relation {
  const notes: Note[] = b.hashed === h.hashed ? [] : [{ rule: "HASHED_CHANGED", from: typeText(b), to: typeText(h), where: "" }];
  const keys = relateKeys(b.key, h.key, ix);
  return noted(combine(keys, prefixed("map values", relateTypes(b.value, h.value, ix, seen))), notes);
}

/** Map keys: JSON strings, read as the key type (integers parsed from the string). */
function relateKeys(base: TypeRef, head: TypeRef, ix: Indexes): Relation {
  const b = keyShape(unwrapped(unboxed(base).t, ix.base), ix.base);
  const h = keyShape(unwrapped(unboxed(head).t, ix.head), ix.head);
  if (b.k === "int" && h.k === "int") return relateInts(b, h, "keys");
  if (b.k === "string" && h.k === "string") return prefixed("keys", relateStrings(b.domain, h.domain));
  if (b.k === "int" && h.k === "string" && h.domain.k === "any") return { kind: "wider", detail: "keys that are not integers" };
  if (b.k === "string" && b.domain.k === "any" && h.k === "int") return { kind: "narrower", detail: "keys that are not integers" };
  return { kind: "different", detail: `${b.k === "int" ? "integer keys" : domainText(b.domain)} and ${h.k === "int" ? "integer keys" : domainText(h.domain)} differ` };
}

function keyShape(t: TypeRef, index: ModelIndex): { k: "int"; min: bigint; max: bigint } | { k: "string"; domain: StringDomain } {
  const s = shapeOf(t, index);
  if (s.k === "int") return s;
  if (s.k === "string") return s;
  return { k: "string", domain: { k: "set", values: [] } };
}

/** Structs of different names: the same when every field reads the same way, else different. */
function relateStructs(b: StructDecl, h: StructDecl, ix: Indexes, seen: Seen): Relation {
  const same = b.unknownFields === h.unknownFields && sameFields(b.fields, h.fields, { b, h }, ix, seen);
  return same ? SAME : { kind: "different", detail: `${b.name} and ${h.name} have different fields` };
}

/** Whether two lists of fields read the same objects (by wire name, aliases, flatten, presence and type). */
function sameFields(
  base: readonly Field[],
  head: readonly Field[],
  containers: { readonly b?: FieldContainer; readonly h?: FieldContainer },
  ix: Indexes,
  seen: Seen,
): boolean {
  const bf = base.filter(isRead);
  const hf = head.filter(isRead);
  if (bf.length !== hf.length) return false;
  return bf.every((f) => {
    const g = hf.find((x) => x.wire === f.wire);
    if (g === undefined || g.flatten !== f.flatten || [...g.aliases].sort().join() !== [...f.aliases].sort().join()) return false;
    if (isFieldRequired(ix.base, f, containers.b) !== isFieldRequired(ix.head, g, containers.h)) return false;
    return relateTypes(f.type, g.type, ix, seen).kind === "same";
  });
}

/** Enums of different names (with data, or not externally tagged): the same when every variant reads the same way. */
function relateEnums(b: EnumDecl, h: EnumDecl, ix: Indexes, seen: Seen): Relation {
  const different: Relation = { kind: "different", detail: `${b.name} and ${h.name} have different variants` };
  if (JSON.stringify(b.repr) !== JSON.stringify(h.repr) || b.variants.length !== h.variants.length || b.unknownFields !== h.unknownFields) {
    return different;
  }
  const same = b.variants.every((bv, i) => {
    const hv = h.variants[i]!;
    if (bv.wire !== hv.wire || bv.other !== hv.other || bv.aliases.join() !== hv.aliases.join()) return false;
    const bp = bv.payload;
    const hp = hv.payload;
    switch (bp.kind) {
      case "unit":
        return hp.kind === "unit";
      case "newtype":
        return hp.kind === "newtype" && relateTypes(bp.type, hp.type, ix, seen).kind === "same";
      case "tuple":
        return hp.kind === "tuple" && relateFixed(bp.items, hp.items, ix, seen).kind === "same";
      case "struct":
        return hp.kind === "struct" && sameFields(bp.fields, hp.fields, {}, ix, seen);
      default:
        return assertNever(bp);
    }
  });
  return same ? SAME : different;
}

/** The type with boxes taken off, and whether there were any. */
function unboxed(t: TypeRef): { readonly t: TypeRef; readonly boxed: boolean } {
  let boxed = false;
  while (t.kind === "box") {
    t = t.inner;
    boxed = true;
  }
  return { t, boxed };
}

/**
 * What a named type is on the wire when that is another type: a newtype's inner type, a
 * transparent struct's field, a one-element tuple struct's element (a newtype in Rust), a box's
 * content. Other types come back as they are (the same object).
 */
function unwrapped(t: TypeRef, index: ModelIndex): TypeRef {
  if (t.kind === "box") return unboxed(t).t;
  if (t.kind !== "named") return t;
  const decl = index.types.get(t.name);
  switch (decl?.kind) {
    case "newtype":
      return decl.type;
    case "struct": {
      const field = decl.transparent ? transparentField(decl) : undefined;
      return field === undefined ? t : field.type;
    }
    case "tuple-struct":
      return decl.items.length === 1 ? decl.items[0]! : t;
    default:
      return t;
  }
}

function shapeOf(t: TypeRef, index: ModelIndex): Shape {
  switch (t.kind) {
    case "primitive":
      switch (t.name) {
        case "bool":
          return { k: "bool" };
        case "f32":
          return { k: "float", bits: 32 };
        case "f64":
          return { k: "float", bits: 64 };
        case "string":
          return { k: "string", domain: { k: "any" } };
        case "char":
          return { k: "string", domain: { k: "rule", decl: CHAR_RULE } };
        case "unit":
          return { k: "unit" };
        default:
          return intShape(t.name);
      }
    case "json":
      return { k: "json" };
    case "optional":
      return { k: "null", inner: t.inner };
    case "list":
    case "set":
      return { k: "seq", t };
    case "map":
      return { k: "map", t };
    case "tuple":
      return { k: "fixed", items: t.items };
    case "array":
      return { k: "fixed", items: Array.from({ length: t.length }, () => t.element) };
    case "box":
      return shapeOf(t.inner, index);
    case "named": {
      const decl = index.types.get(t.name);
      if (decl === undefined) return { k: "string", domain: { k: "any" } };
      return declShape(decl, index);
    }
    default:
      return assertNever(t);
  }
}

function intShape(name: IntegerName): Shape {
  const [min, max] = INTEGER_RANGES[name];
  return { k: "int", min, max };
}

function declShape(decl: TypeDecl, index: ModelIndex): Shape {
  const domain = stringDomainOf(decl);
  if (domain !== undefined) return { k: "string", domain };
  switch (decl.kind) {
    case "struct":
      return { k: "struct", decl };
    case "enum":
      return { k: "enum", decl };
    case "newtype":
      return shapeOf(decl.type, index);
    case "tuple-struct":
      return decl.items.length === 1 ? shapeOf(decl.items[0]!, index) : { k: "fixed", items: decl.items };
    case "unit-struct":
      return { k: "unit" };
    default:
      return { k: "string", domain: { k: "any" } };
  }
}

function describe(s: Shape): string {
  switch (s.k) {
    case "bool":
      return "booleans";
    case "int":
      return `integers ${s.min} to ${s.max}`;
    case "float":
      return s.bits === 32 ? "f32 numbers" : "numbers";
    case "string":
      return domainText(s.domain);
    case "unit":
      return "null";
    case "null":
      return `null or ${typeText(s.inner)}`;
    case "json":
      return "any JSON";
    case "seq":
      return s.t.kind === "set" ? "sets" : "lists";
    case "fixed":
      return `arrays of ${s.items.length} elements`;
    case "map":
      return "maps";
    case "struct":
      return `${s.decl.name} objects`;
    case "enum":
      return `${s.decl.name} values`;
    default:
      return assertNever(s);
  }
}
