/** One generated module file (`src/pool.ts`): its types, readers, writers, public functions, paths and imports. */
import { kindOf } from "../../kinds/index.js";
import type { Model, ModelIndex, Module } from "../../model/ir.js";
import { pathHelperDecl, rootDecl } from "./paths.js";
import type { Decl, ImportName, SourceFile } from "./printer/ast.js";
import { FileScope, RUNTIME_MODULE } from "./scope.js";

const byName = (a: ImportName, b: ImportName): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function moduleFile(model: Model, index: ModelIndex, module: Module, header: string): SourceFile {
  const s = new FileScope(model, index, module);
  const body: Decl[] = [];
  for (const decl of module.types) body.push(...kindOf(decl).ts(s, decl));
  body.push(...s.helpers.values());
  for (const root of module.roots) body.push(rootDecl(root));
  for (const helper of module.paths) body.push(pathHelperDecl(s, helper));

  const imports: Decl[] = [];
  const runtime: ImportName[] = [
    ...[...s.runtimeValues].map((name) => ({ name })),
    ...[...s.runtimeTypes].filter((n) => !s.runtimeValues.has(n)).map((name) => ({ name, typeOnly: true })),
  ].sort(byName);
  if (runtime.length > 0) imports.push({ t: "import", names: runtime, from: `./${RUNTIME_MODULE}.js` });
  for (const [dep, names] of [...s.moduleImports].sort(([a], [b]) => (a < b ? -1 : 1))) {
    imports.push({ t: "import", names: [...names].map(([name, typeOnly]) => ({ name, typeOnly })).sort(byName), from: `./${dep}.js` });
  }
  return { header, decls: [...imports, ...body] };
}
