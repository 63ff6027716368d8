/** `src/index.ts`: the package entry, re-exporting the public API of every module by name. */
import { StructureKind, type SourceFileStructure, type StatementStructures } from "ts-morph";
import { functionNames, pathFunctionName, rootConstName, typeApiNames, RUNTIME_EXPORTS } from "../../model/api-names.js";
import type { Model } from "../../model/ir.js";
import { typeHasDefault } from "../../model/check-types.js";
import type { ModelIndex } from "../../model/ir.js";
import { RUNTIME_MODULE } from "./module-file.js";

const RUNTIME_VALUES = new Set(["ValidationError"]);

export function indexFileStructure(model: Model, index: ModelIndex, header: string): SourceFileStructure {
  const statements: StatementStructures[] = [
    exportFrom(RUNTIME_MODULE, [...RUNTIME_EXPORTS].filter((n) => RUNTIME_VALUES.has(n)), false),
    exportFrom(RUNTIME_MODULE, [...RUNTIME_EXPORTS].filter((n) => !RUNTIME_VALUES.has(n)), true),
  ];
  for (const m of model.modules) {
    const values: string[] = [];
    const types: string[] = [];
    for (const decl of m.types) {
      const names = typeApiNames(decl, typeHasDefault(index.types, { kind: "named", name: decl.name, range: decl.range }));
      if (decl.kind === "enum" || decl.kind === "open-enum") values.push(names.type);
      else types.push(names.type);
      if (names.input !== undefined) types.push(names.input);
      values.push(...functionNames(names), names.schema);
    }
    for (const r of m.roots) values.push(rootConstName(r));
    for (const p of m.paths) values.push(pathFunctionName(p));
    if (values.length > 0) statements.push(exportFrom(m.name, values, false));
    if (types.length > 0) statements.push(exportFrom(m.name, types, true));
  }
  return { kind: StructureKind.SourceFile, leadingTrivia: header, statements };
}

function exportFrom(module: string, names: readonly string[], typeOnly: boolean): StatementStructures {
  return {
    kind: StructureKind.ExportDeclaration,
    isTypeOnly: typeOnly,
    moduleSpecifier: `./${module}.js`,
    namedExports: [...names].sort().map((name) => ({ name })),
  };
}
