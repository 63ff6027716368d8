/**
 * What every part of the JSON Schema emitter shares: the schema value type, and the context a
 * declaration's schema is built in (the model, `$ref`s to other declarations, and a flattened
 * enum's shapes, which structs need from kinds/enum: the assembler wires it, so that kinds/enum
 * may use kinds/struct's object form without an import cycle).
 */
import type { Doc, EnumDecl, ModelIndex, TypeDecl, WireValue } from "../../model/ir.js";

/** A JSON Schema (draft 2020-12) node; `true` accepts everything, `false` nothing. */
export type Schema = { readonly [keyword: string]: unknown } | boolean;

/** A JSON Schema object node (never `false`). */
export type SchemaObject = { readonly [keyword: string]: unknown };

/**
 * What a flattened field reads from the object it sits in: the schema its entries must satisfy
 * (applied to the whole object) and the keys it takes away from the fields flattened after it.
 */
export interface FlattenPart {
  readonly schema: SchemaObject;
  readonly takes: readonly string[];
}

export interface SchemaContext {
  readonly index: ModelIndex;
  /** `{"$ref": "#/$defs/Name"}`, and the definition of `Name` joins the document. */
  ref(name: string): SchemaObject;
  /** A flattened enum: its shapes over the entries not taken before it (`taken`). */
  enumFlattened(decl: EnumDecl, taken: readonly string[]): FlattenPart;
  /** Declarations whose schema is being built inline right now (flattened, or inside an internal tag), outermost first. */
  readonly inlining: Set<string>;
}

/**
 * `build()` with `name` marked as being inlined, or `again` when it already is: a type inlined
 * into itself (a flattened struct that flattens itself, an internally tagged enum holding itself).
 */
export function inlined<T>(cx: SchemaContext, name: string, build: () => T, again: () => T): T {
  if (cx.inlining.has(name)) return again();
  cx.inlining.add(name);
  try {
    return build();
  } finally {
    cx.inlining.delete(name);
  }
}

/** `title` and, when documented, `description`. */
export function titled(decl: Pick<TypeDecl, "name"> & Doc): SchemaObject {
  return { title: decl.name, ...described(decl) };
}

/** `description` when there is documentation, else nothing. */
export function described(item: Doc): SchemaObject {
  return item.doc ? { description: item.doc } : {};
}

/** `default` when there is one, else nothing. */
export function defaulted(value: WireValue | undefined): SchemaObject {
  return value === undefined ? {} : { default: value };
}

/** The keywords of `schema` as an object (`true` becomes `{}`, `false` `{"not": {}}`), to spread beside others. */
export function keywords(schema: Schema): SchemaObject {
  if (schema === true) return {};
  return schema === false ? { not: {} } : schema;
}

/** `schema` with `text` put before its `$comment`. */
export function commented(schema: SchemaObject, text: string): SchemaObject {
  const before = typeof schema["$comment"] === "string" ? `; ${schema["$comment"]}` : "";
  return { ...schema, $comment: `${text}${before}` };
}
