/** File system side of the CLI: reading the IDL folder, listing and comparing an output tree, atomic output. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { MANIFEST, readManifest } from "../emit/manifest.js";
import type { SourceFile } from "../load.js";

/** Entries of an output folder that belong to its build, not to the generator: kept as they are. */
export type Preserved = ReadonlySet<string>;

/** Of the TypeScript package: its build and its installed dependencies. */
export const PRESERVED: Preserved = new Set(["dist", "node_modules"]);

/** Of the Rust crate: cargo's build folder and lock file. */
export const RUST_PRESERVED: Preserved = new Set(["target", "Cargo.lock"]);

/** Display path relative to the working directory, with forward slashes. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path) || ".";
  return rel.split(sep).join("/");
}

/** Files of the IDL folder that are not modules: the diff's record of accepted breaking changes. */
export const NOT_MODULES = new Set(["accepted-changes.yaml"]);

/** Whether a file name in the IDL folder is a module. */
export function isModuleFile(name: string): boolean {
  return /\.ya?ml$/.test(name) && !NOT_MODULES.has(name);
}

/** The modules of an IDL folder, by name; a file that cannot be read comes back marked, for a diagnostic. */
export function readIdlDir(dir: string): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => isModuleFile(entry.name) && !entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const path = displayPath(join(dir, name));
      try {
        return { path, text: readFileSync(join(dir, name), "utf8") };
      } catch (error) {
        return { path, text: "", unreadable: (error as NodeJS.ErrnoException).code ?? String(error) };
      }
    });
}

/** Every file under `dir` (relative paths with '/'), skipping preserved build entries at the top. */
export function listTree(dir: string, preserved: Preserved = PRESERVED): string[] {
  const out: string[] = [];
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (!sub && preserved.has(entry.name)) continue;
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

export function diffTree(dir: string, files: ReadonlyMap<string, string>, preserved: Preserved = PRESERVED): TreeDiff {
  const present = new Set(listTree(dir, preserved));
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
 * output folder as it was. Preserved build entries (dist/ and node_modules/ of the TypeScript
 * package, target/ and Cargo.lock of the Rust crate) move across.
 *
 * The swap is two renames (the old folder out of the way, the new one in) with the preserved
 * entries moved in between, so the output folder is only ever the old tree, the new tree, or,
 * for the few calls of the swap, absent: then the old tree waits beside it, and a run that
 * fails puts it back at once, while a run that is killed is undone by the next one
 * (recoverInterruptedSwap). Nothing is ever half old, half new, and nothing preserved is lost.
 */
export function writeTreeAtomic(dir: string, files: ReadonlyMap<string, string>, preserved: Preserved = PRESERVED): void {
  recoverInterruptedSwap(dir, preserved);
  const parent = dirname(dir);
  const name = basename(dir);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${name}.idlc-new-${process.pid}`);
  const old = oldPath(dir);
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const [path, text] of files) {
      const target = join(tmp, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
    if (existsSync(dir)) {
      rmSync(old, { recursive: true, force: true });
      renameSync(dir, old);
      for (const keep of preserved) {
        if (existsSync(join(old, keep))) renameSync(join(old, keep), join(tmp, keep));
      }
    }
    renameSync(tmp, dir);
  } catch (error) {
    // Inside the swap: the old folder goes back, with the preserved entries already moved.
    restoreOld(dir, [tmp], preserved);
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

function oldPath(dir: string): string {
  return join(dirname(dir), `.${basename(dir)}.idlc-old`);
}

/**
 * When the output folder is absent and the old one waits beside it (a run stopped inside its
 * swap), puts the old folder back, with the preserved entries the run had moved into `tmps`.
 */
function restoreOld(dir: string, tmps: readonly string[], preserved: Preserved): void {
  const old = oldPath(dir);
  if (existsSync(dir) || !existsSync(old)) return;
  for (const tmp of tmps) {
    for (const keep of preserved) {
      if (existsSync(join(tmp, keep)) && !existsSync(join(old, keep))) renameSync(join(tmp, keep), join(old, keep));
    }
  }
  renameSync(old, dir);
}

/**
 * Undoes what killed runs left: the output folder put back if a run died inside its swap,
 * preserved entries moved back from their temporary folders, and those folders removed.
 */
export function recoverInterruptedSwap(dir: string, preserved: Preserved = PRESERVED): void {
  const parent = dirname(dir);
  if (!existsSync(parent)) return;
  // A run killed after its swap but before removing the old tree: the new tree is in place.
  if (existsSync(dir) && existsSync(oldPath(dir))) rmSync(oldPath(dir), { recursive: true, force: true });
  const prefix = `.${basename(dir)}.idlc-new-`;
  const dead = readdirSync(parent)
    .filter((entry) => entry.startsWith(prefix) && !isAlive(Number(entry.slice(prefix.length))))
    .map((entry) => join(parent, entry));
  restoreOld(dir, dead, preserved);
  for (const tmp of dead) {
    if (existsSync(dir)) {
      for (const keep of preserved) {
        if (existsSync(join(tmp, keep)) && !existsSync(join(dir, keep))) renameSync(join(tmp, keep), join(dir, keep));
      }
    }
    rmSync(tmp, { recursive: true, force: true });
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
