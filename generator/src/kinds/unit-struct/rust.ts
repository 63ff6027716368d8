/** `kind: unit-struct` in Rust: `pub struct Marker;`, written by serde as `null`. */
import type { UnitStructDecl } from "../../model/ir.js";
import type { RustContext } from "../../targets/rust/context.js";
import { deriveLine } from "../../targets/rust/derives.js";
import { docLines } from "../../targets/rust/text.js";

export function unitStructRust(ctx: RustContext, decl: UnitStructDecl): string[][] {
  ctx.uses.serde = true;
  return [[...docLines(decl.doc, 0), deriveLine(ctx, decl, { default: decl.hasDefault }), `pub struct ${decl.name};`]];
}
