/**
 * `idlc generate --watch` as an IDL author meets it: first output, a broken edit reported with
 * file:line:col while the last good output stays, a fixed edit regenerated, Ctrl-C exits with 0.
 * Runs the built CLI (generator/dist, written by `npm run build`) on a copy of idl/ in a temp folder.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const idlc = join(repo, "generator/bin/idlc.js");

let tmp = "";
let child: ChildProcess | undefined;

beforeEach(() => {
  if (!existsSync(join(repo, "generator/dist/idlc.js"))) throw new Error("generator/dist is missing: run `npm run build` first.");
  tmp = mkdtempSync(join(tmpdir(), "idlc-watch-"));
  cpSync(join(repo, "idl"), join(tmp, "idl"), { recursive: true });
});

afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  child = undefined;
  rmSync(tmp, { recursive: true, force: true });
});

/** Polls until `ready()` holds; fails with `what` and the output so far after `ms`. */
async function waitFor(what: string, ready: () => boolean, output: () => string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; output so far:\n${output()}`);
    if (child?.exitCode !== null) throw new Error(`idlc exited (${child?.exitCode}) before ${what}:\n${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every file of a folder with its content, to compare before and after. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, "utf8"));
    }
  };
  walk(dir);
  return files;
}

/** A file's text, or "" while it is missing (the output folder is swapped in whole). */
function readOr(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** Replaces a file the way editors save: write elsewhere, rename over it (no half-written file is seen). */
function save(file: string, text: string): void {
  const staging = join(tmp, `staging-${Date.now()}`);
  writeFileSync(staging, text);
  renameSync(staging, file);
}

interface Watcher {
  readonly output: () => string;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWatch(idlDir: string, outDir: string): Watcher {
  let stdout = "";
  let stderr = "";
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NO_COLOR|FORCE_COLOR)$/.test(k)));
  const started = spawn(process.execPath, [idlc, "generate", "--watch", "--idl", idlDir, "--target", "ts", "--out", outDir], {
    cwd: repo,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = started;
  started.stdout!.setEncoding("utf8").on("data", (c: string) => (stdout += c));
  started.stderr!.setEncoding("utf8").on("data", (c: string) => (stderr += c));
  return {
    output: () => `--- stdout\n${stdout}--- stderr\n${stderr}`,
    stdout: () => stdout,
    stderr: () => stderr,
    exited: new Promise((resolve) => started.on("exit", (code, signal) => resolve({ code, signal }))),
  };
}

async function interrupt(w: Watcher): Promise<void> {
  child!.kill("SIGINT");
  const end = await Promise.race([w.exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 15_000))]);
  expect(end, w.output()).toEqual({ code: 0, signal: null });
  expect(w.stderr()).not.toMatch(/internal error|\n\s+at /);
}

it("regenerates on change, reports a broken edit with file:line:col, keeps the last good output, exits 0 on SIGINT", async () => {
  const idlDir = join(tmp, "idl");
  const outDir = join(tmp, "out");
  const poolYaml = join(idlDir, "pool.yaml");
  const original = readFileSync(poolYaml, "utf8");
  const w = startWatch(idlDir, outDir);

  // 1. First output, then it waits.
  await waitFor("the first output", () => /Watching /.test(w.stdout()), w.output);
  expect(w.stdout()).toMatch(/Wrote .*out: \d+ of \d+ files changed/);
  expect(w.stderr()).toBe("");
  const good = snapshot(outDir);
  expect(good.get("src/pool.ts")).toContain("export const Role");

  // 2. A misspelled key: a located diagnostic, nothing written.
  const lines = original.split("\n");
  const kindLine = lines.findIndex((l, i) => l === "    kind: enum" && lines[i - 1] === "  Role:");
  expect(kindLine, "idl/pool.yaml declares Role with `kind: enum` right below `Role:`").toBeGreaterThan(0);
  lines[kindLine] = "    knd: enum";
  save(poolYaml, lines.join("\n"));
  await waitFor("the kept-output notice", () => /Keeping the last good output/.test(w.stderr()), w.output);
  // file:line:col of the broken place: the `Role:` entry (missing kind) or the `knd` key (1-based lines).
  expect(w.stderr()).toMatch(new RegExp(`pool\\.yaml:(${kindLine}|${kindLine + 1}):\\d+ - error [a-z-]+: `));
  expect(w.stderr()).toMatch(/Nothing written to /);
  expect(snapshot(outDir)).toEqual(good);

  // 3. Fixed, with a visible change: regenerated with it.
  const marker = "Edited while watching (issue 7).";
  const fixed = original.replace("      Role for a pool's instances.", `      Role for a pool's instances. ${marker}`);
  expect(fixed).not.toBe(original);
  const wroteBefore = w.stdout().split("Wrote ").length;
  save(poolYaml, fixed);
  await waitFor("regeneration with the change", () => readOr(join(outDir, "src/pool.ts")).includes(marker), w.output);
  await waitFor("the regeneration report", () => w.stdout().split("Wrote ").length > wroteBefore, w.output);
  expect(readFileSync(join(outDir, "README.md"), "utf8")).toContain(marker);
  await waitFor("watching again", () => /Watching [^\n]*\n$/.test(w.stdout()), w.output);

  // 4. Ctrl-C: a clean exit.
  await interrupt(w);
}, 120_000);

it("started on a broken IDL: reports it, leaves the existing output, keeps watching until fixed", async () => {
  const idlDir = join(tmp, "idl");
  const outDir = join(tmp, "out");
  cpSync(join(repo, "generated"), outDir, {
    recursive: true,
    filter: (source) => !/[\\/](dist|node_modules)$/.test(source),
  });
  const before = snapshot(outDir);
  const tenantYaml = join(idlDir, "tenant.yaml");
  const original = readFileSync(tenantYaml, "utf8");
  save(tenantYaml, original.replace("kind: string", "kind: strnig"));
  const w = startWatch(idlDir, outDir);

  await waitFor("the kept-output notice", () => /Keeping the last good output/.test(w.stderr()), w.output);
  await waitFor("watching", () => /Watching /.test(w.stdout()), w.output);
  expect(w.stderr()).toMatch(/tenant\.yaml:\d+:\d+ - error [a-z-]+: .*strnig/);
  expect(snapshot(outDir)).toEqual(before);

  save(tenantYaml, original);
  await waitFor("the regeneration report", () => /(Wrote|is up to date)/.test(w.stdout()), w.output);
  await interrupt(w);
}, 120_000);
