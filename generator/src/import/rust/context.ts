/**
 * What every step of one import shares: the files, name resolution, the declarations built so far,
 * the diagnostics, and the notes left in the YAML for the user.
 */
import { importDiagnostic, todoNote, type ImportCode, type ImportDiagnostic } from "../../diagnostics/import-catalog.js";
import type { FileItems, TypeItem } from "./collect.js";
import type { Decl } from "./decls.js";
import type { Node, RustParser, Tree } from "./parser.js";
import { field, namedChildren } from "./syntax.js";
import type { Crate } from "./resolve.js";

/** A serde type found in the files: its item and, once built, its declaration. */
export interface SerdeType {
  readonly file: FileItems;
  readonly item: TypeItem;
  decl?: Decl;
}

/** The state of one import run, shared by its steps. */
export class ImportContext {
  readonly diagnostics: ImportDiagnostic[] = [];
  /** Serde types by file, then name. */
  readonly serdeTypes = new Map<FileItems, Map<string, SerdeType>>();
  /** IDL modules each module imports. */
  readonly imports = new Map<string, Set<string>>();
  /** Trees parsed from macro arguments, deleted at the end of the import. */
  private readonly extraTrees: Tree[] = [];

  constructor(
    readonly crate: Crate,
    readonly parser: RustParser,
  ) {}

  /** Reports a diagnostic at a node; returns the note to leave in the YAML (for errors). */
  report(code: ImportCode, file: FileItems, node: Node, args: Readonly<Record<string, string | number>> = {}): string {
    const d = importDiagnostic(code, file.file.range(node), args);
    this.diagnostics.push(d);
    return todoNote(d);
  }

  /** Where each module first uses each other module (by module, then the module used): for import cycles. */
  readonly useSites = new Map<string, Map<string, { file: FileItems; node: Node }>>();

  /** Records that `from`'s module uses a declaration of `to`'s module, at `node`. */
  use(from: FileItems, to: FileItems, node: Node): void {
    if (from.module === to.module) return;
    let set = this.imports.get(from.module);
    if (!set) this.imports.set(from.module, (set = new Set()));
    set.add(to.module);
    let sites = this.useSites.get(from.module);
    if (!sites) this.useSites.set(from.module, (sites = new Map()));
    const previous = sites.get(to.module);
    if (!previous || node.startIndex < previous.node.startIndex) sites.set(to.module, { file: from, node });
  }

  /**
   * The arguments of a macro call (`format!(...)`, `write!(...)`, `vec![...]`) as expressions:
   * its tokens are parsed again as the arguments of a function call. Undefined when they are not
   * expressions.
   */
  macroArgs(macro: Node): Node[] | undefined {
    const tokens = namedChildren(macro).find((c) => c.type === "token_tree");
    if (!tokens) return undefined;
    const inner = tokens.text.slice(1, -1);
    const tree = this.parser.parse(`fn _idlc() { _idlc(${inner}); }`);
    this.extraTrees.push(tree);
    if (tree.rootNode.hasError) return undefined;
    const call = namedChildren(namedChildren(field(namedChildren(tree.rootNode)[0]!, "body")!)[0]!)[0];
    const args = call && field(call, "arguments");
    return args ? namedChildren(args).filter((n) => !n.type.endsWith("comment")) : undefined;
  }

  /** Frees the trees parsed along the way. */
  dispose(): void {
    for (const t of this.extraTrees.splice(0)) t.delete();
  }

  serdeType(file: FileItems, name: string): SerdeType | undefined {
    return this.serdeTypes.get(file)?.get(name);
  }

  /** The declaration of a named IDL type (type names are unique across the import). */
  declNamed(name: string): Decl | undefined {
    for (const types of this.serdeTypes.values()) {
      const t = types.get(name);
      if (t?.decl) return t.decl;
    }
    return undefined;
  }
}
