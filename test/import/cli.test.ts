/**
 * `idlc import rust` on the command line (the built CLI): usage errors exit 2, a complete import
 * exits 0, one with something left exits 1 with file:line:col diagnostics and TODOs in the YAML,
 * existing modules are not replaced without --force, and the output is the same every run.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.setConfig({ testTimeout: 120_000 });

const repo = fileURLToPath(new URL("../../", import.meta.url));
const idlc = join(repo, "generator/bin/idlc.js");
const seed = join(repo, "test/import/fixtures/seed");
const withTodo = join(repo, "test/import/fixtures/diagnostics/unsupported-attribute/model.rs");
const STACK = /\n\s+at .+:\d+:\d+/;

function cli(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NO_COLOR|FORCE_COLOR|IDLC_DEBUG)$/.test(k)));
  const r = spawnSync(process.execPath, [idlc, ...args], { cwd: repo, env, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp = "";
beforeAll(() => {
  if (!existsSync(join(repo, "generator/dist/idlc.js"))) throw new Error("generator/dist is missing: run `npm run build` first.");
  tmp = mkdtempSync(join(tmpdir(), "idlc-import-cli-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const readOut = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), "utf8")]));

describe("idlc import: usage", () => {
  it("prints its help with examples and exits 0", () => {
    const r = cli(["import", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: idlc import rust <file-or-dir>... --out DIR");
    expect(r.stdout).toContain("Examples:");
    expect(cli(["--help"]).stdout).toContain("import     Write IDL modules from existing Rust serde code");
  });

  it.each([
    [["import"], "import needs a language"],
    [["import", "python", "x.py", "--out", "o"], "import reads rust; got 'python'"],
    [["import", "rust", "--out", "o"], "import rust needs at least one Rust file or folder"],
    [["import", "rust", "test/import/fixtures/seed"], "import needs --out DIR"],
    [["import", "rust", "no/such/file.rs", "--out", "o"], "'no/such/file.rs' does not exist"],
    [["import", "rust", "README.md", "--out", "o"], "'README.md' is not a Rust file (*.rs)"],
    [["import", "rust", "docs", "--out", "o"], "no Rust files (*.rs) in 'docs'"],
    [["import", "rust", "x.rs", "--out"], "option '--out' needs a value"],
    [["import", "rust", "x.rs", "--outt", "o"], "unknown option '--outt'"],
    [["import", "rust", "test/import/fixtures/seed", "--out", "README.md"], "--out 'README.md' is a file, not a folder"],
  ])("%j is a usage error: exit 2, one line, no stack trace", (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`idlc: ${message}`);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toBe("");
  });
});

describe("idlc import rust: output", () => {
  it("writes a module per file, exit 0 when complete, loadable by idlc generate", () => {
    const out = join(tmp, "complete");
    const r = cli(["import", "rust", seed, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote 2 modules to .* The import is complete/);
    expect(readdirSync(out).sort()).toEqual(["pool.yaml", "tenant.yaml"]);
    // The modeline points at this idlc's IDL schema, from the output folder.
    const modeline = /^# yaml-language-server: \$schema=(.+)\n/.exec(readFileSync(join(out, "pool.yaml"), "utf8"))![1]!;
    expect(resolve(out, modeline)).toBe(join(repo, "generator/idl.schema.json"));
    const gen = cli(["generate", "--target", "ts", "--idl", out, "--out", join(tmp, "complete-gen"), "--quiet"]);
    expect(gen.stderr).toBe("");
    expect(gen.code).toBe(0);
  });

  it("writes the same bytes every run; --quiet prints nothing on success", () => {
    const a = join(tmp, "twice-a");
    const b = join(tmp, "twice-b");
    expect(cli(["import", "rust", seed, "--out", a, "--quiet"])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(cli(["import", "rust", join(seed, "tenant.rs"), join(seed, "pool.rs"), "--out", b, "--quiet"]).code).toBe(0);
    const first = readOut(a);
    expect(readOut(b)).toEqual(first);
    expect(cli(["import", "rust", seed, "--out", a, "--force", "--quiet"]).code).toBe(0);
    expect(readOut(a)).toEqual(first);
  });

  it("replaces nothing without --force: exit 2, files left as they were", () => {
    const out = join(tmp, "kept");
    cpSync(seed, join(tmp, "kept-src"), { recursive: true });
    expect(cli(["import", "rust", join(tmp, "kept-src"), "--out", out]).code).toBe(0);
    writeFileSync(join(out, "pool.yaml"), "# edited by hand\n");
    const before = readOut(out);
    const r = cli(["import", "rust", join(tmp, "kept-src"), "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pool\.yaml: already exists/);
    expect(r.stderr).toContain("Nothing written: the files above would be replaced. Move them, or pass --force.");
    expect(readOut(out)).toEqual(before);
    expect(cli(["import", "rust", join(tmp, "kept-src"), "--out", out, "--force"]).code).toBe(0);
    expect(readFileSync(join(out, "pool.yaml"), "utf8")).not.toContain("edited by hand");
  });

  it("exits 1 when something is left: diagnostics at file:line:col, TODOs in the YAML, files written", () => {
    const out = join(tmp, "todo");
    const r = cli(["import", "rust", withTodo, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^test\/import\/fixtures\/diagnostics\/unsupported-attribute\/model\.rs:6:13 - error unsupported-attribute: #\[serde\(serialize_with = "crate::ser::seconds"\)\] cannot be expressed in the IDL/m,
    );
    expect(r.stderr).toContain("Found 1 error.");
    expect(r.stderr).toContain("1 thing left to finish by hand: search the YAML for 'TODO(idlc import)'.");
    const yaml = readFileSync(join(out, "model.yaml"), "utf8");
    expect(yaml).toContain(
      "# TODO(idlc import) unsupported-attribute (test/import/fixtures/diagnostics/unsupported-attribute/model.rs:6:13)",
    );
    expect(yaml).toMatch(/\n      timeout: json\n/);
  });
});
