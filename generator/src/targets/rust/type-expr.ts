/**
 * Type expressions in Rust: the Rust type of an IDL type (`optional<list<SecretScope>>` is
 * `Option<Vec<SecretScope>>`), a type's own default (what `Default::default()` gives), and the
 * Rust expression of a literal default written in the IDL.
 */
import { assertNever, type Field, type StructDecl, type TypeRef, type WireValue } from "../../model/ir.js";
import type { RustContext } from "./context.js";
import { atom, call, typeNode, type Expr, type TypeNode } from "./layout.js";
import { ident, stringLiteral } from "./text.js";

/** The Rust type of a type expression; `boxed` wraps the innermost named type of an `optional<T>` in `Box`. */
export function rustType(t: TypeRef, ctx: RustContext, boxed = false): TypeNode {
  switch (t.kind) {
    case "primitive":
      return typeNode(t.name === "string" ? "String" : t.name);
    case "optional":
      return typeNode(
        "Option",
        boxed && t.inner.kind === "named" ? typeNode("Box", rustType(t.inner, ctx)) : rustType(t.inner, ctx, boxed),
      );
    case "list":
      return typeNode("Vec", rustType(t.element, ctx));
    case "map":
      ctx.uses.btreeMap = true;
      return typeNode("BTreeMap", typeNode("String"), rustType(t.value, ctx));
    case "named":
      return typeNode(ctx.use(t.name));
    default:
      return assertNever(t);
  }
}

/**
 * Whether Rust's `Default::default()` of the type is the IDL's type default, so that a field
 * with `type_default: true` is plain `#[serde(default)]`. An open enum is a `String`, whose
 * Rust default is `""`: it differs when the open enum declares its own default.
 */
export function rustDefaultIsTypeDefault(t: TypeRef, ctx: RustContext): boolean {
  if (t.kind !== "named") return true;
  const decl = ctx.index.types.get(t.name);
  return !(decl?.kind === "open-enum" && decl.defaultValue !== undefined && decl.defaultValue !== "");
}

/** The expression of a type's own default value. */
export function typeDefaultExpr(t: TypeRef, ctx: RustContext): Expr {
  switch (t.kind) {
    case "primitive":
      switch (t.name) {
        case "string":
          return call("String::new");
        case "bool":
          return atom("false");
        case "f64":
          return atom("0.0");
        default:
          return atom("0");
      }
    case "optional":
      return atom("None");
    case "list":
      return call("Vec::new");
    case "map":
      ctx.uses.btreeMap = true;
      return call("BTreeMap::new");
    case "named": {
      const decl = ctx.index.types.get(t.name);
      if (decl?.kind === "open-enum") return stringExpr(decl.defaultValue ?? "");
      return call(`${ctx.use(t.name)}::default`);
    }
    default:
      return assertNever(t);
  }
}

/** `String::from("x")`, or `String::new()` for the empty string. */
export function stringExpr(value: string): Expr {
  return value === "" ? call("String::new") : call("String::from", atom(stringLiteral(value)));
}

/** A Rust float literal of a finite number, with the shortest digits that read back to it. */
export function floatLiteral(value: number): string {
  if (Object.is(value, -0)) return "-0.0";
  const text = String(value).replace("e+", "e");
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** The Rust expression of a wire value of type `t`, as the IDL's loader has checked it. */
export function literalExpr(t: TypeRef, value: WireValue, ctx: RustContext, boxed = false): Expr {
  switch (t.kind) {
    case "primitive":
      switch (t.name) {
        case "string":
          return stringExpr(value as string);
        case "bool":
          return atom(String(value));
        case "f64":
          return atom(floatLiteral(value as number));
        default:
          return atom(String(value));
      }
    case "optional": {
      if (value === null) return atom("None");
      const inner = literalExpr(t.inner, value, ctx);
      return call("Some", boxed && t.inner.kind === "named" ? call("Box::new", inner) : inner);
    }
    case "list": {
      const items = value as readonly WireValue[];
      if (items.length === 0) return call("Vec::new");
      return { k: "array", name: "vec!", items: items.map((v) => literalExpr(t.element, v, ctx)) };
    }
    case "map": {
      ctx.uses.btreeMap = true;
      const entries = Object.entries(value as Record<string, WireValue>);
      if (entries.length === 0) return call("BTreeMap::new");
      const pairs: Expr[] = entries.map(([k, v]) => ({ k: "tuple", items: [stringExpr(k), literalExpr(t.value, v, ctx)] }));
      return call("BTreeMap::from", { k: "array", name: "", items: pairs });
    }
    case "named":
      return namedLiteral(t.name, value, ctx);
    default:
      return assertNever(t);
  }
}

function namedLiteral(name: string, value: WireValue, ctx: RustContext): Expr {
  const decl = ctx.index.types.get(name);
  const rustName = ctx.use(name);
  switch (decl?.kind) {
    case "enum": {
      const variant = decl.variants.find((v) => v.wire === value) ?? decl.variants[0]!;
      return atom(`${rustName}::${variant.name}`);
    }
    case "open-enum":
      return stringExpr(value as string);
    case "string":
      return call(rustName, stringExpr(value as string));
    case "struct":
      return structLiteral(decl, value as Record<string, WireValue>, ctx);
    case undefined:
      throw new Error(`unknown type ${name}`);
    default:
      return assertNever(decl);
  }
}

/** A struct value from a literal: the fields it gives, and each other field's own default. */
function structLiteral(decl: StructDecl, value: Readonly<Record<string, WireValue>>, ctx: RustContext): Expr {
  const fields = decl.fields.map((f): readonly [string, Expr] => [ident(f.name), fieldValue(decl, f, value[f.wire], ctx)]);
  return { k: "struct", path: ctx.use(decl.name), fields };
}

function fieldValue(decl: StructDecl, f: Field, given: WireValue | undefined, ctx: RustContext): Expr {
  const boxed = ctx.isBoxed(decl, f.name);
  if (given !== undefined) return literalExpr(f.type, given, ctx, boxed);
  if (f.default?.kind === "literal") return literalExpr(f.type, f.default.value, ctx, boxed);
  return typeDefaultExpr(f.type, ctx);
}
