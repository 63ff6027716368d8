/** A finished diff: both sides, findings with acceptances applied, and what decides the exit code. */
import type { SourceRange } from "../diagnostics/diagnostic.js";
import type { DiffWarning } from "./accept.js";
import type { DiffSeverity, Finding } from "./rules.js";

export type SideInfo =
  | { readonly kind: "folder"; readonly dir: string }
  | { readonly kind: "git"; readonly revision: string; readonly commit: string; readonly dir: string };

export type FailOn = "breaking" | "dangerous";

export interface DiffReport {
  readonly base: SideInfo;
  readonly head: SideInfo;
  readonly failOn: FailOn;
  /** Sorted findings, accepted ones marked. */
  readonly findings: readonly Finding[];
  readonly warnings: readonly DiffWarning[];
}

/** Counts of findings not accepted, by severity, and of accepted ones. */
export interface Summary {
  readonly breaking: number;
  readonly dangerous: number;
  readonly safe: number;
  readonly accepted: number;
}

/** The most severe open finding; `accepted` when only accepted ones are breaking or dangerous. */
export type Verdict = DiffSeverity | "accepted" | "unchanged";

export function summarize(report: DiffReport): Summary {
  const open = report.findings.filter((f) => f.accepted === undefined);
  const count = (s: DiffSeverity): number => open.filter((f) => f.severity === s).length;
  return {
    breaking: count("breaking"),
    dangerous: count("dangerous"),
    safe: count("safe"),
    accepted: report.findings.length - open.length,
  };
}

/** Whether a finding fails the run: not accepted, and at least as severe as --fail-on. */
export function fails(f: Finding, failOn: FailOn): boolean {
  if (f.accepted !== undefined) return false;
  return f.severity === "breaking" || (failOn === "dangerous" && f.severity === "dangerous");
}

/** 1 when any finding fails, else 0. */
export function exitCodeOf(report: DiffReport): 0 | 1 {
  return report.findings.some((f) => fails(f, report.failOn)) ? 1 : 0;
}

export function verdictOf(report: DiffReport): Verdict {
  const s = summarize(report);
  if (s.breaking > 0) return "breaking";
  if (s.dangerous > 0) return "dangerous";
  if (report.findings.some((f) => f.accepted !== undefined && f.severity !== "safe")) return "accepted";
  return report.findings.length > 0 ? "safe" : "unchanged";
}

/** Where a finding is shown: the head side, or the base side for removals. */
export function primaryRange(f: Finding): SourceRange | undefined {
  return f.head ?? f.base;
}

/** `origin/main:idl` or `idl`. */
export function sideLabel(side: SideInfo): string {
  return side.kind === "git" ? `${side.revision}:${side.dir}` : side.dir;
}

/** `3 breaking, 1 dangerous, 2 safe, 1 accepted`. */
export function summaryText(s: Summary): string {
  return `${s.breaking} breaking, ${s.dangerous} dangerous, ${s.safe} safe${s.accepted ? `, ${s.accepted} accepted` : ""}`;
}
