/** Newtype changes for `idlc diff`: the inner type (the wire form), and the default. */
import { typeText, type NewtypeDecl } from "../../model/ir.js";
import { innerTypeFindings, type DiffContext } from "../../diff/context.js";
import { diffOwnDefault } from "../../diff/type-default.js";
import { relateTypes } from "../../diff/wire-relation.js";

/** Compares two declarations of the same newtype. */
export function diffNewtype(cx: DiffContext, b: NewtypeDecl, h: NewtypeDecl): void {
  const where = { base: b.type.range, head: h.type.range };
  const rel = relateTypes(b.type, h.type, cx.ix);
  cx.findings.push(...innerTypeFindings(`type:${h.name}`, `Newtype ${h.name}`, rel, typeText(b.type), typeText(h.type), where));
  diffOwnDefault(cx, b, h);
}
