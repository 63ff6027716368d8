/** The four formats on a report built in memory: what they name, how they escape, colour and levels. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffModels } from "../../generator/src/diff/diff-models.js";
import { formatGithub, escapeData, escapeProperty } from "../../generator/src/diff/format/github.js";
import { formatJson } from "../../generator/src/diff/format/json.js";
import { cell, formatMarkdown } from "../../generator/src/diff/format/markdown.js";
import { formatText } from "../../generator/src/diff/format/text.js";
import { exitCodeOf, verdictOf, type DiffReport } from "../../generator/src/diff/report.js";
import type { Finding } from "../../generator/src/diff/rules.js";
import { fixtures, loadDir } from "./helpers.js";

function findingsOf(name: string): Finding[] {
  return diffModels(loadDir(join(fixtures, name, "base")), loadDir(join(fixtures, name, "head")));
}

function report(findings: readonly Finding[], extra: Partial<DiffReport> = {}): DiffReport {
  return {
    base: { kind: "folder", dir: "old" },
    head: { kind: "folder", dir: "new" },
    failOn: "breaking",
    findings,
    warnings: [],
    ...extra,
  };
}

const widened = findingsOf("field-type-widened")[0]!;
const removed = findingsOf("field-removed")[0]!;
const pattern = findingsOf("string-constraint-relaxed")[0]!;

describe("exit code and verdict", () => {
  it("fail on unaccepted breaking findings, or dangerous ones with --fail-on dangerous", () => {
    expect(exitCodeOf(report([widened]))).toBe(0);
    expect(exitCodeOf(report([widened], { failOn: "dangerous" }))).toBe(1);
    expect(exitCodeOf(report([removed]))).toBe(1);
    expect(exitCodeOf(report([{ ...removed, accepted: { reason: "r" } }]))).toBe(0);
    expect(verdictOf(report([]))).toBe("unchanged");
    expect(verdictOf(report([{ ...removed, accepted: { reason: "r" } }]))).toBe("accepted");
    expect(verdictOf(report([removed, widened]))).toBe("breaking");
  });
});

describe("text", () => {
  it("colours only when asked", () => {
    const plain = formatText(report([removed, widened]), { color: false, quiet: false });
    expect(plain).not.toContain("\u001b[");
    expect(plain).toContain(
      "test/diff/fixtures/field-removed/base/m.yaml:8:7 - breaking FIELD_REMOVED S.b: Field 'b' (string) was removed",
    );
    const colored = formatText(report([removed, widened]), { color: true, quiet: false });
    expect(colored).toContain("\u001b[31mbreaking\u001b[0m");
    expect(colored).toContain("\u001b[33mdangerous\u001b[0m");
  });

  it("prints nothing in quiet mode when nothing fails", () => {
    expect(formatText(report([widened]), { color: false, quiet: true })).toBe("");
    expect(formatText(report([widened]), { color: false, quiet: false })).toContain("old -> new: 0 breaking, 1 dangerous, 0 safe; passes.");
  });
});

describe("json", () => {
  it("names the change and stays byte-stable", () => {
    const text = formatJson(report([removed]));
    const doc = JSON.parse(text);
    expect(doc.findings[0]).toEqual({
      rule: "FIELD_REMOVED",
      severity: "breaking",
      direction: "both",
      path: "S.b",
      message: removed.message,
      base: { file: "test/diff/fixtures/field-removed/base/m.yaml", line: 8, col: 7 },
    });
    expect(formatJson(report([removed]))).toBe(text);
    expect(text.endsWith("}\n")).toBe(true);
  });
});

describe("markdown", () => {
  it("escapes table cells so messages cannot break the table or inject HTML", () => {
    expect(cell("a | b <b>*x*</b> [l](u) `c`\nd")).toBe("a \\| b &lt;b&gt;\\*x\\*&lt;/b&gt; \\[l\\](u) \\`c\\` d");
    const md = formatMarkdown(report([pattern]));
    expect(md).toContain(
      "| `STRING_CONSTRAINT_RELAXED`<br>String rule relaxed | `type:Id` | Id now accepts strings not matching ^\\[a-z\\]+$: old readers and old path helpers refuse them. |",
    );
    expect(md).toContain("## ⚠️ IDL diff: dangerous changes");
  });

  it("marks accepted findings with their reason", () => {
    const md = formatMarkdown(report([{ ...removed, accepted: { reason: "b was <never> used" } }]));
    expect(md).toContain("## ☑️ IDL diff: breaking or dangerous changes, all accepted");
    expect(md).toContain("| `FIELD_REMOVED` (accepted)<br>Field removed | `S.b` |");
    expect(md).toContain("<br>**Accepted:** b was &lt;never&gt; used |");
  });
});

describe("github", () => {
  it("escapes data and properties as GitHub requires", () => {
    expect(escapeData("100% a\r\nb: c, d")).toBe("100%25 a%0D%0Ab: c, d");
    expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
  });

  it("uses error for what fails, warning for other breaking or dangerous findings, notice for safe", () => {
    const safe = findingsOf("doc-changed")[0]!;
    const lines = (r: DiffReport): string[] =>
      formatGithub(r)
        .split("\n")
        .filter((l) => l.startsWith("::"));
    expect(lines(report([removed, widened, safe])).map((l) => l.slice(0, l.indexOf(" ")))).toEqual(["::error", "::warning", "::notice"]);
    expect(lines(report([widened], { failOn: "dangerous" }))[0]).toMatch(
      /^::error file=test\/diff\/fixtures\/field-type-widened\/head\/m\.yaml,line=7,col=10,title=FIELD_TYPE_WIDENED \(dangerous\)::S\.a: /,
    );
    expect(lines(report([{ ...removed, accepted: { reason: "r" } }]))[0]).toMatch(
      /^::warning file=[^,]+,title=FIELD_REMOVED \(breaking%2C accepted\)::S\.b: .* Accepted: r \(was at .*base\/m\.yaml:8:7 in old\)$/,
    );
  });
});
