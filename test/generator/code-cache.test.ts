/**
 * The V8 code cache of ts-morph (generator/src/io/code-cache.ts): the build fills it, runs use
 * it, and a damaged or foreign entry is refused and only costs the compile it would have saved.
 * Runs a copy of the built generator (generator/dist, written by `npm run build`) placed inside
 * the repository, so that its dependencies still resolve from node_modules.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const repo = fileURLToPath(new URL("../../", import.meta.url));
const FILES = ["ts-morph-common.js", "ts-morph.js", "typescript.js"];

let copy = "";
const cacheDir = (): string => join(copy, "generator/dist/code-cache");

beforeAll(() => {
  mkdirSync(join(repo, ".scratch"), { recursive: true });
  copy = mkdtempSync(join(repo, ".scratch", "code-cache-"));
  for (const sub of ["bin", "dist", "runtime"]) cpSync(join(repo, "generator", sub), join(copy, "generator", sub), { recursive: true });
  cpSync(join(repo, "generator/package.json"), join(copy, "generator/package.json"));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** Generates idl/ with every idlc cache off; returns what it reported and the files it wrote. */
function generate(out: string, env: NodeJS.ProcessEnv = {}): { stderr: string; files: Map<string, string> } {
  const dir = join(copy, out);
  const r = spawnSync(process.execPath, [join(copy, "generator/bin/idlc.js"), "generate", "--target", "ts", "--out", dir, "--no-cache", "--quiet"], {
    cwd: repo,
    env: { ...process.env, IDLC_TIMING: "1", NO_COLOR: "1", ...env },
    encoding: "utf8",
  });
  expect(r.status, r.stderr).toBe(0);
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return { stderr: r.stderr, files: new Map(entries.map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), "utf8")])) };
}

function expectCommittedOutput(files: Map<string, string>): void {
  expect(files.size).toBeGreaterThan(10);
  for (const [path, text] of files) expect(text, path).toBe(readFileSync(join(repo, "generated", path), "utf8"));
}

describe("ts-morph code cache", () => {
  it("is filled by the build, for ts-morph and the TypeScript it bundles", () => {
    const names = readdirSync(cacheDir()).sort();
    for (const file of FILES) {
      expect(names.filter((n) => n.startsWith(`${file}-`)).map((n) => n.replace(/^.*\./, "")).sort(), file).toEqual(["bin", "stamp"]);
    }
  });

  it("is used by a run, which writes what it always writes", () => {
    const run = generate("used");
    expect(run.stderr).toMatch(/code cache used for 3 of 3 files/);
    expectCommittedOutput(run.files);
  });

  it("is not used with IDLC_CODE_CACHE=0", () => {
    const run = generate("off", { IDLC_CODE_CACHE: "0" });
    expect(run.stderr).toMatch(/^timing: /);
    expect(run.stderr).not.toMatch(/code cache/);
    expectCommittedOutput(run.files);
  });

  const restore = (): void => {
    rmSync(cacheDir(), { recursive: true });
    cpSync(join(repo, "generator/dist/code-cache"), cacheDir(), { recursive: true });
  };
  const damage = (change: (bytes: Buffer) => void): void => {
    for (const name of readdirSync(cacheDir()).filter((n) => n.endsWith(".bin"))) {
      const file = join(cacheDir(), name);
      const bytes = readFileSync(file);
      change(bytes);
      writeFileSync(file, bytes);
    }
  };

  it("refuses entries whose header is damaged, and the run still writes the same", () => {
    damage((bytes) => bytes.fill(0x5a));
    const run = generate("damaged-header");
    expect(run.stderr).toMatch(/code cache used for 0 of 3 files/);
    expectCommittedOutput(run.files);
  });

  // V8 checks only an entry's header: damaged code behind a sound header would run (and crash).
  it("refuses entries whose code is damaged behind a sound header", () => {
    restore();
    damage((bytes) => bytes.fill(0xcc, bytes.length >> 1, (bytes.length >> 1) + 64));
    const run = generate("damaged-code");
    expect(run.stderr).toMatch(/code cache used for 0 of 3 files/);
    expectCommittedOutput(run.files);
  });

  it("refuses entries made from another text of the file", () => {
    restore();
    expect(generate("restored").stderr).toMatch(/code cache used for 3 of 3 files/);
    // The stamp's third field is the sha256 of the text the entry was compiled from.
    for (const name of readdirSync(cacheDir()).filter((n) => n.endsWith(".stamp"))) {
      const file = join(cacheDir(), name);
      const fields = readFileSync(file, "utf8").split("\0");
      expect(fields[2]).toMatch(/^[0-9a-f]{64}$/);
      fields[2] = "0".repeat(64);
      writeFileSync(file, fields.join("\0"));
    }
    const run = generate("foreign");
    expect(run.stderr).toMatch(/code cache used for 0 of 3 files/);
    expectCommittedOutput(run.files);
  });
});

describe("ts-morph's enums, inlined by the build", () => {
  let other = "";
  beforeAll(() => {
    // A copy of the generator beside a ts-morph whose enums differ from the one it was built with.
    other = join(copy, "other");
    cpSync(join(copy, "generator"), join(other, "generator"), { recursive: true });
    const fake = join(other, "node_modules", "ts-morph");
    mkdirSync(fake, { recursive: true });
    writeFileSync(join(fake, "package.json"), JSON.stringify({ name: "ts-morph", version: "0.0.0-other", main: "index.js" }));
    writeFileSync(join(fake, "index.js"), "exports.StructureKind = { SourceFile: 0 };\nexports.VariableDeclarationKind = {};\nexports.Project = class {};\n");
  });

  it("are checked against the ts-morph that is loaded: another one is refused, nothing is written", () => {
    const out = join(other, "out");
    const r = spawnSync(process.execPath, [join(other, "generator/bin/idlc.js"), "generate", "--target", "ts", "--out", out, "--no-cache", "--quiet"], {
      cwd: repo,
      env: { ...process.env, NO_COLOR: "1" },
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the installed ts-morph differs from the one idlc was built with \(StructureKind\); run 'npm run build'/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(other).sort()).toEqual(["generator", "node_modules"]);
  });
});
