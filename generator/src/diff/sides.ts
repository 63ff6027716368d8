/**
 * The I/O edge of `idlc diff`: a side is an IDL folder, or a git revision whose IDL folder is
 * read with `git ls-tree` and `git cat-file` (the working tree and index are never touched).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { displayPath, isModuleFile, readIdlDir } from "../io/files.js";
import { loadIdl, type SourceFile } from "../load.js";
import type { Model } from "../model/ir.js";
import { ACCEPTED_FILE } from "./accept.js";
import type { SideInfo } from "./report.js";

/** A side that is neither a folder nor a readable git revision (a usage error for the CLI). */
export class SideError extends Error {}

export interface Side {
  readonly info: SideInfo;
  readonly files: readonly SourceFile[];
  /** idl/accepted-changes.yaml of this side, if it has one. */
  readonly accepted: SourceFile | undefined;
}

/**
 * Reads a side: `spec` is a folder when one exists at that path, else a git revision whose
 * `idlDir` (relative to `cwd`) is read. Neither is a usage error.
 */
export function readSide(spec: string, idlDir: string, cwd: string): Side {
  const dir = resolve(cwd, spec);
  if (existsSync(dir) && statSync(dir).isDirectory()) return readFolder(dir, cwd);
  if (spec.startsWith("-") || spec.trim() === "") throw new SideError(`'${spec}' is not a folder or a git revision`);
  const commit = git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${spec}^{commit}`], cwd);
  if (commit === undefined) throw new SideError(`'${spec}' is neither an IDL folder nor a git revision`);
  return readRevision(spec, commit.trim(), idlDir, cwd);
}

function readFolder(dir: string, cwd: string): Side {
  const accepted = join(dir, ACCEPTED_FILE);
  return {
    info: { kind: "folder", dir: displayPath(dir, cwd) },
    files: readIdlDir(dir),
    accepted: existsSync(accepted) ? { path: displayPath(accepted, cwd), text: readFileSync(accepted, "utf8") } : undefined,
  };
}

function readRevision(revision: string, commit: string, idlDir: string, cwd: string): Side {
  const rel = relative(cwd, resolve(cwd, idlDir)).split(sep).join("/") || ".";
  const listing = git(["ls-tree", "-z", commit, "--", `${rel}/`], cwd);
  if (listing === undefined) throw new SideError(`cannot list '${rel}' at ${revision}`);
  const files: SourceFile[] = [];
  let accepted: SourceFile | undefined;
  for (const entry of listing.split("\0")) {
    const match = /^\d+ blob [0-9a-f]+\t(.+)$/.exec(entry);
    if (!match) continue;
    const path = match[1]!;
    const name = path.slice(path.lastIndexOf("/") + 1);
    if (!/\.ya?ml$/.test(name)) continue;
    const text = git(["cat-file", "blob", `${commit}:./${path}`], cwd);
    if (text === undefined) throw new SideError(`cannot read '${path}' at ${revision}`);
    if (name === ACCEPTED_FILE) accepted = { path, text };
    else if (isModuleFile(name)) files.push({ path, text });
  }
  return { info: { kind: "git", revision, commit, dir: rel }, files: files.sort((a, b) => (a.path < b.path ? -1 : 1)), accepted };
}

/** Loads a side; a side without modules is an error like any other load error. */
export function loadSide(side: Side): { model?: Model; diagnostics: readonly Diagnostic[] } {
  if (side.files.length === 0) {
    const file = side.info.dir;
    const at = { file, start: { line: 1, col: 1, offset: 0 }, end: { line: 1, col: 1, offset: 0 } };
    const dir = side.info.kind === "git" ? `${side.info.revision}:${file}` : file;
    return { diagnostics: [diagnostic("no-modules", at, { dir })] };
  }
  const { model, diagnostics } = loadIdl(side.files);
  return model ? { model, diagnostics } : { diagnostics };
}

/** Runs git; stdout, or undefined when git fails or is missing. */
function git(args: readonly string[], cwd: string): string | undefined {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}
