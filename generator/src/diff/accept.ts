/**
 * Accepted changes: `idl/accepted-changes.yaml` names findings (rule and path) that a pull
 * request breaks on purpose, with the reason. Accepted findings are still listed but do not fail;
 * an entry that matches nothing is stale and reported as a warning.
 *
 *   accepted:
 *     - rule: FIELD_REMOVED
 *       path: PoolSpec.template_id
 *       reason: No stored pool.json ever set it.
 */
import { diagnostic, formatLocation, sortDiagnostics, type Diagnostic, type SourceRange } from "../diagnostics/diagnostic.js";
import { closest, didYouMean } from "../diagnostics/suggest.js";
import { keyRange, valueRange } from "../parse/locate.js";
import { readYaml, type SourceFile, type YamlFile } from "../parse/read-yaml.js";
import { isRuleId, RULE_IDS, type Finding, type RuleId } from "./rules.js";

export const ACCEPTED_FILE = "accepted-changes.yaml";

export interface Acceptance {
  readonly rule: RuleId;
  readonly path: string;
  readonly reason: string;
  /** The entry in the file. */
  readonly range: SourceRange;
}

/** A problem that does not stop the diff: a stale acceptance. */
export interface DiffWarning {
  readonly message: string;
  readonly range: SourceRange;
}

const ENTRY_KEYS = ["rule", "path", "reason"] as const;

/** Reads and checks the file; any diagnostic means the file is unusable. */
export function parseAcceptances(file: SourceFile): { entries: Acceptance[]; diagnostics: Diagnostic[] } {
  const read = readYaml(file);
  if (!read.yaml) return { entries: [], diagnostics: read.diagnostics };
  const yaml = read.yaml;
  const diagnostics: Diagnostic[] = [];
  const data = yaml.data;
  if (data === null || data === undefined) return { entries: [], diagnostics };
  if (!isRecord(data)) {
    return {
      entries: [],
      diagnostics: [
        diagnostic("invalid-value", valueRange(yaml, []), { where: ACCEPTED_FILE, detail: "expected a mapping with the key 'accepted'" }),
      ],
    };
  }
  for (const key of Object.keys(data)) {
    if (key === "accepted") continue;
    diagnostics.push(diagnostic("unknown-key", keyRange(yaml, [key]), { key, where: ACCEPTED_FILE, hint: didYouMean(key, ["accepted"]) }));
  }
  const list = data["accepted"];
  if (list === null || list === undefined) return { entries: [], diagnostics };
  if (!Array.isArray(list)) {
    diagnostics.push(
      diagnostic("invalid-value", valueRange(yaml, ["accepted"]), {
        where: "'accepted'",
        detail: "expected a list of entries with rule, path and reason",
      }),
    );
    return { entries: [], diagnostics };
  }
  const entries: Acceptance[] = [];
  list.forEach((item: unknown, i) => {
    const entry = readEntry(yaml, item, i, diagnostics);
    if (entry === undefined) return;
    const twin = entries.find((e) => e.rule === entry.rule && e.path === entry.path);
    if (twin !== undefined) {
      diagnostics.push(
        diagnostic("invalid-value", entry.range, {
          where: `entry ${i + 1}`,
          detail: `${entry.rule} at ${entry.path} is already accepted at ${formatLocation(twin.range)}`,
        }),
      );
    } else entries.push(entry);
  });
  return { entries, diagnostics: sortDiagnostics(diagnostics) };
}

function readEntry(yaml: YamlFile, item: unknown, i: number, diagnostics: Diagnostic[]): Acceptance | undefined {
  const at = ["accepted", i];
  const where = `entry ${i + 1} of 'accepted'`;
  if (!isRecord(item)) {
    diagnostics.push(diagnostic("invalid-value", valueRange(yaml, at), { where, detail: "expected a mapping with rule, path and reason" }));
    return undefined;
  }
  const before = diagnostics.length;
  for (const key of Object.keys(item)) {
    if ((ENTRY_KEYS as readonly string[]).includes(key)) continue;
    diagnostics.push(diagnostic("unknown-key", keyRange(yaml, [...at, key]), { key, where, hint: didYouMean(key, ENTRY_KEYS) }));
  }
  const text = (key: (typeof ENTRY_KEYS)[number]): string | undefined => {
    const v = item[key];
    if (typeof v === "string" && v.trim() !== "") return v.trim();
    diagnostics.push(
      v === undefined
        ? diagnostic("missing-key", valueRange(yaml, at), { key, where })
        : diagnostic("invalid-value", valueRange(yaml, [...at, key]), {
            where: `'${key}' of ${where}`,
            detail: "expected a non-empty string",
          }),
    );
    return undefined;
  };
  const rule = text("rule");
  const path = text("path");
  const reason = text("reason");
  if (rule !== undefined && !isRuleId(rule)) {
    const near = closest(rule, RULE_IDS);
    const detail = `'${rule}' is not a rule of docs/diff-rules.md${near ? ` (did you mean '${near}'?)` : ""}`;
    diagnostics.push(diagnostic("invalid-value", valueRange(yaml, [...at, "rule"]), { where: `'rule' of ${where}`, detail }));
  }
  if (diagnostics.length > before || rule === undefined || path === undefined || reason === undefined || !isRuleId(rule)) return undefined;
  return { rule, path, reason, range: valueRange(yaml, at) };
}

/** Marks the findings that an entry accepts; returns the entries that accept nothing as warnings. */
export function applyAcceptances(
  findings: readonly Finding[],
  entries: readonly Acceptance[],
): { findings: Finding[]; warnings: DiffWarning[] } {
  const used = new Set<Acceptance>();
  const out = findings.map((f) => {
    const entry = entries.find((e) => e.rule === f.rule && e.path === f.path);
    if (entry === undefined) return f;
    used.add(entry);
    return { ...f, accepted: { reason: entry.reason } };
  });
  const warnings = entries
    .filter((e) => !used.has(e))
    .map((e) => ({ message: `Stale acceptance: no ${e.rule} finding at ${e.path}; remove the entry.`, range: e.range }));
  return { findings: out, warnings };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
