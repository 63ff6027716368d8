/**
 * `kind: tuple-struct` in Rust: `pub struct Weighted(pub String, pub u32);`, a JSON array.
 * `Default` is derived when every item's Rust default is the IDL's, written out otherwise.
 */
import type { TupleStructDecl } from "../../model/ir.js";
import type { RustContext } from "../../targets/rust/context.js";
import { deriveLine } from "../../targets/rust/derives.js";
import { tupleDefaultImpl, tupleStructItem } from "../../targets/rust/tuple-items.js";
import { docLines } from "../../targets/rust/text.js";
import { rustDefaultIsTypeDefault } from "../../targets/rust/type-expr.js";

export function tupleStructRust(ctx: RustContext, decl: TupleStructDecl): string[][] {
  ctx.uses.serde = true;
  const derivesDefault = decl.hasDefault && decl.items.every((t) => rustDefaultIsTypeDefault(t, ctx));
  const head = [...docLines(decl.doc, 0), deriveLine(ctx, decl, { default: derivesDefault })];
  const blocks = [[...head, ...tupleStructItem(ctx, decl.name, decl.items)]];
  if (decl.hasDefault && !derivesDefault) blocks.push(tupleDefaultImpl(ctx, decl.name, decl.items));
  return blocks;
}
