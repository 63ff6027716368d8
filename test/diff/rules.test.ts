/**
 * One before/after fixture per rule (test/diff/fixtures/<rule-in-kebab>/{base,head}): the diff
 * of the two gives exactly the expected findings, with rule, severity, path and line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffModels } from "../../generator/src/diff/diff-models.js";
import { RULE_IDS, RULES, type DiffSeverity, type RuleId } from "../../generator/src/diff/rules.js";
import { fixtures, loadDir, repo } from "./helpers.js";
import { IR_CASES } from "./ir-cases.js";

/** Rule, severity, path, and where: `head:LINE` or `base:LINE` (removals), plus words the message must hold. */
type Expected = readonly [RuleId, DiffSeverity, string, `${"head" | "base"}:${number}`, string?];

const CASES: Readonly<Record<string, readonly Expected[]>> = {
  "type-added": [["TYPE_ADDED", "safe", "type:T", "head:9"]],
  "type-removed": [["TYPE_REMOVED", "breaking", "type:T", "base:9"]],
  "type-kind-changed": [["TYPE_KIND_CHANGED", "breaking", "type:K", "head:9", "from string to struct"]],
  "type-kind-relaxed": [["TYPE_KIND_RELAXED", "dangerous", "type:K", "head:9", "'On', 'Off'"]],
  "type-default-added": [["TYPE_DEFAULT_ADDED", "safe", "type:S", "head:4", '{"a":0,"b":""}']],
  "type-default-removed": [["TYPE_DEFAULT_REMOVED", "breaking", "type:S", "head:4", "defaultS()"]],
  "module-changed": [["MODULE_CHANGED", "safe", "type:T", "head:4", "from module a to b"]],
  "rename-rule-changed": [["RENAME_RULE_CHANGED", "breaking", "type:S", "head:4", "'max_count' to 'maxCount'"]],
  "rename-rule-changed--enum": [["RENAME_RULE_CHANGED", "breaking", "type:E", "head:4", "'very-high' to 'very_high'"]],
  "wire-name-changed": [["WIRE_NAME_CHANGED", "breaking", "S.a", "head:7", "'alpha', not 'a'"]],
  "wire-name-changed--variant": [["WIRE_NAME_CHANGED", "breaking", "E.High", "head:10", "'hi', not 'high'"]],
  "idl-only-change": [["IDL_ONLY_CHANGE", "safe", "S.alpha", "head:7", "named alpha in the IDL, was a"]],
  "idl-only-change--path-param": [["IDL_ONLY_CHANGE", "safe", "item_dir", "head:11", "(id: Id), were (item_id: Id)"]],
  "doc-changed": [["DOC_CHANGED", "safe", "S.b", "head:8"]],
  "doc-changed--module": [["DOC_CHANGED", "safe", "module:m", "head:1"]],
  "field-added-required": [["FIELD_ADDED_REQUIRED", "breaking", "S.c", "head:9"]],
  "field-added-optional": [["FIELD_ADDED_OPTIONAL", "safe", "S.c", "head:9", "with default 5"]],
  "field-added-strict": [["FIELD_ADDED_STRICT", "dangerous", "S.c", "head:10", "denies unknown fields"]],
  "field-removed": [["FIELD_REMOVED", "breaking", "S.b", "base:8"]],
  "field-rename--removal-plus-addition": [
    ["FIELD_REMOVED", "breaking", "S.a", "base:7"],
    ["FIELD_ADDED_REQUIRED", "breaking", "S.alpha", "head:7"],
  ],
  "field-type-changed": [["FIELD_TYPE_CHANGED", "breaking", "S.a", "head:7", "from u32 to string"]],
  "field-type-narrowed": [["FIELD_TYPE_NARROWED", "breaking", "S.a", "head:7", "values above 65535"]],
  "field-type-narrowed--string-to-constrained": [["FIELD_TYPE_NARROWED", "breaking", "S.id", "head:12", "from string to Id"]],
  "field-type-widened": [["FIELD_TYPE_WIDENED", "dangerous", "S.a", "head:7", "values above 255"]],
  "field-type-widened--list-element": [
    ["FIELD_TYPE_WIDENED", "dangerous", "S.a", "head:7", "elements with values above 65535 or values below 0"],
  ],
  "field-made-required": [["FIELD_MADE_REQUIRED", "breaking", "S.a", "head:7", "from optional<u32> to u32"]],
  "field-made-required--default-removed": [["FIELD_MADE_REQUIRED", "breaking", "S.a", "head:7", "lost its default"]],
  "field-made-optional": [["FIELD_MADE_OPTIONAL", "dangerous", "S.a", "head:7", "from u32 to optional<u32>"]],
  "default-added": [["DEFAULT_ADDED", "safe", "S.a", "head:9", "reads as 3"]],
  "default-changed": [["DEFAULT_CHANGED", "dangerous", "S.a", "head:9", "reads as 4 when missing, not 3"]],
  "omit-changed": [["OMIT_CHANGED", "dangerous", "S.c", "head:9", "left out when none"]],
  "omit-removed": [["OMIT_REMOVED", "safe", "S.c", "head:9"]],
  "field-order-changed": [["FIELD_ORDER_CHANGED", "safe", "type:S", "head:4", "(b, a)"]],
  "unknown-fields-denied": [["UNKNOWN_FIELDS_DENIED", "breaking", "type:S", "head:4"]],
  "unknown-fields-allowed": [["UNKNOWN_FIELDS_ALLOWED", "safe", "type:S", "head:4"]],
  "variant-added": [["VARIANT_ADDED", "dangerous", "E.Max", "head:11", "'max'"]],
  "variant-removed": [["VARIANT_REMOVED", "breaking", "E.High", "base:10", "'high'"]],
  "default-variant-changed": [["DEFAULT_VARIANT_CHANGED", "dangerous", "type:E", "head:4", "without S.level now read 'high'"]],
  "display-changed": [["DISPLAY_CHANGED", "dangerous", "E.High", "head:10", "'HIGH', not 'high'"]],
  "known-value-added": [["KNOWN_VALUE_ADDED", "safe", "O.c", "head:9"]],
  "known-value-removed": [["KNOWN_VALUE_REMOVED", "safe", "O.b", "base:8", "O.B"]],
  "string-constraint-tightened": [["STRING_CONSTRAINT_TIGHTENED", "breaking", "type:Id", "head:4", "longer than 32"]],
  "string-constraint-relaxed": [["STRING_CONSTRAINT_RELAXED", "dangerous", "type:Id", "head:4", "not matching ^[a-z]+$"]],
  "string-constraint-changed": [["STRING_CONSTRAINT_CHANGED", "breaking", "type:Id", "head:4", "^[a-z0-9]+$"]],
  "path-added": [["PATH_ADDED", "safe", "item_log", "head:17", "/var/lib/x/{item_id}/log"]],
  "path-removed": [["PATH_REMOVED", "breaking", "item_file", "base:15"]],
  "path-template-changed": [
    ["PATH_TEMPLATE_CHANGED", "breaking", "item_dir", "head:11", "/var/lib/x/items/{item_id}, not /var/lib/x/{item_id}"],
  ],
  "path-params-changed": [
    [
      "PATH_PARAMS_CHANGED",
      "breaking",
      "item_dir",
      "head:11",
      "builds paths for strings other than Id (at least 1 character), which old code refuses; this also changes item_file",
    ],
  ],
  "path-params-changed--added": [
    ["PATH_PARAMS_CHANGED", "breaking", "item_dir", "head:11", "takes (kind: string, item_id: Id), not (item_id: Id): every call"],
  ],
  "path-root-changed": [["PATH_ROOT_CHANGED", "breaking", "root:BASE", "head:8", "(item_dir, item_file)"]],
  "root-added": [["ROOT_ADDED", "safe", "root:OTHER", "head:10"]],
  "root-removed": [["ROOT_REMOVED", "breaking", "root:OTHER", "base:10"]],
  "no-change": [],
};

function kebab(rule: string): string {
  return rule.toLowerCase().replace(/_/g, "-");
}

describe("a fixture per rule", () => {
  it.each(Object.entries(CASES))("%s", (name, expected) => {
    const dir = join(fixtures, name);
    const findings = diffModels(loadDir(join(dir, "base")), loadDir(join(dir, "head")));
    const got = findings.map((f) => {
      const side = f.head ? "head" : "base";
      return [f.rule, f.severity, f.path, `${side}:${(f.head ?? f.base)!.start.line}`];
    });
    expect(got).toEqual(expected.map(([rule, severity, path, at]) => [rule, severity, path, at]));
    for (const [i, [, , , , words]] of expected.entries()) if (words) expect(findings[i]!.message).toContain(words);
    for (const f of findings) expect((f.head ?? f.base)!.file).toMatch(new RegExp(`^test/diff/fixtures/${name}/(head|base)/`));
  });

  it("covers every rule of the catalog, in a folder (or an IR pair, test/diff/ir-cases.ts) named after it", () => {
    const irCovered = Object.values(IR_CASES).flatMap((c) => c.expected.map(([rule]) => rule));
    const covered = new Set([...Object.values(CASES).flatMap((list) => list.map(([rule]) => rule)), ...irCovered]);
    expect(RULE_IDS.filter((r) => !covered.has(r))).toEqual([]);
    const folders = new Set(readdirSync(fixtures));
    expect(RULE_IDS.filter((r) => !folders.has(kebab(r)) && !(kebab(r) in IR_CASES))).toEqual([]);
    expect([...folders].filter((f) => !(f in CASES))).toEqual([]);
  });

  it("the severities in the table are the catalog's", () => {
    for (const list of Object.values(CASES)) for (const [rule, severity] of list) expect(RULES[rule].severity).toBe(severity);
  });
});

describe("docs/diff-rules.md", () => {
  const doc = readFileSync(join(repo, "docs/diff-rules.md"), "utf8");
  it.each(RULE_IDS)("documents %s with its severity and direction", (rule) => {
    const row = doc.split("\n").find((line) => line.startsWith(`| \`${rule}\` |`));
    expect(row, `no table row for ${rule}`).toBeDefined();
    const cells = row!.split("|").map((c) => c.trim());
    expect(cells[2]).toBe(RULES[rule].severity);
    expect(cells[3]).toBe(RULES[rule].direction);
    expect(cells[4]!.length).toBeGreaterThan(5);
  });
});
