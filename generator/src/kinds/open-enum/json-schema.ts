/** Open enums in JSON Schema: any string, the known values listed first for editors. */
import type { OpenEnumDecl } from "../../model/ir.js";
import { defaulted, titled, type SchemaObject } from "../../targets/json-schema/context.js";

/** The schema of an open enum: any string; the known values listed for completion. */
export function openEnumSchema(decl: OpenEnumDecl): SchemaObject {
  return {
    ...titled(decl),
    anyOf: [{ enum: decl.values.map((v) => v.value) }, { type: "string" }],
    ...defaulted(decl.defaultValue),
  };
}
