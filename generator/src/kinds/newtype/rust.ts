/**
 * `kind: newtype` in Rust: `pub struct Millis(pub u64);`, written by serde as its inner value.
 * `Default` is derived when the inner type's Rust default is the IDL's, written out otherwise.
 */
import type { NewtypeDecl } from "../../model/ir.js";
import type { RustContext } from "../../targets/rust/context.js";
import { deriveLine } from "../../targets/rust/derives.js";
import { tupleStructItem, tupleDefaultImpl } from "../../targets/rust/tuple-items.js";
import { docLines } from "../../targets/rust/text.js";
import { rustDefaultIsTypeDefault } from "../../targets/rust/type-expr.js";

export function newtypeRust(ctx: RustContext, decl: NewtypeDecl): string[][] {
  ctx.uses.serde = true;
  const derivesDefault = decl.hasDefault && rustDefaultIsTypeDefault(decl.type, ctx);
  const head = [...docLines(decl.doc, 0), deriveLine(ctx, decl, { default: derivesDefault })];
  const blocks = [[...head, ...tupleStructItem(ctx, decl.name, [decl.type])]];
  if (decl.hasDefault && !derivesDefault) blocks.push(tupleDefaultImpl(ctx, decl.name, [decl.type]));
  return blocks;
}
