/**
 * GitHub Actions workflow commands: one annotation per finding (`::error` when it fails the run,
 * `::warning` for other breaking or dangerous ones, `::notice` for safe ones), escaped as GitHub
 * requires. Removals have no line in the head, so they annotate the file only.
 */
import { formatLocation } from "../../diagnostics/diagnostic.js";
import { exitCodeOf, fails, sideLabel, summarize, summaryText, type DiffReport } from "../report.js";
import type { Finding } from "../rules.js";

/** Renders the report as workflow commands, then a plain summary line. */
export function formatGithub(report: DiffReport): string {
  const lines = report.findings.map((f) => annotation(f, report));
  for (const w of report.warnings) {
    const at = { file: w.range.file, line: w.range.start.line, col: w.range.start.col, title: "Stale acceptance" };
    lines.push(`::warning ${properties(at)}::${escapeData(w.message)}`);
  }
  const outcome = exitCodeOf(report) === 1 ? "fails" : "passes";
  lines.push(`idlc diff ${sideLabel(report.base)} -> ${sideLabel(report.head)}: ${summaryText(summarize(report))}; ${outcome}.`);
  return `${lines.join("\n")}\n`;
}

function annotation(f: Finding, report: DiffReport): string {
  const level = fails(f, report.failOn) ? "error" : f.severity === "safe" ? "notice" : "warning";
  const title = `${f.rule} (${f.severity}${f.accepted ? ", accepted" : ""})`;
  let message = `${f.path}: ${f.message}`;
  if (f.accepted) message += ` Accepted: ${f.accepted.reason}`;
  const props: Record<string, string | number> = {};
  if (f.head) Object.assign(props, { file: f.head.file, line: f.head.start.line, col: f.head.start.col });
  else if (f.base) {
    props["file"] = f.base.file;
    message += ` (was at ${formatLocation(f.base)} in ${sideLabel(report.base)})`;
  }
  props["title"] = title;
  return `::${level} ${properties(props)}::${escapeData(message)}`;
}

function properties(props: Readonly<Record<string, string | number>>): string {
  return Object.entries(props)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
}

/** Message text: `%`, CR and LF are percent-encoded. */
export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Property values: as data, plus `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
