/**
 * JSON Schema (draft 2020-12) for every declared type: one self-contained file per type, with the
 * types it uses under `$defs`. Each declaration kind's schema is built in kinds/<kind>/json-schema.ts,
 * type expressions in targets/json-schema/expr.ts; this module assembles the documents. A schema
 * accepts exactly the JSON values (as `JSON.parse` returns them) the generated reader accepts.
 */
import { type Model, type ModelIndex, type TypeDecl } from "../model/ir.js";
import { kebabCase } from "../model/naming.js";
import { enumFlattened } from "../kinds/enum/json-schema.js";
import { kindOf } from "../kinds/index.js";
import type { SchemaContext, SchemaObject } from "../targets/json-schema/context.js";

/** Where a type's schema is written in the package: `schema/pool-spec.schema.json`. */
export function schemaFileName(decl: Pick<TypeDecl, "name">): string {
  return `schema/${kebabCase(decl.name)}.schema.json`;
}

/** Every type's schema file, by path in the package. */
export function jsonSchemaFiles(model: Model, index: ModelIndex): Map<string, string> {
  const files = new Map<string, string>();
  for (const m of model.modules) {
    for (const decl of m.types) files.set(schemaFileName(decl), `${JSON.stringify(typeSchemaDocument(index, decl), null, 2)}\n`);
  }
  return files;
}

/** The schema document of one type: a `$ref` to its definition, with every definition it reaches under `$defs`, sorted. */
export function typeSchemaDocument(index: ModelIndex, decl: TypeDecl): SchemaObject {
  const defs: Record<string, SchemaObject> = {};
  const pending = [decl.name];
  const cx: SchemaContext = {
    index,
    ref: (name) => {
      pending.push(name);
      return { $ref: `#/$defs/${name}` };
    },
    enumFlattened: (d, taken) => enumFlattened(cx, d, taken),
    inlining: new Set(),
  };
  while (pending.length > 0) {
    const name = pending.shift()!;
    if (Object.hasOwn(defs, name)) continue;
    const d = index.types.get(name);
    if (d !== undefined) defs[name] = declSchema(cx, d);
  }
  const sorted = Object.fromEntries(Object.keys(defs).sort().map((k) => [k, defs[k]]));
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: decl.name,
    ...(decl.doc ? { description: decl.doc } : {}),
    $ref: `#/$defs/${decl.name}`,
    $defs: sorted,
  };
}

function declSchema(cx: SchemaContext, decl: TypeDecl): SchemaObject {
  return kindOf(decl).jsonSchema(cx, decl);
}
