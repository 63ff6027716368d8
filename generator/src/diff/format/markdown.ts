/**
 * Markdown for a pull-request comment: a marker for sticky comments, a heading with the verdict,
 * the counts, then one table per severity (Rule | Where | Change | Location). Safe changes fold.
 */
import { formatLocation } from "../../diagnostics/diagnostic.js";
import { exitCodeOf, sideLabel, summarize, verdictOf, type DiffReport, type Verdict } from "../report.js";
import { RULES, SEVERITIES, type DiffSeverity, type Finding } from "../rules.js";

/** First line of the comment; workflows find and update their earlier comment by it. */
export const MARKDOWN_MARKER = "<!-- idlc-diff -->";

const HEADINGS: Readonly<Record<Verdict, string>> = {
  breaking: "❌ IDL diff: breaking changes",
  dangerous: "⚠️ IDL diff: dangerous changes",
  accepted: "☑️ IDL diff: breaking or dangerous changes, all accepted",
  safe: "✅ IDL diff: safe changes only",
  unchanged: "✅ IDL diff: no changes",
};

const TITLES: Readonly<Record<DiffSeverity, string>> = { breaking: "Breaking", dangerous: "Dangerous", safe: "Safe" };

/** Renders the report as a GitHub-flavoured Markdown comment. */
export function formatMarkdown(report: DiffReport): string {
  const s = summarize(report);
  const out: string[] = [MARKDOWN_MARKER, `## ${HEADINGS[verdictOf(report)]}`, ""];
  const sides = `${code(sideLabel(report.base))} → ${code(sideLabel(report.head))}`;
  const counts = `**${s.breaking}** breaking, **${s.dangerous}** dangerous, **${s.safe}** safe, **${s.accepted}** accepted`;
  const outcome = exitCodeOf(report) === 1 ? `fails (\`--fail-on ${report.failOn}\`)` : "passes";
  out.push(`${sides}: ${counts}. The check ${outcome}.`, "");
  for (const severity of SEVERITIES) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    const table = ["| Rule | Where | Change | Location |", "| --- | --- | --- | --- |", ...group.map(row)];
    const title = `${TITLES[severity]} (${group.length})`;
    if (severity === "safe") out.push(`<details><summary>${title}</summary>`, "", ...table, "", "</details>", "");
    else out.push(`### ${title}`, "", ...table, "");
  }
  if (report.warnings.length > 0) {
    out.push("### Warnings", "", ...report.warnings.map((w) => `- ${code(formatLocation(w.range))}: ${cell(w.message)}`), "");
  }
  out.push("Rules and how to accept an intended break: `docs/diff-rules.md`.");
  return `${out.join("\n")}\n`;
}

function row(f: Finding): string {
  const rule = `${code(f.rule)}${f.accepted ? " (accepted)" : ""}<br>${cell(RULES[f.rule].title)}`;
  const change = f.accepted ? `${cell(f.message)}<br>**Accepted:** ${cell(f.accepted.reason)}` : cell(f.message);
  const location = f.head ? code(formatLocation(f.head)) : f.base ? `${code(formatLocation(f.base))} (base)` : "";
  return `| ${rule} | ${code(f.path)} | ${change} | ${location} |`;
}

/** Plain text for a table cell: Markdown and HTML inert, pipes escaped, on one line. */
export function cell(s: string): string {
  return s
    .replace(/[\\`*_[\]~]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, " ");
}

/** A code span for a table cell (entities are not decoded inside code, so only pipes and backticks are handled). */
export function code(s: string): string {
  return `\`${s.replace(/`/g, "'").replace(/\|/g, "\\|").replace(/\r?\n/g, " ")}\``;
}
