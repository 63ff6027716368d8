/**
 * Diagnostics and source ranges. Every phase returns its result together with diagnostics and
 * never throws on user error; a diagnostic always points at a file, line and column.
 */
import { catalog, renderMessage, type DiagnosticCode, type Severity } from "./catalog.js";

/** A position in a file: 1-based line and column (columns count UTF-16 code units), 0-based offset. */
export interface Position {
  readonly line: number;
  readonly col: number;
  readonly offset: number;
}

/** A span of source text, `file` relative to the project (for example `idl/pool.yaml`). */
export interface SourceRange {
  readonly file: string;
  readonly start: Position;
  readonly end: Position;
}

/** What every reported diagnostic has, whichever catalog its code comes from (the IDL's, or `idlc import`'s). */
export interface Report {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: SourceRange;
}

export interface Diagnostic extends Report {
  readonly code: DiagnosticCode;
}

export function diagnostic(
  code: DiagnosticCode,
  range: SourceRange,
  args: Readonly<Record<string, string | number>> = {},
): Diagnostic {
  return { code, severity: catalog[code].severity, message: renderMessage(code, args), range };
}

export function hasErrors(diagnostics: readonly Report[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Orders diagnostics by file, then position, then code, so output is stable. */
export function sortDiagnostics<D extends Report>(diagnostics: readonly D[]): D[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareStrings(a.range.file, b.range.file) ||
      a.range.start.offset - b.range.start.offset ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.message, b.message),
  );
}

/** Drops exact repeats (same code, place and message). */
export function dedupeDiagnostics<D extends Report>(diagnostics: readonly D[]): D[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.range.file}:${d.range.start.offset}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function formatLocation(range: SourceRange): string {
  return `${range.file}:${range.start.line}:${range.start.col}`;
}

/** `idl/pool.yaml:41:9 - error unknown-type: Type 'X' is not defined.` */
export function formatDiagnostic(d: Report): string {
  return `${formatLocation(d.range)} - ${d.severity} ${d.code}: ${d.message}`;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
