/**
 * The built CLI (`node generator/bin/idlc.js diff`) on copies of the real idl/ with edits the
 * fixtures do not make: exit codes, every format naming what changed, acceptance, usage and load errors.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { diff, ensureBuilt, repo } from "./helpers.js";

let tmp = "";

beforeAll(ensureBuilt);

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), "idlc-diff-"));
  cpSync(join(repo, "idl"), join(tmp, "base"), { recursive: true });
  cpSync(join(repo, "idl"), join(tmp, "idl"), { recursive: true });
});

afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Replaces `from` (which must occur) in a head file; returns the 1-based line where `to` starts. */
function edit(file: string, from: string, to: string): number {
  const path = join(tmp, "idl", file);
  const text = readFileSync(path, "utf8");
  expect(text, `${file} holds ${JSON.stringify(from)}`).toContain(from);
  const next = text.replace(from, to);
  writeFileSync(path, next);
  return next.slice(0, next.indexOf(to)).split("\n").length;
}

/** 1-based line of `needle` in a base file. */
function baseLine(file: string, needle: string): number {
  const text = readFileSync(join(tmp, "base", file), "utf8");
  expect(text).toContain(needle);
  return text.slice(0, text.indexOf(needle)).split("\n").length;
}

describe("the real idl/", () => {
  it("diffed against itself gives nothing and exit 0", () => {
    const r = diff(["idl", "idl"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("No changes: idl -> idl.\n");
    const json = JSON.parse(diff(["--base", "idl", "--format", "json"]).stdout);
    expect(json.findings).toEqual([]);
    expect(json.verdict).toBe("unchanged");
  });
});

describe("exit codes", () => {
  it("is 1 for a narrowed field, 0 for a widened one unless --fail-on dangerous", () => {
    edit("pool.yaml", "      mem_mib: u32\n", "      mem_mib: u16\n");
    expect(diff(["base"], tmp).code).toBe(1);
    cpSync(join(tmp, "base"), join(tmp, "idl"), { recursive: true });
    edit("pool.yaml", "      vcpus: u8\n", "      vcpus: u32\n");
    const r = diff(["base"], tmp);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("dangerous FIELD_TYPE_WIDENED InstanceResources.vcpus");
    expect(diff(["base", "--fail-on", "dangerous"], tmp).code).toBe(1);
  });

  it("is 0 for docs only, and says so", () => {
    edit("pool.yaml", "Role for all instances in this pool.", "The role of every instance of this pool.");
    const line = baseLine("pool.yaml", "      role:\n");
    const r = diff(["base"], tmp);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^idl/pool\\.yaml:${line}:7 - safe DOC_CHANGED PoolSpec\\.role: `, "m"));
    expect(r.stdout).toContain("0 breaking, 0 dangerous, 1 safe; passes.");
  });

  it("is 1 for a moved path template, naming the helpers that move along", () => {
    edit("tenant.yaml", '"{tenant_dir}/pools"', '"{tenant_dir}/worker-pools"');
    const r = diff(["base"], tmp);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("breaking PATH_TEMPLATE_CHANGED tenant_pools_dir");
    expect(r.stdout).toContain("/var/lib/mvm/tenants/{tenant_id}/worker-pools, not /var/lib/mvm/tenants/{tenant_id}/pools");
    expect(r.stdout).toMatch(/this also moves .*pool_config_path/);
  });

  it("is 2 when a side does not load, with its diagnostics", () => {
    edit("pool.yaml", "      vcpus: u8\n", "      vcpus: u9\n");
    const r = diff(["base"], tmp);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("the head side (idl) does not load");
    expect(r.stderr).toMatch(/^idl\/pool\.yaml:\d+:\d+ - error unknown-type: /m);
  });

  it.each([
    [["--bogus"], "unknown option '--bogus'"],
    [["base", "--format", "yaml"], "must be one of text, json, markdown, github"],
    [["base", "idl", "idl"], "at most two sides"],
    [["no-such-dir-or-rev"], "neither an IDL folder nor a git revision"],
    [[], "diff needs a base"],
    [["base", "--base", "base"], "give the base once"],
  ])("is 2 for usage errors: %j", (args, message) => {
    const r = diff(args, tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("prints help with examples", () => {
    const r = diff(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("idlc diff --base origin/main");
    expect(r.stdout).toContain("--fail-on");
  });
});

describe("formats", () => {
  /** A breaking, a dangerous and a safe change, and a removal. */
  function mixed(): { narrowed: number; widened: number; removed: number; added: number } {
    const removed = baseLine("pool.yaml", "      template_id:\n");
    edit(
      "pool.yaml",
      "      template_id:\n        type: string\n        type_default: true\n        doc: Optional template reference for shared base image.\n",
      "",
    );
    const added = edit("pool.yaml", "      strict:\n", "      strict:\n      paranoid:\n") + 1;
    const narrowed = edit("pool.yaml", "      mem_mib: u32\n", "      mem_mib: u16\n");
    const widened = edit("pool.yaml", "      vcpus: u8\n", "      vcpus: u32\n");
    return { narrowed, widened, removed, added };
  }

  it("text: file:line:col of the head, of the base for removals, grouped by severity", () => {
    const at = mixed();
    const r = diff(["base"], tmp);
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines).toContain(
      `idl/pool.yaml:${at.narrowed}:16 - breaking FIELD_TYPE_NARROWED InstanceResources.mem_mib: Field 'mem_mib' narrowed from u32 to u16: existing files with values above 65535 no longer read.`,
    );
    expect(lines.some((l) => l.startsWith(`base/pool.yaml:${at.removed}:7 - breaking FIELD_REMOVED PoolSpec.template_id: `))).toBe(true);
    expect(lines.some((l) => l.startsWith(`idl/pool.yaml:${at.widened}:14 - dangerous FIELD_TYPE_WIDENED InstanceResources.vcpus: `))).toBe(
      true,
    );
    expect(lines.some((l) => l.startsWith(`idl/pool.yaml:${at.added}:7 - safe KNOWN_VALUE_ADDED SeccompPolicy.paranoid: `))).toBe(true);
    const order = ["breaking", "dangerous", "safe"].map((s) => lines.findIndex((l) => l.includes(` - ${s} `)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(lines).toContain("base -> idl: 2 breaking, 1 dangerous, 1 safe; fails (--fail-on breaking).");
    expect(r.stdout).not.toContain("\u001b[");
  });

  it("text --quiet: only what fails", () => {
    mixed();
    const r = diff(["base", "--quiet"], tmp);
    expect(r.stdout).toContain("FIELD_TYPE_NARROWED");
    expect(r.stdout).not.toContain("FIELD_TYPE_WIDENED");
    expect(r.stdout).not.toContain("KNOWN_VALUE_ADDED");
  });

  it("json: the documented shape", () => {
    const at = mixed();
    const r = diff(["base", "--format", "json"], tmp);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(["version", "base", "head", "failOn", "verdict", "exitCode", "summary", "findings", "warnings"]);
    expect(doc).toMatchObject({
      version: 1,
      base: { kind: "folder", dir: "base" },
      head: { kind: "folder", dir: "idl" },
      failOn: "breaking",
      verdict: "breaking",
      exitCode: 1,
    });
    expect(doc.summary).toEqual({ breaking: 2, dangerous: 1, safe: 1, accepted: 0 });
    expect(doc.findings.map((f: { rule: string }) => f.rule)).toEqual([
      "FIELD_TYPE_NARROWED",
      "FIELD_REMOVED",
      "FIELD_TYPE_WIDENED",
      "KNOWN_VALUE_ADDED",
    ]);
    expect(doc.findings[0]).toEqual({
      rule: "FIELD_TYPE_NARROWED",
      severity: "breaking",
      direction: "old-data-new-code",
      path: "InstanceResources.mem_mib",
      message: "Field 'mem_mib' narrowed from u32 to u16: existing files with values above 65535 no longer read.",
      base: { file: "base/pool.yaml", line: baseLine("pool.yaml", "      mem_mib: u32\n"), col: 16 },
      head: { file: "idl/pool.yaml", line: at.narrowed, col: 16 },
    });
    expect(doc.findings[1].head).toBeUndefined();
    expect(doc.findings[1].base).toEqual({ file: "base/pool.yaml", line: at.removed, col: 7 });
    expect(diff(["base", "--format", "json"], tmp).stdout).toBe(r.stdout);
  });

  it("markdown: verdict, counts, a table per severity", () => {
    const at = mixed();
    const r = diff(["base", "--format", "markdown"], tmp);
    expect(r.code).toBe(1);
    const md = r.stdout;
    expect(md.startsWith("<!-- idlc-diff -->\n## ❌ IDL diff: breaking changes\n")).toBe(true);
    expect(md).toContain("**2** breaking, **1** dangerous, **1** safe, **0** accepted");
    expect(md).toContain("### Breaking (2)\n\n| Rule | Where | Change | Location |\n| --- | --- | --- | --- |\n");
    expect(md).toContain(
      `| \`FIELD_TYPE_NARROWED\`<br>Field type narrowed | \`InstanceResources.mem_mib\` | Field 'mem\\_mib' narrowed from u32 to u16: existing files with values above 65535 no longer read. | \`idl/pool.yaml:${at.narrowed}:16\` |`,
    );
    expect(md).toContain(`\`base/pool.yaml:${at.removed}:7\` (base)`);
    expect(md).toContain("### Dangerous (1)");
    expect(md).toContain("<summary>Safe (1)</summary>");
  });

  it("github: one escaped annotation per finding, by level", () => {
    const at = mixed();
    const r = diff(["base", "--format", "github"], tmp);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(
      `::error file=idl/pool.yaml,line=${at.narrowed},col=16,title=FIELD_TYPE_NARROWED (breaking)::InstanceResources.mem_mib: Field 'mem_mib' narrowed from u32 to u16: existing files with values above 65535 no longer read.`,
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^::error file=base/pool\\.yaml,title=FIELD_REMOVED \\(breaking\\)::PoolSpec\\.template_id: .*\\(was at base/pool\\.yaml:${at.removed}:7 in base\\)$`,
      ),
    );
    expect(lines[2]).toMatch(
      new RegExp(`^::warning file=idl/pool\\.yaml,line=${at.widened},col=14,title=FIELD_TYPE_WIDENED \\(dangerous\\)::`),
    );
    expect(lines[3]).toMatch(/^::notice file=idl\/pool\.yaml,line=\d+,col=7,title=KNOWN_VALUE_ADDED \(safe\)::SeccompPolicy\.paranoid: /);
    expect(lines[4]).toBe("idlc diff base -> idl: 2 breaking, 1 dangerous, 1 safe; fails.");
  });
});

describe("accepted changes", () => {
  it("lists accepted findings without failing, and warns about stale entries", () => {
    edit("pool.yaml", "      mem_mib: u32\n", "      mem_mib: u16\n");
    writeFileSync(
      join(tmp, "idl/accepted-changes.yaml"),
      [
        "accepted:",
        "  - rule: FIELD_TYPE_NARROWED",
        "    path: InstanceResources.mem_mib",
        "    reason: No host has more than 64 GiB per instance.",
        "  - rule: FIELD_REMOVED",
        "    path: PoolSpec.template_id",
        "    reason: Stale on purpose.",
        "",
      ].join("\n"),
    );
    const r = diff(["base"], tmp);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("breaking FIELD_TYPE_NARROWED InstanceResources.mem_mib (accepted): ");
    expect(r.stdout).toContain("    accepted: No host has more than 64 GiB per instance.");
    expect(r.stdout).toContain(
      "idl/accepted-changes.yaml:5:5 - warning: Stale acceptance: no FIELD_REMOVED finding at PoolSpec.template_id",
    );
    expect(r.stdout).toContain("0 breaking, 0 dangerous, 0 safe, 1 accepted; passes.");
    const json = JSON.parse(diff(["base", "--format", "json"], tmp).stdout);
    expect(json.verdict).toBe("accepted");
    expect(json.findings[0].accepted).toEqual({ reason: "No host has more than 64 GiB per instance." });
    expect(json.warnings).toEqual([expect.objectContaining({ file: "idl/accepted-changes.yaml", line: 5, col: 5 })]);
    expect(diff(["base", "--format", "markdown"], tmp).stdout).toContain("`FIELD_TYPE_NARROWED` (accepted)<br>Field type narrowed |");
    expect(diff(["base", "--format", "github"], tmp).stdout).toMatch(
      /^::warning file=idl\/pool\.yaml,line=\d+,col=16,title=FIELD_TYPE_NARROWED \(breaking%2C accepted\)::/m,
    );
  });

  it("is read from the head side only", () => {
    edit("pool.yaml", "      mem_mib: u32\n", "      mem_mib: u16\n");
    writeFileSync(
      join(tmp, "base/accepted-changes.yaml"),
      "accepted:\n  - rule: FIELD_TYPE_NARROWED\n    path: InstanceResources.mem_mib\n    reason: x\n",
    );
    expect(diff(["base"], tmp).code).toBe(1);
  });

  it("is 2 for an invalid file, with file:line:col", () => {
    writeFileSync(join(tmp, "idl/accepted-changes.yaml"), "accepted:\n  - rule: FIELD_REMOVD\n    path: PoolSpec.template_id\n");
    const r = diff(["base"], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("idl/accepted-changes.yaml:2:11 - error invalid-value: ");
    expect(r.stderr).toContain("did you mean 'FIELD_REMOVED'?");
    expect(r.stderr).toContain("idl/accepted-changes.yaml:2:5 - error missing-key: Missing key 'reason'");
  });
});
