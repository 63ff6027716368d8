/** File system side of the CLI: reading the IDL folder, listing and comparing an output tree, atomic output. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { MANIFEST, readManifest } from "../emit/manifest.js";
import type { SourceFile } from "../load.js";

/** Entries of the output folder that belong to its build, not to the generator: kept as they are. */
export const PRESERVED = new Set(["dist", "node_modules"]);

/** Display path relative to the working directory, with forward slashes. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path) || ".";
  return rel.split(sep).join("/");
}

/** Files of the IDL folder that are not modules: the diff's record of accepted breaking changes. */
export const NOT_MODULES = new Set(["accepted-changes.yaml"]);

export function readIdlDir(dir: string): SourceFile[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && !NOT_MODULES.has(name) && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => ({ path: displayPath(join(dir, name)), text: readFileSync(join(dir, name), "utf8") }));
}

/** Every file under `dir` (relative paths with '/'), skipping preserved build entries at the top. */
export function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (!sub && PRESERVED.has(entry.name)) continue;
      if (entry.isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  if (existsSync(dir)) walk("");
  return out.sort();
}

export interface TreeDiff {
  readonly missing: string[];
  readonly extra: string[];
  readonly changed: string[];
}

export function diffTree(dir: string, files: ReadonlyMap<string, string>): TreeDiff {
  const present = new Set(listTree(dir));
  const missing: string[] = [];
  const changed: string[] = [];
  for (const [path, text] of files) {
    if (!present.has(path)) missing.push(path);
    else if (readFileSync(join(dir, path), "utf8") !== text) changed.push(path);
  }
  const extra = [...present].filter((p) => !files.has(p));
  return { missing, extra, changed };
}

export function isClean(d: TreeDiff): boolean {
  return d.missing.length === 0 && d.extra.length === 0 && d.changed.length === 0;
}

/**
 * Replaces the output folder with exactly `files`: everything is written into a fresh folder
 * beside it, which is then swapped in. A run that fails or is killed while writing leaves the
 * output folder as it was. Preserved build entries (dist/, node_modules/) move across.
 */
export function writeTreeAtomic(dir: string, files: ReadonlyMap<string, string>): void {
  recoverInterruptedSwap(dir);
  const parent = dirname(dir);
  const name = basename(dir);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${name}.idlc-new-${process.pid}`);
  const old = join(parent, `.${name}.idlc-old`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [path, text] of files) {
      const target = join(tmp, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
    if (existsSync(dir)) {
      for (const keep of PRESERVED) {
        if (existsSync(join(dir, keep))) renameSync(join(dir, keep), join(tmp, keep));
      }
      rmSync(old, { recursive: true, force: true });
      renameSync(dir, old);
    }
    renameSync(tmp, dir);
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    // Put preserved entries back if they were moved, and drop the partial folder.
    for (const keep of PRESERVED) {
      if (existsSync(join(tmp, keep)) && existsSync(dir) && !existsSync(join(dir, keep))) renameSync(join(tmp, keep), join(dir, keep));
    }
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}

/** If a previous run died between its two renames, the old folder is put back. */
function recoverInterruptedSwap(dir: string): void {
  const old = join(dirname(dir), `.${basename(dir)}.idlc-old`);
  if (existsSync(old) && !existsSync(dir)) renameSync(old, dir);
  // Leftovers of killed runs.
  const parent = dirname(dir);
  if (!existsSync(parent)) return;
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(`.${basename(dir)}.idlc-new-`)) {
      const pid = Number(entry.slice(`.${basename(dir)}.idlc-new-`.length));
      if (!isAlive(pid)) rmSync(join(parent, entry), { recursive: true, force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Of the files that a run would remove from the output folder, those idlc did not write: not in
 * the manifest of the previous run (all of them when there is none).
 */
export function foreignFiles(dir: string, extra: readonly string[]): string[] {
  if (extra.length === 0) return [];
  let own = new Set<string>();
  try {
    own = readManifest(readFileSync(join(dir, MANIFEST), "utf8"));
  } catch {
    // No manifest: nothing there is known to be ours.
  }
  return extra.filter((p) => !own.has(p) && p !== MANIFEST);
}
