/**
 * Default values as TypeScript expressions: a wire value from the IDL turned into the value a
 * reader would return for it (struct literals completed with their fields' defaults). Every
 * expression builds a fresh value, so no two readers share a mutable default.
 */
import { assertNever, type Field, type StructDecl, type TypeRef, type WireValue } from "../../model/ir.js";
import { typeDefaultValue } from "./facts.js";
import type { Expr } from "./printer/ast.js";
import { call, FALSE, NULL, num, str, TRUE, UNDEFINED, type FileScope } from "./scope.js";

/** The expression of a field's default, when it has one. */
export function fieldDefault(s: FileScope, f: Field): Expr | undefined {
  const d = f.default;
  if (d === undefined) return undefined;
  return d.kind === "literal" ? literalExpr(s, f.type, d.value) : typeDefault(s, f.type);
}

/** A fresh value of the type's own default: `defaultT()` for structs, a literal otherwise. */
export function typeDefault(s: FileScope, t: TypeRef): Expr {
  if (t.kind === "named" && s.decl(t.name).kind !== "enum" && s.decl(t.name).kind !== "open-enum") return call(s.value(t.name, `default${t.name}`));
  if (t.kind === "box") return typeDefault(s, t.inner);
  return literalExpr(s, t, typeDefaultValue(s.index, t) ?? null);
}

/** The object of `defaultT()` for a struct with a default: its `default:` value, or each field's default, else its type's. */
export function structDefault(s: FileScope, decl: StructDecl): Expr {
  if (decl.defaultValue !== undefined) return literalExpr(s, { kind: "named", name: decl.name, range: decl.range }, decl.defaultValue);
  return {
    t: "object",
    props: valueFields(decl).map((f) => ({ key: f.wire, value: fieldDefault(s, f) ?? (f.type.kind === "optional" ? UNDEFINED : typeDefault(s, f.type)) })),
  };
}

export function literalExpr(s: FileScope, t: TypeRef, value: WireValue): Expr {
  switch (t.kind) {
    case "primitive":
      return scalar(value);
    case "json":
      return json(value);
    case "optional":
      return value === null ? UNDEFINED : literalExpr(s, t.inner, value);
    case "list":
    case "array":
      return { t: "array", items: (value as readonly WireValue[]).map((v) => literalExpr(s, t.element, v)) };
    case "set": {
      // A set's value is sorted and unique, as a reader returns it.
      const items = [...new Set(value as readonly WireValue[])].sort(orderOf(s, t.element));
      return { t: "array", items: items.map((v) => literalExpr(s, t.element, v)) };
    }
    case "tuple":
      return { t: "array", items: (value as readonly WireValue[]).map((v, i) => literalExpr(s, t.items[i]!, v)) };
    case "map":
      return {
        t: "object",
        props: Object.entries(value as Record<string, WireValue>).map(([key, v]) => ({ key: canonicalKey(s, t.key, key), value: literalExpr(s, t.value, v) })),
      };
    case "box":
      return literalExpr(s, t.inner, value);
    case "named": {
      const decl = s.decl(t.name);
      switch (decl.kind) {
        case "struct": {
          if (decl.transparent) {
            const f = decl.fields.find((x) => x.skip !== "both" && x.skip !== "deserializing")!;
            return literalExpr(s, f.type, value);
          }
          const obj = value as Record<string, WireValue>;
          return {
            t: "object",
            props: valueFields(decl).map((f) => {
              const given = obj[f.wire];
              const expr =
                given !== undefined
                  ? literalExpr(s, f.type, given)
                  : (fieldDefault(s, f) ?? (f.type.kind === "optional" ? UNDEFINED : typeDefault(s, f.type)));
              return { key: f.wire, value: expr };
            }),
          };
        }
        case "newtype":
          return literalExpr(s, decl.type, value);
        case "tuple-struct":
          return { t: "array", items: (value as readonly WireValue[]).map((v, i) => literalExpr(s, decl.items[i]!, v)) };
        case "unit-struct":
          return NULL;
        case "enum":
        case "open-enum":
        case "string":
          return json(value);
        default:
          return assertNever(decl);
      }
    }
    default:
      return assertNever(t);
  }
}

/** The fields a struct's TypeScript value holds: all but those serde never reads nor writes. */
export function valueFields(decl: StructDecl): Field[] {
  return decl.fields.filter((f) => f.skip !== "both");
}

/** A map key of a literal as the reader keeps it (integers in canonical decimal). */
function canonicalKey(s: FileScope, keyType: TypeRef, key: string): string {
  let k = keyType;
  while (k.kind === "box" || (k.kind === "named" && s.decl(k.name).kind === "newtype")) {
    k = k.kind === "box" ? k.inner : (s.decl((k as { name: string }).name) as { type: TypeRef }).type;
  }
  if (k.kind === "primitive" && k.name !== "string" && k.name !== "char") return BigInt(key.replace("+", "")).toString();
  return key;
}

/** Rust's order of set elements, for sorting a literal at generation time. */
function orderOf(s: FileScope, t: TypeRef): (a: WireValue, b: WireValue) => number {
  if (t.kind === "named") {
    const d = s.decl(t.name);
    if (d.kind === "enum") {
      const order = d.variants.map((v) => v.wire);
      return (a, b) => order.indexOf(a as string) - order.indexOf(b as string);
    }
  }
  return (a, b) => {
    if (typeof a === "number" && typeof b === "number") return a - b;
    if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
    const x = [...String(a)].map((c) => c.codePointAt(0)!);
    const y = [...String(b)].map((c) => c.codePointAt(0)!);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  };
}

/** Any JSON data as an expression. */
function json(value: WireValue): Expr {
  if (Array.isArray(value)) return { t: "array", items: value.map(json) };
  if (typeof value === "object" && value !== null) {
    return { t: "object", props: Object.entries(value as Record<string, WireValue>).map(([key, v]) => ({ key, value: json(v) })) };
  }
  return scalar(value);
}

function scalar(value: WireValue): Expr {
  if (value === null) return NULL;
  if (typeof value === "string") return str(value);
  if (typeof value === "number") return value < 0 ? { t: "unary", op: "-", arg: num(-value) } : num(value);
  if (typeof value === "boolean") return value ? TRUE : FALSE;
  throw new Error(`not a scalar default: ${JSON.stringify(value)}`);
}
