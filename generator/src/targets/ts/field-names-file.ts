/**
 * The package's field-names module: one function telling whether Object.prototype has a property
 * by a name the package's readers read from objects (a struct's fields, a variant's fields, tags
 * and content keys). The runtime asks it before every read, instead of walking Object.prototype:
 * each name is a constant, so the engine answers `Object.prototype[name]` from the prototype's
 * shape, and a read costs nothing until someone gives Object.prototype such a property.
 *
 * Loads, not `name in Object.prototype`: beside other libraries in one process (zod and ajv in the
 * benchmark), V8 stopped folding the `in` tests after their code was thrown away once, and they
 * cost about 5% of reading a minimal PoolSpec; the loads stay folded. A property whose value is
 * undefined is not seen, and needs not be: a reader reads it as the absent field it stands for. A
 * getter there is called, and one that throws counts as found (the runtime catches it).
 */
import type { Field, Model } from "../../model/ir.js";
import { isInheritedName } from "./facts.js";
import type { Expr, SourceFile } from "./printer/ast.js";
import { bin, id, or, ref, ret, str } from "./scope.js";

/** The module's name beside the runtime (the runtime imports it). */
export const FIELD_NAMES_MODULE = "field-names";

/**
 * The names readers read as `o[name]`, sorted. Names every object inherits (`constructor`) are
 * read as own properties (`own`), so they are not among them: they would always be found.
 */
export function readFieldNames(model: Model): string[] {
  const names = new Set<string>();
  const fields = (list: readonly Field[]): void => {
    for (const f of list) for (const name of [f.wire, ...f.aliases]) names.add(name);
  };
  for (const m of model.modules) {
    for (const decl of m.types) {
      if (decl.kind === "struct") fields(decl.fields);
      if (decl.kind !== "enum") continue;
      if (decl.repr.kind === "internal" || decl.repr.kind === "adjacent") names.add(decl.repr.tag);
      if (decl.repr.kind === "adjacent") names.add(decl.repr.content);
      for (const v of decl.variants) if (v.payload.kind === "struct") fields(v.payload.fields);
    }
  }
  return [...names].filter((name) => !isInheritedName(name)).sort();
}

export function fieldNamesFile(model: Model, header: string): SourceFile {
  const p = id("p");
  const tests: Expr[] = readFieldNames(model).map((name) => bin("!==", { t: "index", object: p, index: str(name) }, { t: "lit", text: "undefined" }));
  return {
    header,
    decls: [
      {
        t: "function",
        name: "inheritsFieldName",
        exported: true,
        params: [],
        returns: ref("boolean"),
        doc: "Whether Object.prototype holds a value (or a getter) by a name this package's readers read from objects (prototype pollution): readers then read an own copy of the input.",
        body: [
          {
            t: "var",
            kind: "const",
            name: "p",
            init: { t: "as", expr: { t: "member", object: id("Object"), name: "prototype" }, type: ref("Record", [ref("string"), ref("unknown")]) },
          },
          ret(tests.length === 0 ? { t: "lit", text: "false" } : or(...tests)),
        ],
      },
    ],
  };
}
