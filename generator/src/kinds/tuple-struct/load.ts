/** Tuple structs in the loader (`struct Pair(pub A, pub B);`): two or more types, written as a JSON array. */
import type { DataPath } from "../../parse/locate.js";
import { typeHasDefault } from "../../model/facts.js";
import { typeText, type TupleStructDecl, type TypeRef } from "../../model/ir.js";
import type { BuildContext, KindLoader } from "../../model/kind-loader.js";
import { docText, type RawTupleStruct } from "../../model/raw.js";
import { resolveTypeExpr } from "../../model/resolve-type.js";

export const tupleStructLoader: KindLoader<RawTupleStruct, TupleStructDecl> = {
  build: buildTupleStruct,
  check: (c, decl) => {
    if (!decl.hasDefault) return;
    for (const item of decl.items) {
      if (!typeHasDefault(c.index, item)) {
        c.ctx.report("invalid-type-use", item.range, { detail: `${decl.name} has a default, so each of its items needs one: ${typeText(item)} has none` });
      }
    }
  },
};

function buildTupleStruct(b: BuildContext, name: string, raw: RawTupleStruct, path: DataPath): TupleStructDecl | undefined {
  const { ctx } = b;
  const items = raw.items.map((t, i) => resolveTypeExpr(ctx, [...path, "items", i], t));
  if (!items.every((t): t is TypeRef => t !== undefined)) return undefined;
  return {
    kind: "tuple-struct",
    name,
    module: ctx.name,
    doc: docText(raw.doc),
    items,
    hasDefault: raw.has_default ?? false,
    range: ctx.keyAt(path),
  };
}
