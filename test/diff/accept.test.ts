/** accepted-changes.yaml: its checks (with file:line:col), and how entries mark findings or go stale. */
import { describe, expect, it } from "vitest";
import { applyAcceptances, parseAcceptances } from "../../generator/src/diff/accept.js";
import { finding } from "../../generator/src/diff/rules.js";
import { formatDiagnostic } from "../../generator/src/diagnostics/diagnostic.js";

const FILE = "idl/accepted-changes.yaml";

function parse(text: string): { entries: ReturnType<typeof parseAcceptances>["entries"]; errors: string[] } {
  const { entries, diagnostics } = parseAcceptances({ path: FILE, text });
  return { entries, errors: diagnostics.map(formatDiagnostic) };
}

describe("parseAcceptances", () => {
  it("reads entries, trimming the text", () => {
    const { entries, errors } = parse(
      "accepted:\n  - rule: FIELD_REMOVED\n    path: ' PoolSpec.template_id'\n    reason: |\n      Never set.\n",
    );
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      { rule: "FIELD_REMOVED", path: "PoolSpec.template_id", reason: "Never set.", range: expect.objectContaining({ file: FILE }) },
    ]);
    expect(entries[0]!.range.start).toMatchObject({ line: 2, col: 5 });
  });

  it.each(["", "# nothing accepted\n", "accepted:\n", "accepted: []\n"])("accepts an empty file: %j", (text) => {
    expect(parse(text)).toEqual({ entries: [], errors: [] });
  });

  it("reports every problem with its location", () => {
    const { entries, errors } = parse(
      [
        "accepted:",
        "  - rule: FIELD_REMOVED",
        "    path: S.a",
        "    reason: ok",
        "  - rule: FIELD_REMOVED",
        "    path: S.a",
        "    reason: twice",
        "  - rule: NOT_A_RULE",
        "    path: S.b",
        "    reason: x",
        "  - rule: FIELD_REMOVED",
        "    path: ''",
        "    reason: x",
        "    why: y",
        "  - just text",
        "extra: 1",
        "",
      ].join("\n"),
    );
    expect(entries.map((e) => e.path)).toEqual(["S.a"]);
    expect(errors).toEqual([
      `${FILE}:5:5 - error invalid-value: Invalid value for entry 2: FIELD_REMOVED at S.a is already accepted at ${FILE}:2:5.`,
      `${FILE}:8:11 - error invalid-value: Invalid value for 'rule' of entry 3 of 'accepted': 'NOT_A_RULE' is not a rule of docs/diff-rules.md.`,
      `${FILE}:12:11 - error invalid-value: Invalid value for 'path' of entry 4 of 'accepted': expected a non-empty string.`,
      `${FILE}:14:5 - error unknown-key: Unknown key 'why' in entry 4 of 'accepted'.`,
      `${FILE}:15:5 - error invalid-value: Invalid value for entry 5 of 'accepted': expected a mapping with rule, path and reason.`,
      `${FILE}:16:1 - error unknown-key: Unknown key 'extra' in accepted-changes.yaml.`,
    ]);
  });

  it("refuses a list at the top and YAML errors", () => {
    expect(parse("- rule: FIELD_REMOVED\n").errors[0]).toMatch(/^idl\/accepted-changes\.yaml:1:1 - error invalid-value: .*'accepted'/);
    expect(parse("accepted: [\n").errors[0]).toMatch(/^idl\/accepted-changes\.yaml:\d+:\d+ - error yaml-syntax/);
    expect(parse("accepted: {rule: X}\n").errors[0]).toContain("expected a list of entries");
  });
});

describe("applyAcceptances", () => {
  const removed = finding("FIELD_REMOVED", "S.a", { wire: "a", type: "u32", consequence: "x" }, {});
  const added = finding("VARIANT_ADDED", "E.B", { type: "E", wire: "b" }, {});

  it("marks matching findings (rule and path) and warns about stale entries", () => {
    const { entries } = parse(
      "accepted:\n  - {rule: FIELD_REMOVED, path: S.a, reason: gone}\n  - {rule: FIELD_REMOVED, path: S.b, reason: stale}\n  - {rule: VARIANT_REMOVED, path: E.B, reason: wrong rule}\n",
    );
    const { findings, warnings } = applyAcceptances([removed, added], entries);
    expect(findings[0]!.accepted).toEqual({ reason: "gone" });
    expect(findings[1]!.accepted).toBeUndefined();
    expect(warnings.map((w) => [w.range.start.line, w.message])).toEqual([
      [3, "Stale acceptance: no FIELD_REMOVED finding at S.b; remove the entry."],
      [4, "Stale acceptance: no VARIANT_REMOVED finding at E.B; remove the entry."],
    ]);
  });
});
