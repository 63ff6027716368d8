/**
 * The import's last step: the modules it wrote go through the IDL loader, and each error the
 * loader finds (a construct serde_derive compiles but the IDL refuses, such as an internally
 * tagged newtype variant holding a string) is reported at the Rust declaration it comes from, as
 * `idl-refused`, with a TODO on that declaration in the YAML. Import cycles between modules are
 * found here too, from the types each module uses, and reported where the cycle is closed.
 */
import { type Document, isMap, isPair, isScalar, parseDocument, type Pair } from "yaml";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { importDiagnostic, todoNote } from "../../diagnostics/import-catalog.js";
import { loadIdl } from "../../load.js";
import type { FileItems } from "./collect.js";
import type { ImportContext } from "./context.js";
import type { Decl } from "./decls.js";
import type { Node } from "./parser.js";
import { field } from "./syntax.js";
import type { ModuleOut } from "./write-yaml.js";

/** Reports each use of another module that closes a cycle of module imports (the IDL has none); the TODO goes to the module's notes. */
export function reportImportCycles(ctx: ImportContext, moduleTodos: ReadonlyMap<FileItems, string[]>): void {
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
    if (from === to) return true;
    if (seen.has(from)) return false;
    seen.add(from);
    return [...(ctx.imports.get(from) ?? [])].some((next) => reaches(next, to, seen));
  };
  for (const from of [...ctx.imports.keys()].sort()) {
    for (const to of [...ctx.imports.get(from)!].sort()) {
      if (!reaches(to, from)) continue;
      const site = ctx.useSites.get(from)?.get(to);
      if (!site) continue;
      moduleTodos.get(site.file)?.push(ctx.report("import-cycle", site.file, site.node, { from, to }));
    }
  }
}

/** Loads the written modules; reports each loader error at its Rust origin. True when any was added (the YAML must be written again). */
export function checkWithLoader(ctx: ImportContext, outs: readonly { file: FileItems; out: ModuleOut }[], modules: readonly { fileName: string; text: string }[]): boolean {
  const { diagnostics } = loadIdl(modules.map((m) => ({ path: m.fileName, text: m.text })));
  let added = false;
  const parsed = new Map<string, Document.Parsed>();
  const docOf = (text: string): Document.Parsed => {
    let doc = parsed.get(text);
    if (!doc) parsed.set(text, (doc = parseDocument(text)));
    return doc;
  };
  for (const d of diagnostics) {
    // Cycles are reported at the Rust `use` already (reportImportCycles).
    if (d.severity !== "error" || d.code === "import-cycle") continue;
    const i = modules.findIndex((m) => m.fileName === d.range.file);
    const entry = outs.find((o) => `${o.file.module}.yaml` === d.range.file);
    if (i < 0 || !entry) continue;
    const origin = originOf(entry.out, modules[i]!.text, docOf(modules[i]!.text), d);
    const args = { code: d.code, message: d.message };
    // Where the import has left a TODO already (an invalid or duplicate name, ...), the loader's view of it adds nothing.
    if ((origin?.todos ?? entry.out.todos).length > 0) continue;
    if (origin) origin.todos.push(ctx.report("idl-refused", entry.file, origin.node, args));
    else {
      // Not within a declaration (a root or path helper, the module itself): at the file's start.
      const at = { line: 1, col: 1, offset: 0 };
      const diagnostic = importDiagnostic("idl-refused", { file: entry.file.file.path, start: at, end: at }, args);
      ctx.diagnostics.push(diagnostic);
      (entry.out.todos as string[]).push(todoNote(diagnostic));
    }
    added = true;
  }
  return added;
}

/** The declaration, field or variant of the YAML at the diagnostic's position: its Rust node and its TODO list. */
function originOf(out: ModuleOut, text: string, doc: Document.Parsed, d: Diagnostic): { node: Node; todos: string[] } | undefined {
  const offset = offsetOf(text, d.range.start.line, d.range.start.col);
  const types = pairAt(doc.contents, "types");
  const typePair = types && childAt(types.value, offset);
  if (!typePair) return undefined;
  const decl: Decl | undefined = out.types.find((t) => t.name === keyOf(typePair));
  if (!decl) return undefined;
  const here = { node: field(decl.item.node, "name") ?? decl.item.node, todos: decl.todos };
  if (decl.kind === "struct") {
    const f = memberAt(typePair, "fields", offset, decl.fields);
    return f ? { node: f.node, todos: f.todos } : here;
  }
  if (decl.kind === "enum") {
    const variantsPair = pairAt(typePair.value, "variants");
    const vPair = variantsPair && childAt(variantsPair.value, offset);
    const v = vPair && decl.variants.find((x) => x.name === keyOf(vPair));
    if (!v || !vPair) return here;
    const f = v.fields && memberAt(vPair, "fields", offset, v.fields);
    return f ? { node: f.node, todos: f.todos } : { node: v.node, todos: v.todos };
  }
  return here;
}

function memberAt<T extends { name: string }>(owner: Pair, key: string, offset: number, members: readonly T[]): T | undefined {
  const list = pairAt(owner.value, key);
  const p = list && childAt(list.value, offset);
  return p && members.find((m) => m.name === keyOf(p));
}

function pairAt(node: unknown, key: string): Pair | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((p) => isScalar(p.key) && p.key.value === key);
}

/** The entry of a map whose key or value holds the offset. */
function childAt(node: unknown, offset: number): Pair | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((p) => {
    if (!isPair(p) || !isScalar(p.key) || !p.key.range) return false;
    const end = (p.value as { range?: [number, number, number] } | null)?.range?.[2] ?? p.key.range[2];
    return offset >= p.key.range[0] && offset <= end;
  });
}

function keyOf(p: Pair): string {
  return isScalar(p.key) ? String(p.key.value) : "";
}

function offsetOf(text: string, line: number, col: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return offset + col - 1;
}
