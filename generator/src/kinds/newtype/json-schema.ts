/** Newtype structs (`struct Meters(u64)`) in JSON Schema: the inner value's schema. */
import { typeWireDefault } from "../../model/facts.js";
import type { NewtypeDecl } from "../../model/ir.js";
import { defaulted, keywords, titled, type SchemaContext, type SchemaObject } from "../../targets/json-schema/context.js";
import { typeSchema } from "../../targets/json-schema/expr.js";

/** The schema of a newtype: exactly its inner value's, under its own title. */
export function newtypeSchema(cx: SchemaContext, decl: NewtypeDecl): SchemaObject {
  const value = typeWireDefault(cx.index, { kind: "named", name: decl.name, range: decl.range });
  return { ...titled(decl), ...defaulted(value), ...keywords(typeSchema(cx, decl.type)) };
}
