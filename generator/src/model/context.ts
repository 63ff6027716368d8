/** Shared state of one load: the files, every declared name, and the diagnostics sink. */
import { isScalar, type Node } from "yaml";
import { diagnostic, type Diagnostic, type SourceRange } from "../diagnostics/diagnostic.js";
import type { DiagnosticCode } from "../diagnostics/catalog.js";
import { keyRange, locate, valueRange, type DataPath } from "../parse/locate.js";
import { rangeAt, type YamlFile } from "../parse/read-yaml.js";
import type { RawType } from "./raw.js";

export type DeclKind = "type" | "root" | "path";

export interface DeclaredName {
  readonly name: string;
  readonly kind: DeclKind;
  readonly module: string;
  readonly range: SourceRange;
  /** Declared in a part of a module that failed the shape check: known, but not built or checked. */
  readonly broken?: boolean;
}

export class LoadContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Every declared type, root and path helper by name (first declaration wins). */
  readonly names = new Map<string, DeclaredName>();
  /** Modules by name. */
  readonly modules = new Map<string, ModuleContext>();
  /** Every declared type's raw data by name, for checks that look across modules. */
  readonly rawTypes = new Map<string, { readonly module: string; readonly raw: RawType; readonly broken?: boolean }>();
  /** Names declared more than once: a use of one cannot tell which is meant, so it reports nothing more. */
  readonly duplicated = new Set<string>();
  /**
   * Modules whose files could not be read as modules (YAML errors, or errors outside any
   * declaration): importing them is not reported, nor is a name that they may declare.
   */
  readonly unusableModules = new Set<string>();

  report(code: DiagnosticCode, range: SourceRange, args: Readonly<Record<string, string | number>> = {}): void {
    this.diagnostics.push(diagnostic(code, range, args));
  }

  namesOf(kind: DeclKind): string[] {
    return [...this.names.values()].filter((n) => n.kind === kind).map((n) => n.name);
  }
}

export class ModuleContext {
  constructor(
    readonly load: LoadContext,
    readonly yaml: YamlFile,
    readonly name: string,
    readonly imports: ReadonlySet<string>,
  ) {}

  get file(): string {
    return this.yaml.file.path;
  }

  report(code: DiagnosticCode, range: SourceRange, args: Readonly<Record<string, string | number>> = {}): void {
    this.load.report(code, range, args);
  }

  keyAt(path: DataPath): SourceRange {
    return keyRange(this.yaml, path);
  }

  valueAt(path: DataPath): SourceRange {
    return valueRange(this.yaml, path);
  }

  node(path: DataPath): Node | undefined {
    return locate(this.yaml, path).value;
  }

  /**
   * Maps offsets inside the scalar at `path` to source ranges. Exact for plain scalars and quoted
   * scalars without escapes; otherwise it points at the scalar's start.
   */
  scalarRanges(path: DataPath): (start: number, end: number) => SourceRange {
    const node = this.node(path);
    if (!isScalar(node) || !node.range) {
      const whole = this.valueAt(path);
      return () => whole;
    }
    const [from, to] = node.range;
    const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
    const raw = this.yaml.file.text.slice(from, to);
    const exact = node.type === "PLAIN" || (quoted && !/[\\']/.test(raw.slice(1, -1)) && !raw.includes("\n"));
    const base = from + (quoted ? 1 : 0);
    return (start, end) => (exact ? rangeAt(this.yaml, base + start, base + end) : rangeAt(this.yaml, from, to));
  }

  /** Whether a name not found may be declared in an imported module that could not be read. */
  importsUnusable(): boolean {
    return [...this.imports].some((m) => this.load.unusableModules.has(m));
  }

  /** Whether `name`, declared in `module`, may be referred to from this module. */
  canSee(module: string): boolean {
    return module === this.name || this.imports.has(module);
  }
}
