/** One generated module file (`src/pool.ts`): its declarations, functions, paths and imports, as ts-morph structures. */
import { StructureKind, VariableDeclarationKind, type SourceFileStructure, type StatementStructures } from "ts-morph";
import type { Model, ModelIndex, Module, TypeDecl } from "../../model/ir.js";
import { apiFunctions } from "./api.js";
import { EmitContext } from "./context.js";
import { typeDeclarations } from "./declarations.js";
import { docs } from "./docs.js";
import { problemName, readerName, shapeName } from "./names.js";
import { pathHelperFunction, rootStatements } from "./paths.js";
import { readerBody } from "./readers.js";
import { patternName, problemBody, regexExpr, shapeExpr } from "./shapes.js";
import { tsType } from "./type-text.js";

export const RUNTIME_MODULE = "runtime";

export function moduleFileStructure(model: Model, module: Module, index: ModelIndex, header: string): SourceFileStructure {
  const ctx = new EmitContext(model, module, index);
  const body: StatementStructures[] = [];
  for (const decl of module.types) {
    body.push(...typeDeclarations(ctx, decl));
    body.push(...internals(ctx, decl));
    body.push(...apiFunctions(ctx, decl));
  }
  for (const root of module.roots) body.push(rootStatements(root));
  for (const helper of module.paths) body.push(pathHelperFunction(ctx, helper));

  const imports: StatementStructures[] = [];
  const runtimeNames = [
    ...[...ctx.runtimeValues].sort().map((n) => ({ name: n })),
    ...[...ctx.runtimeTypes].filter((n) => !ctx.runtimeValues.has(n)).sort().map((n) => ({ name: n, isTypeOnly: true })),
  ];
  if (runtimeNames.length > 0) {
    imports.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: `./${RUNTIME_MODULE}.js`, namedImports: runtimeNames });
  }
  for (const [dep, names] of [...ctx.moduleImports].sort(([a], [b]) => (a < b ? -1 : 1))) {
    imports.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: `./${dep}.js`,
      namedImports: [...names].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, isTypeOnly]) => ({ name, isTypeOnly })),
    });
  }
  return { kind: StructureKind.SourceFile, leadingTrivia: header, statements: spaced([...imports, ...body]) };
}

/** A blank line between top-level declarations (prettier keeps one, adds none). */
export function spaced(statements: StatementStructures[]): StatementStructures[] {
  return statements.map((s, i) => (i === 0 || s.kind === StructureKind.ImportDeclaration ? s : { ...s, leadingTrivia: "\n" }));
}

/** Exported for the other generated modules only; the package index does not re-export them. */
function internals(ctx: EmitContext, decl: TypeDecl): StatementStructures[] {
  const T = decl.name;
  const internal = docs("@internal");
  const out: StatementStructures[] = [];
  if (decl.kind === "string") {
    if (decl.pattern !== undefined) {
      out.push({
        kind: StructureKind.VariableStatement,
        declarationKind: VariableDeclarationKind.Const,
        declarations: [{ name: patternName(T), initializer: regexExpr(decl.pattern) }],
      });
    }
    out.push({
      kind: StructureKind.Function,
      name: problemName(T),
      isExported: true,
      parameters: [{ name: "value", type: "string" }],
      returnType: `${ctx.runtimeType("StringProblem")} | undefined`,
      statements: problemBody(ctx, decl),
      docs: internal,
    });
  }
  out.push({
    kind: StructureKind.Function,
    name: readerName(T),
    isExported: true,
    parameters: [{ name: "v", type: "unknown" }],
    returnType: `${tsType(ctx, { kind: "named", name: T, range: decl.range })} | undefined`,
    statements: readerBody(ctx, decl),
    docs: internal,
  });
  out.push({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: shapeName(T), type: ctx.runtimeType("Shape"), initializer: shapeExpr(ctx, decl) }],
    docs: internal,
  });
  return out;
}
