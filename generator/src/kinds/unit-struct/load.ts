/** Unit structs in the loader (`struct Marker;`): no data, written as JSON null; a default always exists. */
import type { DataPath } from "../../parse/locate.js";
import type { UnitStructDecl } from "../../model/ir.js";
import type { BuildContext, KindLoader } from "../../model/kind-loader.js";
import { docText, type RawUnitStruct } from "../../model/raw.js";

export const unitStructLoader: KindLoader<RawUnitStruct, UnitStructDecl> = { build: buildUnitStruct };

function buildUnitStruct(b: BuildContext, name: string, raw: RawUnitStruct, path: DataPath): UnitStructDecl {
  return {
    kind: "unit-struct",
    name,
    module: b.ctx.name,
    doc: docText(raw.doc),
    hasDefault: raw.has_default ?? false,
    range: b.ctx.keyAt(path),
  };
}
