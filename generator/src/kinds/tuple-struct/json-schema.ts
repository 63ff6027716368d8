/** Tuple structs (`struct Pair(A, B)`) in JSON Schema: an array of exactly those elements. */
import { typeWireDefault } from "../../model/facts.js";
import type { TupleStructDecl } from "../../model/ir.js";
import { commented, defaulted, keywords, titled, type SchemaContext, type SchemaObject } from "../../targets/json-schema/context.js";
import { itemsSchema, typeSchema } from "../../targets/json-schema/expr.js";

/**
 * The schema of a tuple struct: an array of its elements. With one element it is a newtype
 * struct in Rust (`struct X(T);`), which serde writes as the element alone.
 */
export function tupleStructSchema(cx: SchemaContext, decl: TupleStructDecl): SchemaObject {
  const head = { ...titled(decl), ...defaulted(typeWireDefault(cx.index, { kind: "named", name: decl.name, range: decl.range })) };
  if (decl.items.length === 1) {
    return commented({ ...head, ...keywords(typeSchema(cx, decl.items[0]!)) }, "one element: a newtype struct, written as the element");
  }
  return { ...head, ...itemsSchema(cx, decl.items) };
}
