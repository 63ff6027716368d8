/** Shared helpers of the diff tests: loading fixture sides and running the built CLI. */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readIdlDir } from "../../generator/src/io/files.js";
import { loadIdl } from "../../generator/src/load.js";
import type { Model } from "../../generator/src/model/ir.js";

export const repo = fileURLToPath(new URL("../../", import.meta.url));
export const fixtures = join(repo, "test/diff/fixtures");
export const idlc = join(repo, "generator/bin/idlc.js");

/** Loads an IDL folder; throws with the diagnostics when it does not load. */
export function loadDir(dir: string): Model {
  const { model, diagnostics } = loadIdl(readIdlDir(dir));
  if (!model) throw new Error(`${dir} does not load:\n${diagnostics.map((d) => d.message).join("\n")}`);
  return model;
}

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `idlc diff ...args` with the built CLI, without colour. */
export function diff(args: readonly string[], cwd = repo, env: Record<string, string> = {}): Run {
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1" };
  delete base["FORCE_COLOR"];
  const r = spawnSync(process.execPath, [idlc, "diff", ...args], { cwd, encoding: "utf8", env: { ...base, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs `node generator/build.mjs` when generator/dist is older than the sources. Test files run
 * in parallel, so a lock folder keeps two builds (and a build under a running CLI) apart.
 */
export function ensureBuilt(): void {
  const cache = join(repo, "node_modules/.cache");
  mkdirSync(cache, { recursive: true });
  const lock = join(cache, "idlc-diff-test-build.lock");
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${lock} is held; remove it if no test is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    const dist = join(repo, "generator/dist/idlc.js");
    if (!existsSync(dist) || statSync(dist).mtimeMs < newest(join(repo, "generator/src"))) {
      execFileSync(process.execPath, [join(repo, "generator/build.mjs")], { cwd: repo, stdio: "pipe" });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}
