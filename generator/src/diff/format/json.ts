/** JSON output, version 1: the shape documented in docs/diff-rules.md. Stable key order, no timestamps. */
import type { SourceRange } from "../../diagnostics/diagnostic.js";
import { exitCodeOf, summarize, verdictOf, type DiffReport } from "../report.js";

interface JsonLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** Renders the report as pretty JSON with a trailing newline. */
export function formatJson(report: DiffReport): string {
  const doc = {
    version: 1,
    base: report.base,
    head: report.head,
    failOn: report.failOn,
    verdict: verdictOf(report),
    exitCode: exitCodeOf(report),
    summary: summarize(report),
    findings: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      direction: f.direction,
      path: f.path,
      message: f.message,
      ...(f.base ? { base: location(f.base) } : {}),
      ...(f.head ? { head: location(f.head) } : {}),
      ...(f.accepted ? { accepted: { reason: f.accepted.reason } } : {}),
    })),
    warnings: report.warnings.map((w) => ({ message: w.message, ...location(w.range) })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function location(range: SourceRange): JsonLocation {
  return { file: range.file, line: range.start.line, col: range.start.col };
}
