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

/** Per module, the names other modules import from it (read from their import declarations). */
export function sharedNames(files: readonly SourceFile[]): Map<string, Set<string>> {
  const shared = new Map<string, Set<string>>();
  for (const file of files) {
    for (const d of file.decls) {
      if (d.t !== "import" || d.from === `./${RUNTIME_MODULE}.js`) continue;
      const module = d.from.slice(2, -3);
      const names = shared.get(module) ?? new Set<string>();
      for (const n of d.names) names.add(n.name);
      shared.set(module, names);
    }
  }
  return shared;
}

/** The file with only `exported` names exported: the rest of its declarations stay module-private. */
export function withExports(file: SourceFile, exported: ReadonlySet<string>): SourceFile {
  const decls = file.decls.map((d) => ("exported" in d && d.exported && !exported.has(d.name) ? { ...d, exported: false } : d));
  return { header: file.header, decls };
}
