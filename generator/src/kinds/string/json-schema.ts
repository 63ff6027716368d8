/** Constrained strings (`kind: string`) in JSON Schema: lengths in code points and the pattern. */
import type { StringDecl } from "../../model/ir.js";
import { titled, type SchemaObject } from "../../targets/json-schema/context.js";

/** The schema of a `kind: string` type: its lengths (JSON Schema counts code points, as the reader does) and pattern. */
export function stringSchema(decl: StringDecl): SchemaObject {
  return {
    ...titled(decl),
    type: "string",
    ...(decl.minLength !== undefined ? { minLength: decl.minLength } : {}),
    ...(decl.maxLength !== undefined ? { maxLength: decl.maxLength } : {}),
    ...(decl.pattern !== undefined ? { pattern: decl.pattern } : {}),
  };
}
