/**
 * Git revisions as sides, against a temporary repository: `idlc diff --base HEAD` compares the
 * committed idl/ with the working tree, two revisions compare with each other, accepted changes
 * come from the head revision, and nothing in the working tree or index is touched.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { diff, ensureBuilt, repo } from "./helpers.js";

const GIT_ENV = {
  GIT_AUTHOR_NAME: "t",
  GIT_AUTHOR_EMAIL: "t@example.com",
  GIT_COMMITTER_NAME: "t",
  GIT_COMMITTER_EMAIL: "t@example.com",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
};

let dir = "";

function git(...args: string[]): string {
  return execFileSync("git", args, { cwd: dir, encoding: "utf8", env: { ...process.env, ...GIT_ENV } });
}

function pool(): string {
  return join(dir, "idl/pool.yaml");
}

beforeAll(ensureBuilt);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "idlc-diff-git-"));
  cpSync(join(repo, "idl"), join(dir, "idl"), { recursive: true });
  git("init", "-q", "-b", "main");
  git("add", "idl");
  git("commit", "-q", "-m", "idl");
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("git revisions", () => {
  it("--base HEAD compares the committed idl/ with the working tree", () => {
    const text = readFileSync(pool(), "utf8");
    const line = text.slice(0, text.indexOf("      Builder:\n")).split("\n").length;
    writeFileSync(pool(), text.replace("      Builder:\n", ""));
    const status = git("status", "--porcelain");
    const r = diff(["--base", "HEAD"], dir, GIT_ENV);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`idl/pool.yaml:${line}:7 - breaking VARIANT_REMOVED Role.Builder: Role lost variant 'builder'`);
    expect(r.stdout).toContain("HEAD:idl -> idl: 1 breaking");
    const json = JSON.parse(diff(["--base", "HEAD", "--format", "json"], dir, GIT_ENV).stdout);
    expect(json.base).toEqual({ kind: "git", revision: "HEAD", commit: git("rev-parse", "HEAD").trim(), dir: "idl" });
    expect(git("status", "--porcelain")).toBe(status);
  });

  it("compares two revisions, reading neither from the working tree", () => {
    writeFileSync(pool(), readFileSync(pool(), "utf8").replace("      vcpus: u8\n", "      vcpus: u16\n"));
    git("commit", "-q", "-am", "widen");
    writeFileSync(pool(), "not: [valid");
    const r = diff(["HEAD~1", "HEAD"], dir, GIT_ENV);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("dangerous FIELD_TYPE_WIDENED InstanceResources.vcpus");
    expect(r.stdout).toContain("HEAD~1:idl -> HEAD:idl: 0 breaking, 1 dangerous, 0 safe; passes.");
    expect(diff(["--base", "HEAD", "--head", "HEAD"], dir, GIT_ENV).stdout).toBe("No changes: HEAD:idl -> HEAD:idl.\n");
  });

  it("reads accepted-changes.yaml from the head revision", () => {
    writeFileSync(pool(), readFileSync(pool(), "utf8").replace("      Builder:\n", ""));
    writeFileSync(
      join(dir, "idl/accepted-changes.yaml"),
      "accepted:\n  - rule: VARIANT_REMOVED\n    path: Role.Builder\n    reason: Never shipped.\n",
    );
    git("add", "idl");
    git("commit", "-q", "-m", "drop builder");
    const r = diff(["main~1", "main"], dir, GIT_ENV);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("breaking VARIANT_REMOVED Role.Builder (accepted)");
  });

  it("finds idl/ through --idl from a subfolder", () => {
    writeFileSync(pool(), readFileSync(pool(), "utf8").replace("      mem_mib: u32\n", "      mem_mib: u16\n"));
    mkdirSync(join(dir, "sub"));
    const r = diff(["--base", "HEAD", "--idl", "../idl"], join(dir, "sub"), GIT_ENV);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\.\.\/idl\/pool\.yaml:\d+:16 - breaking FIELD_TYPE_NARROWED InstanceResources\.mem_mib/m);
  });

  it("is 2 for a revision that does not exist or whose idl/ does not load", () => {
    const missing = diff(["--base", "no-such-branch"], dir, GIT_ENV);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("'no-such-branch' is neither an IDL folder nor a git revision");
    writeFileSync(pool(), "idl: 1\nmodule: pool\ntypes:\n  X:\n    kind: struct\n    fields:\n      a: nope\n");
    git("commit", "-q", "-am", "broken");
    const broken = diff(["--base", "HEAD"], dir, GIT_ENV);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("the base side (idl at HEAD) does not load");
    expect(broken.stderr).toMatch(/^idl\/pool\.yaml:7:10 - error unknown-type: /m);
    cpSync(join(repo, "idl"), join(dir, "other"), { recursive: true });
    const empty = diff(["--base", "HEAD", "--idl", "other"], dir, GIT_ENV);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("No IDL modules (*.yaml) found in 'HEAD:other'.");
  });
});
