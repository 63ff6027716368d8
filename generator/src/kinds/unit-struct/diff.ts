/** Unit-struct changes for `idlc diff`: only its default can change (it is `null` on the wire). */
import type { UnitStructDecl } from "../../model/ir.js";
import type { DiffContext } from "../../diff/context.js";
import { diffOwnDefault } from "../../diff/type-default.js";

/** Compares two declarations of the same unit struct. */
export function diffUnitStruct(cx: DiffContext, b: UnitStructDecl, h: UnitStructDecl): void {
  diffOwnDefault(cx, b, h);
}
