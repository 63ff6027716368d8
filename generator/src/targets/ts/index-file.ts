/**
 * `src/index.ts`: the package entry, re-exporting the public API of every module: `export *` from
 * a module that exports nothing else, else by name (a module also exports the readers and writers
 * other modules import from it, which are not public).
 */
import { functionNames, pathFunctionName, rootConstName, typeApiNames, RUNTIME_EXPORTS } from "../../model/api-names.js";
import { typeHasDefault } from "../../model/facts.js";
import type { Model, ModelIndex, Module } from "../../model/ir.js";
import type { Decl, SourceFile } from "./printer/ast.js";
import { RUNTIME_MODULE } from "./scope.js";

const RUNTIME_VALUES = new Set(["ValidationError"]);

export function indexFile(model: Model, index: ModelIndex, header: string, shared: ReadonlyMap<string, ReadonlySet<string>>): SourceFile {
  const decls: Decl[] = [
    exportFrom(RUNTIME_MODULE, [...RUNTIME_EXPORTS].filter((n) => RUNTIME_VALUES.has(n)), false),
    exportFrom(RUNTIME_MODULE, [...RUNTIME_EXPORTS].filter((n) => !RUNTIME_VALUES.has(n)), true),
  ];
  for (const m of model.modules) {
    const { values, types } = publicNames(index, m);
    if (values.length + types.length === 0) continue;
    if ((shared.get(m.name)?.size ?? 0) === 0) {
      decls.push({ t: "export-all", from: `./${m.name}.js` });
      continue;
    }
    if (values.length > 0) decls.push(exportFrom(m.name, values, false));
    if (types.length > 0) decls.push(exportFrom(m.name, types, true));
  }
  return { header, decls };
}

/** The public API of a module: its values (functions, constants) and its types. */
export function publicNames(index: ModelIndex, m: Module): { values: string[]; types: string[] } {
  const values: string[] = [];
  const types: string[] = [];
  for (const decl of m.types) {
    const names = typeApiNames(decl, typeHasDefault(index, { kind: "named", name: decl.name, range: decl.range }));
    if (names.constant) values.push(names.type);
    else types.push(names.type);
    if (names.input !== undefined) types.push(names.input);
    if (names.variants !== undefined) types.push(names.variants);
    values.push(...functionNames(names));
  }
  for (const r of m.roots) values.push(rootConstName(r));
  for (const p of m.paths) values.push(pathFunctionName(p));
  return { values, types };
}

function exportFrom(module: string, names: readonly string[], typeOnly: boolean): Decl {
  return { t: "export-from", names: [...names].sort().map((name) => ({ name })), from: `./${module}.js`, typeOnly };
}
