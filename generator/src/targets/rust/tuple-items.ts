/**
 * The items of Rust's tuple structs (`kind: newtype` and `kind: tuple-struct`): the item
 * `pub struct Pair(pub A, pub B);` laid out as rustfmt does (one line when it fits, else one
 * item per line), and `impl Default` when an item's Rust default is not the IDL's.
 */
import type { TypeRef } from "../../model/ir.js";
import type { RustContext } from "./context.js";
import { exprText, layoutStatement, MAX_WIDTH, typeText, type Expr } from "./layout.js";
import { rustType, typeDefaultExpr } from "./type-expr.js";

/** `pub struct Name(pub A, pub B);`, on one line or one item per line. */
export function tupleStructItem(ctx: RustContext, name: string, items: readonly TypeRef[]): string[] {
  const types = items.map((t) => `pub ${typeText(rustType(t, ctx, name))}`);
  const line = `pub struct ${name}(${types.join(", ")});`;
  if (line.length <= MAX_WIDTH) return [line];
  return [`pub struct ${name}(`, ...types.map((t) => `    ${t},`), ");"];
}

/** `impl Default for Name { fn default() -> Self { Self(..) } }` from each item's IDL default. */
export function tupleDefaultImpl(ctx: RustContext, name: string, items: readonly TypeRef[]): string[] {
  const value: Expr = { k: "call", callee: "Self", args: items.map((t) => typeDefaultExpr(t, ctx, name)) };
  return [
    `impl Default for ${name} {`,
    "    fn default() -> Self {",
    layoutStatement(value, 8, false) ?? `        ${exprText(value)}`,
    "    }",
    "}",
  ];
}
