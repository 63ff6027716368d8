/** Tuple-struct changes for `idlc diff`: its elements (their number and types), and the default. */
import { typeText, type TupleStructDecl } from "../../model/ir.js";
import { innerTypeFindings, type DiffContext } from "../../diff/context.js";
import { relateTypes } from "../../diff/wire-relation.js";
import { diffOwnDefault } from "../../diff/type-default.js";

/** Compares two declarations of the same tuple struct. */
export function diffTupleStruct(cx: DiffContext, b: TupleStructDecl, h: TupleStructDecl): void {
  const tuple = (d: TupleStructDecl) => ({ kind: "tuple" as const, items: d.items, range: d.range });
  // One element is a newtype in Rust, written as the element alone.
  const wire = (d: TupleStructDecl) => (d.items.length === 1 ? d.items[0]! : tuple(d));
  const rel = relateTypes(wire(b), wire(h), cx.ix);
  cx.findings.push(...innerTypeFindings(`type:${h.name}`, `Tuple struct ${h.name}`, rel, typeText(tuple(b)), typeText(tuple(h)), { base: b.range, head: h.range }));
  diffOwnDefault(cx, b, h);
}
