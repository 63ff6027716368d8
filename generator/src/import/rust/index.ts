/**
 * `idlc import rust`, the pure core: Rust source texts in, IDL module texts and diagnostics out
 * (no file system but the parser's own WebAssembly). Steps: parse -> collect items per file ->
 * resolve names across files -> build declarations -> defaults, omit rules, Display -> paths ->
 * YAML.
 */
import { compareStrings, dedupeDiagnostics, formatLocation, sortDiagnostics, type SourceRange } from "../../diagnostics/diagnostic.js";
import { importDiagnostic, todoNote, type ImportCode, type ImportDiagnostic } from "../../diagnostics/import-catalog.js";
import { collectItems, type FileItems } from "./collect.js";
import { ImportContext, type SerdeType } from "./context.js";
import { convertType } from "./convert.js";
import type { Decl } from "./decls.js";
import { Evaluator } from "./evaluate.js";
import { finishDecl, finishFieldDefaults, minimizeFieldDefaults } from "./finish.js";
import { firstSyntaxError, loadRustParser, type Tree } from "./parser.js";
import { importPaths } from "./paths.js";
import { Crate } from "./resolve.js";
import { checkWithLoader, reportImportCycles } from "./check.js";
import { field, RustFile } from "./syntax.js";
import { writeModule, type ModuleOut } from "./write-yaml.js";

/** A Rust file given to the import. */
export interface RustSource {
  /** Display path, used in diagnostics and the module's header (`src/pool.rs`). */
  readonly path: string;
  readonly text: string;
  /** The Rust module path from the crate root (`["tenant"]`); its last segment names the IDL module. */
  readonly modulePath: readonly string[];
}

/** Options of an import run. */
export interface ImportOptions {
  /** The `$schema` path written in each module's first line, relative to where the modules go. */
  readonly schemaPath: string;
}

/** An IDL module written by the import. */
export interface ImportedModule {
  readonly module: string;
  /** File name in the output folder: `<module>.yaml`. */
  readonly fileName: string;
  readonly source: string;
  readonly text: string;
}

/** The modules and the diagnostics of an import run. */
export interface ImportResult {
  readonly modules: readonly ImportedModule[];
  /** Sorted by file and position. Errors mean something was left to finish by hand. */
  readonly diagnostics: readonly ImportDiagnostic[];
}

/** Imports Rust source files as IDL modules: one module per file, and the diagnostics of what could not be carried over (each also a `TODO(idlc import)` comment in the YAML). Deterministic: the same sources give the same texts. */
export async function importRust(sources: readonly RustSource[], options: ImportOptions): Promise<ImportResult> {
  const parser = await loadRustParser();
  const diagnostics: ImportDiagnostic[] = [];
  const trees: Tree[] = [];
  const files: FileItems[] = [];
  const moduleTodos = new Map<FileItems, string[]>();
  try {
    for (const source of [...sources].sort((a, b) => compareStrings(a.path, b.path))) {
      const file = new RustFile(source.path, source.text);
      const module = source.modulePath.at(-1) ?? stem(source.path);
      const other = files.find((f) => f.module === module);
      if (other) {
        // Noted in the module that is written, since this file gets none.
        moduleTodos.get(other)!.push(note(diagnostics, "duplicate-module", source.path, { module, other: other.file.path }));
        continue;
      }
      const tree = parser.parse(source.text);
      trees.push(tree);
      const items = collectItems(file, tree.rootNode, module, source.modulePath);
      files.push(items);
      const todos: string[] = [];
      moduleTodos.set(items, todos);
      const broken = firstSyntaxError(tree.rootNode);
      if (broken) {
        const detail = broken.isMissing ? `missing '${broken.type}'` : `unexpected '${oneLine(broken.text)}'`;
        todos.push(note(diagnostics, "rust-syntax", source.path, { detail }, file.range(broken)));
      }
      if (!/^[a-z][a-z0-9_]*$/.test(module)) {
        todos.push(note(diagnostics, "invalid-idl-name", source.path, { what: "Module", name: module, rule: "modules are snake_case" }));
      }
    }

    const ctx = new ImportContext(new Crate(files), parser);
    try {
      const result = importFiles(ctx, files, moduleTodos, options);
      diagnostics.push(...ctx.diagnostics);
      return { modules: result, diagnostics: sortDiagnostics(dedupeDiagnostics(diagnostics)) };
    } finally {
      ctx.dispose();
    }
  } finally {
    for (const t of trees) t.delete();
  }
}

function importFiles(
  ctx: ImportContext,
  files: readonly FileItems[],
  moduleTodos: Map<FileItems, string[]>,
  options: ImportOptions,
): ImportedModule[] {
  // Every serde type first, so that fields can refer to types declared later or in other files.
  const seen = new Map<string, SerdeType>();
  const notes = new Map<SerdeType, string[]>();
  for (const file of files) {
    const types = new Map<string, SerdeType>();
    ctx.serdeTypes.set(file, types);
    for (const item of file.types.values()) {
      if (!item.derives.has("Serialize") && !item.derives.has("Deserialize")) continue;
      const entry: SerdeType = { file, item };
      types.set(item.name, entry);
      const nameNode = field(item.node, "name") ?? item.node;
      const previous = seen.get(item.name);
      const typeNotes: string[] = [];
      notes.set(entry, typeNotes);
      if (previous) {
        typeNotes.push(
          ctx.report("duplicate-type", file, nameNode, {
            name: item.name,
            other: formatLocation(previous.file.file.range(field(previous.item.node, "name") ?? previous.item.node)),
          }),
        );
      } else seen.set(item.name, entry);
      if (!/^[A-Z][A-Za-z0-9]*$/.test(item.name)) {
        typeNotes.push(
          ctx.report("invalid-idl-name", file, nameNode, {
            what: "Type",
            name: item.name,
            rule: "types are PascalCase, letters and digits",
          }),
        );
      }
    }
  }
  const decls: Decl[] = [];
  for (const file of files) {
    for (const entry of ctx.serdeTypes.get(file)!.values()) {
      entry.decl = convertType(ctx, file, entry.item);
      entry.decl.todos.unshift(...notes.get(entry)!);
      decls.push(entry.decl);
    }
  }
  const evaluator = new Evaluator(ctx);
  // Every field default first: a struct value written as a default leaves out what another
  // struct's field defaults give, wherever in the files that struct is declared.
  for (const decl of decls) finishFieldDefaults(ctx, evaluator, decl);
  for (const decl of decls) minimizeFieldDefaults(evaluator, decl);
  for (const decl of decls) finishDecl(ctx, evaluator, decl);
  const { roots, paths } = importPaths(ctx);

  reportImportCycles(ctx, moduleTodos);
  const outs: { file: FileItems; out: ModuleOut }[] = [];
  for (const file of files) {
    const todos = moduleTodos.get(file)!;
    for (const macro of file.macros) {
      const name = field(macro, "macro")?.text ?? "?";
      todos.push(ctx.report("macro-not-expanded", file, macro, { name }));
    }
    const types = [...ctx.serdeTypes.get(file)!.values()].map((t) => t.decl!);
    const byPosition = <T>(m: Map<string, T> | undefined, position: (name: string) => number): T[] =>
      [...(m ?? new Map<string, T>()).entries()].sort((a, b) => position(a[0]) - position(b[0])).map(([, v]) => v);
    const fileRoots = byPosition(roots.get(file), (n) => file.consts.get(n)?.node.startIndex ?? 0);
    const filePaths = byPosition(paths.get(file), (n) => file.fns.get(n)?.node.startIndex ?? 0);
    if (types.length === 0 && fileRoots.length === 0 && filePaths.length === 0) {
      if (file.macros.length === 0) {
        const at = { line: 1, col: 1, offset: 0 };
        ctx.diagnostics.push(importDiagnostic("nothing-to-import", { file: file.file.path, start: at, end: at }));
        continue;
      }
    }
    const out: ModuleOut = {
      name: file.module,
      source: file.file.path,
      doc: file.doc,
      imports: [...(ctx.imports.get(file.module) ?? [])].sort(),
      types,
      roots: fileRoots,
      paths: filePaths,
      todos,
    };
    outs.push({ file, out });
  }
  const write = (): ImportedModule[] =>
    outs
      .map(({ file, out }) => ({
        module: file.module,
        fileName: `${file.module}.yaml`,
        source: file.file.path,
        text: writeModule(out, options.schemaPath),
      }))
      .sort((a, b) => compareStrings(a.module, b.module));
  const first = write();
  // What the loader refuses in the modules is reported at the Rust it comes from, and marked in the YAML.
  return checkWithLoader(ctx, outs, first) ? write() : first;
}

/** Reports a diagnostic about a file (at its start, or at `range`) and returns the note for the YAML. */
function note(
  diagnostics: ImportDiagnostic[],
  code: ImportCode,
  file: string,
  args: Readonly<Record<string, string>>,
  range: SourceRange = { file, start: { line: 1, col: 1, offset: 0 }, end: { line: 1, col: 1, offset: 0 } },
): string {
  const d = importDiagnostic(code, range, args);
  diagnostics.push(d);
  return todoNote(d);
}

function stem(path: string): string {
  const base = path.split(/[\\/]/).at(-1) ?? path;
  return base.endsWith(".rs") ? base.slice(0, -3) : base;
}

function oneLine(text: string): string {
  const one = text.replace(/\s+/g, " ");
  return one.length > 40 ? `${one.slice(0, 37)}...` : one;
}
