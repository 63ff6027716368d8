/**
 * The `#[derive(...)]` of a declaration: `Debug, Clone, PartialEq, Serialize, Deserialize`
 * always, `Default` where the kind derives it, `Eq` for enums whose data allows it, and
 * `Eq, PartialOrd, Ord, Hash` for the types a map key or set element needs them of (a
 * `BTreeMap` orders its keys by `Ord`: declaration order for an enum, as serde writes them).
 */
import { childTypes, payloadTypes } from "../../model/facts.js";
import type { TypeDecl, TypeRef } from "../../model/ir.js";
import type { RustContext } from "./context.js";

/** Whether the Rust type of `t` implements `Eq` (no float inside; declared types that derive it). */
export function isEqType(t: TypeRef, ctx: RustContext, visiting: Set<string> = new Set()): boolean {
  if (t.kind === "primitive") return t.name !== "f32" && t.name !== "f64";
  if (t.kind !== "named") return childTypes(t).every((c) => isEqType(c, ctx, visiting));
  const decl = ctx.rust.decl(t.name);
  if (decl === undefined) return false;
  return derivesEq(decl, ctx, visiting);
}

function derivesEq(decl: TypeDecl, ctx: RustContext, visiting: Set<string>): boolean {
  switch (decl.kind) {
    case "string":
    case "open-enum":
      return true;
    case "enum": {
      if (visiting.has(decl.name)) return true;
      visiting.add(decl.name);
      return decl.variants.every((v) => payloadTypes(v.payload).every((t) => isEqType(t, ctx, visiting)));
    }
    default:
      return ctx.rust.keyTypes.has(decl.name);
  }
}

/** The derive line of a declaration; `default` when it derives `Default`. */
export function deriveLine(ctx: RustContext, decl: TypeDecl, options: { readonly default: boolean }): string {
  const key = ctx.rust.keyTypes.has(decl.name);
  const eq = key || derivesEq(decl, ctx, new Set());
  const traits = [
    "Debug",
    "Clone",
    ...(options.default ? ["Default"] : []),
    "PartialEq",
    ...(eq ? ["Eq"] : []),
    ...(key ? ["PartialOrd", "Ord", "Hash"] : []),
    "Serialize",
    "Deserialize",
  ];
  return `#[derive(${traits.join(", ")})]`;
}
