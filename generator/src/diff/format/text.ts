/** Text output: `file:line:col - severity RULE path: message`, grouped by severity, then a summary line. */
import { formatLocation } from "../../diagnostics/diagnostic.js";
import { exitCodeOf, fails, primaryRange, sideLabel, summarize, summaryText, type DiffReport } from "../report.js";
import type { DiffSeverity, Finding } from "../rules.js";

export interface TextOptions {
  /** ANSI colours (only on a terminal, never with NO_COLOR: the caller decides). */
  readonly color: boolean;
  /** Only what fails, and the summary only when something does. */
  readonly quiet: boolean;
}

const COLORS: Readonly<Record<DiffSeverity, number>> = { breaking: 31, dangerous: 33, safe: 32 };

/** Renders the report for a terminal or a log. */
export function formatText(report: DiffReport, options: TextOptions): string {
  const paint = (code: number, text: string): string => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const shown = options.quiet ? report.findings.filter((f) => fails(f, report.failOn)) : report.findings;
  const lines: string[] = [];
  let group: DiffSeverity | undefined;
  for (const f of shown) {
    if (group !== undefined && f.severity !== group) lines.push("");
    group = f.severity;
    lines.push(findingLine(f, paint));
    if (f.accepted) lines.push(`    ${paint(36, "accepted:")} ${f.accepted.reason}`);
  }
  if (report.warnings.length > 0 && lines.length > 0) lines.push("");
  for (const w of report.warnings) lines.push(`${formatLocation(w.range)} - ${paint(33, "warning")}: ${w.message}`);
  const code = exitCodeOf(report);
  if (!options.quiet || code !== 0) {
    if (lines.length > 0) lines.push("");
    lines.push(summaryLine(report, code));
  }
  return lines.length ? `${lines.join("\n")}\n` : "";
}

function findingLine(f: Finding, paint: (code: number, text: string) => string): string {
  const range = primaryRange(f);
  const where = range ? `${formatLocation(range)} - ` : "";
  const accepted = f.accepted ? ` ${paint(36, "(accepted)")}` : "";
  return `${where}${paint(COLORS[f.severity], f.severity)} ${paint(90, f.rule)} ${f.path}${accepted}: ${f.message}`;
}

function summaryLine(report: DiffReport, code: 0 | 1): string {
  const sides = `${sideLabel(report.base)} -> ${sideLabel(report.head)}`;
  if (report.findings.length === 0) return `No changes: ${sides}.`;
  const outcome = code === 1 ? `fails (--fail-on ${report.failOn})` : "passes";
  return `${sides}: ${summaryText(summarize(report))}; ${outcome}.`;
}
