/**
 * How two types relate on the wire: the same values, more (wider), fewer (narrower) or neither.
 * Compares what JSON a reader accepts, not names: u32 and u16 are both `number` in TypeScript
 * but differ on the wire; two differently named enums with the same wire names are the same.
 */
import { INTEGER_RANGES } from "../model/facts.js";
import { assertNever, type ModelIndex, type StructDecl, type TypeDecl, type TypeRef } from "../model/ir.js";
import { combine, SAME, type Relation } from "./relation.js";
import { domainText, relateStrings, stringDomainOf, type StringDomain } from "./string-relation.js";

export interface Indexes {
  readonly base: ModelIndex;
  readonly head: ModelIndex;
}

type Shape =
  | { readonly k: "bool" }
  | { readonly k: "int"; readonly min: bigint; readonly max: bigint }
  | { readonly k: "float" }
  | { readonly k: "string"; readonly domain: StringDomain }
  | { readonly k: "null"; readonly inner: TypeRef }
  | { readonly k: "list"; readonly element: TypeRef }
  | { readonly k: "map"; readonly value: TypeRef }
  | { readonly k: "struct"; readonly decl: StructDecl };

/**
 * Relation of the values `head` accepts to those `base` accepts. Named types of the same name are
 * the same here: changes of their declaration are reported at the declaration.
 */
export function relateTypes(base: TypeRef, head: TypeRef, ix: Indexes, seen = new Set<string>()): Relation {
  if (base.kind === "named" && head.kind === "named" && base.name === head.name) return SAME;
  const b = shapeOf(base, ix.base);
  const h = shapeOf(head, ix.head);
  if (b.k === "null" && h.k === "null") return relateTypes(b.inner, h.inner, ix, seen);
  if (b.k === "null") return combine({ kind: "narrower", detail: "null" }, relateTypes(b.inner, head, ix, seen));
  if (h.k === "null") return combine({ kind: "wider", detail: "null" }, relateTypes(base, h.inner, ix, seen));
  if (b.k === "list" && h.k === "list") return prefixed("elements", relateTypes(b.element, h.element, ix, seen));
  if (b.k === "map" && h.k === "map") return prefixed("map values", relateTypes(b.value, h.value, ix, seen));
  if (b.k === "struct" && h.k === "struct") return relateStructs(b.decl, h.decl, ix, seen);
  if (b.k === "string" && h.k === "string") return relateStrings(b.domain, h.domain);
  if (b.k === "bool" && h.k === "bool") return SAME;
  if (b.k === "int" && h.k === "int") return relateInts(b, h);
  if (b.k === "float" && h.k === "float") return SAME;
  if (b.k === "int" && h.k === "float") return { kind: "wider", detail: "numbers that are not integers" };
  if (b.k === "float" && h.k === "int") return { kind: "narrower", detail: `numbers that are not integers${rangeOutside(h)}` };
  return { kind: "different", detail: `${describe(b)} and ${describe(h)} share no values` };
}

function relateInts(b: { min: bigint; max: bigint }, h: { min: bigint; max: bigint }): Relation {
  const parts: Relation[] = [];
  if (h.max < b.max) parts.push({ kind: "narrower", detail: `values above ${h.max}` });
  if (h.max > b.max) parts.push({ kind: "wider", detail: `values above ${b.max}` });
  if (h.min > b.min) parts.push({ kind: "narrower", detail: `values below ${h.min}` });
  if (h.min < b.min) parts.push({ kind: "wider", detail: `values below ${b.min}` });
  return parts.reduce(combine, SAME);
}

/** Structs of different names: the same when every field reads the same way, else different. */
function relateStructs(b: StructDecl, h: StructDecl, ix: Indexes, seen: Set<string>): Relation {
  const key = `${b.name}>${h.name}`;
  if (seen.has(key)) return SAME;
  seen.add(key);
  const different: Relation = { kind: "different", detail: `${b.name} and ${h.name} have different fields` };
  if (b.fields.length !== h.fields.length || b.unknownFields !== h.unknownFields) return different;
  for (const bf of b.fields) {
    const hf = h.fields.find((f) => f.wire === bf.wire);
    if (hf === undefined || (hf.default === undefined) !== (bf.default === undefined)) return different;
    if (relateTypes(bf.type, hf.type, ix, seen).kind !== "same") return different;
  }
  return SAME;
}

function prefixed(prefix: string, r: Relation): Relation {
  if (r.kind === "same") return r;
  return { kind: r.kind, detail: r.kind === "different" ? `${prefix}: ${r.detail}` : `${prefix} with ${r.detail}` };
}

function shapeOf(t: TypeRef, index: ModelIndex): Shape {
  switch (t.kind) {
    case "primitive":
      switch (t.name) {
        case "bool":
          return { k: "bool" };
        case "f64":
          return { k: "float" };
        case "string":
          return { k: "string", domain: { k: "any" } };
        default: {
          const [min, max] = INTEGER_RANGES[t.name];
          return { k: "int", min, max };
        }
      }
    case "optional":
      return { k: "null", inner: t.inner };
    case "list":
      return { k: "list", element: t.element };
    case "map":
      return { k: "map", value: t.value };
    case "named": {
      const decl = index.types.get(t.name);
      if (decl === undefined) return { k: "string", domain: { k: "any" } };
      return declShape(decl);
    }
    default:
      return assertNever(t);
  }
}

function declShape(decl: TypeDecl): Shape {
  if (decl.kind === "struct") return { k: "struct", decl };
  return { k: "string", domain: stringDomainOf(decl) };
}

function describe(s: Shape): string {
  switch (s.k) {
    case "bool":
      return "booleans";
    case "int":
      return `integers ${s.min} to ${s.max}`;
    case "float":
      return "numbers";
    case "string":
      return domainText(s.domain);
    case "null":
      return "null";
    case "list":
      return "lists";
    case "map":
      return "maps";
    case "struct":
      return `${s.decl.name} objects`;
    default:
      return assertNever(s);
  }
}

function rangeOutside(h: { min: bigint; max: bigint }): string {
  return ` or outside ${h.min} to ${h.max}`;
}
