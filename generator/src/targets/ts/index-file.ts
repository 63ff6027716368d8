/** `src/index.ts`: the package entry, re-exporting the public API of every module by name. */
import { functionNames, pathFunctionName, rootConstName, typeApiNames, RUNTIME_EXPORTS } from "../../model/api-names.js";
import { typeHasDefault } from "../../model/facts.js";
import type { Model, ModelIndex } from "../../model/ir.js";
import type { Decl, SourceFile } from "./printer/ast.js";
import { RUNTIME_MODULE } from "./scope.js";

const RUNTIME_VALUES = new Set(["ValidationError"]);

export function indexFile(model: Model, index: ModelIndex, header: string): SourceFile {
  const decls: Decl[] = [
    exportFrom(RUNTIME_MODULE, [...RUNTIME_EXPORTS].filter((n) => RUNTIME_VALUES.has(n)), false),
    exportFrom(RUNTIME_MODULE, [...RUNTIME_EXPORTS].filter((n) => !RUNTIME_VALUES.has(n)), true),
  ];
  for (const m of model.modules) {
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
    if (values.length > 0) decls.push(exportFrom(m.name, values, false));
    if (types.length > 0) decls.push(exportFrom(m.name, types, true));
  }
  return { header, decls };
}

function exportFrom(module: string, names: readonly string[], typeOnly: boolean): Decl {
  return { t: "export-from", names: [...names].sort().map((name) => ({ name })), from: `./${module}.js`, typeOnly };
}
