/** The pure core of `idlc diff`: two loaded models in, sorted findings out. */
import { compareStrings } from "../diagnostics/diagnostic.js";
import { indexModel, type Model } from "../model/ir.js";
import type { DiffContext } from "./context.js";
import { diffPaths } from "./diff-paths.js";
import { diffTypes } from "./diff-types.js";
import { SEVERITIES, type Finding } from "./rules.js";

/**
 * Every change from `base` to `head` that matters on the wire, on disk or to code, each with the
 * most specific rule of docs/diff-rules.md. Compares wire names, not IDL names. Sorted by
 * severity, then path, then rule.
 */
export function diffModels(base: Model, head: Model): Finding[] {
  const cx: DiffContext = { base, head, ix: { base: indexModel(base), head: indexModel(head) }, findings: [] };
  diffTypes(cx);
  diffPaths(cx);
  return sortFindings(cx.findings);
}

/** Severity (breaking first), then path, then rule, then message. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      compareStrings(a.path, b.path) ||
      compareStrings(a.rule, b.rule) ||
      compareStrings(a.message, b.message),
  );
}
