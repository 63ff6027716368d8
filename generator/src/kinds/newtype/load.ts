/** Newtype structs in the loader (`struct Meters(pub u64);`): one inner type, written as itself. */
import type { DataPath } from "../../parse/locate.js";
import { typeHasDefault } from "../../model/facts.js";
import { typeText, type NewtypeDecl } from "../../model/ir.js";
import type { BuildContext, KindLoader } from "../../model/kind-loader.js";
import { docText, type RawNewtype } from "../../model/raw.js";
import { resolveTypeExpr } from "../../model/resolve-type.js";

export const newtypeLoader: KindLoader<RawNewtype, NewtypeDecl> = {
  build: buildNewtype,
  check: (c, decl) => {
    if (decl.hasDefault && !typeHasDefault(c.index, decl.type)) {
      c.ctx.report("invalid-type-use", decl.type.range, {
        detail: `${decl.name} has a default, so its type needs one: ${typeText(decl.type)} has none`,
      });
    }
  },
};

function buildNewtype(b: BuildContext, name: string, raw: RawNewtype, path: DataPath): NewtypeDecl | undefined {
  const { ctx } = b;
  const type = resolveTypeExpr(ctx, [...path, "type"], raw.type);
  if (type === undefined) return undefined;
  return {
    kind: "newtype",
    name,
    module: ctx.name,
    doc: docText(raw.doc),
    type,
    hasDefault: raw.has_default ?? false,
    range: ctx.keyAt(path),
  };
}
