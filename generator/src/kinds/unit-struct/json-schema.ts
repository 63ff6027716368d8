/** Unit structs (`struct Marker;`) in JSON Schema: `null`. */
import type { UnitStructDecl } from "../../model/ir.js";
import { titled, type SchemaObject } from "../../targets/json-schema/context.js";

/** The schema of a unit struct: only `null` reads. */
export function unitStructSchema(decl: UnitStructDecl): SchemaObject {
  return { ...titled(decl), ...(decl.hasDefault ? { default: null } : {}), type: "null" };
}
