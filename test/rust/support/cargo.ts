/**
 * Running cargo for the Rust tests: the toolchain from `~/.cargo/bin` (or PATH), crates from
 * Debian's packages through the repository's `.cargo/config.toml` (offline), one shared target
 * folder. Scratch crates (copies of golden crates, the generated driver) live under
 * `target/idlc-tests/`, inside the repository so that its cargo configuration applies.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
/** Where the tests write crates of their own (gitignored, beside cargo's build output). */
export const SCRATCH = join(REPO, "target", "idlc-tests");
/** Debian's crate registry, which `.cargo/config.toml` uses in place of crates.io. */
export const DEBIAN_REGISTRY = "/usr/share/cargo/registry";

const env = {
  ...process.env,
  PATH: `${join(homedir(), ".cargo", "bin")}:${process.env["PATH"] ?? ""}`,
  CARGO_TERM_COLOR: "never",
};

export interface CargoRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a cargo command in `cwd`; the whole output comes back (and is shown when a test fails). */
export function cargo(args: readonly string[], cwd: string, timeoutMs = 20 * 60_000): CargoRun {
  const r = spawnSync("cargo", args, { cwd, env, encoding: "utf8", timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`cargo ${args.join(" ")} could not run: ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Fails with the set-up steps when the toolchain or Debian's serde packages are missing (the
 * README's one-time set-up for `npm run test:rust`), rather than skipping anything.
 */
export function requireToolchain(): void {
  const missing: string[] = [];
  for (const tool of [
    ["cargo", "--version"],
    ["cargo", "fmt", "--version"],
    ["cargo", "clippy", "--version"],
  ]) {
    const r = spawnSync(tool[0]!, tool.slice(1), { env, encoding: "utf8" });
    if (r.status !== 0) missing.push(tool.join(" "));
  }
  for (const crate of ["serde-1.0.152", "serde_derive-1.0.152", "serde_json-1.0.87"]) {
    if (!existsSync(join(DEBIAN_REGISTRY, crate))) missing.push(`${DEBIAN_REGISTRY}/${crate}`);
  }
  if (missing.length > 0) {
    throw new Error(
      `The Rust tests need cargo, rustfmt and clippy (in ~/.cargo/bin or on PATH) and Debian's serde packages:\n` +
        `  apt-get update && apt-get install -y librust-serde-dev librust-serde-derive-dev librust-serde-json-dev\n` +
        `Missing: ${missing.join(", ")}`,
    );
  }
}

/** Copies a crate folder into the scratch area (so cargo's lock file never lands in the sources). */
export function scratchCopy(from: string, name: string): string {
  const to = join(SCRATCH, name);
  rmSync(to, { recursive: true, force: true });
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true, filter: (src) => !src.endsWith("/target") && !src.endsWith("Cargo.lock") });
  return to;
}

/** Writes a crate's files (path to text) into the scratch area, replacing what was there. */
export function writeScratchCrate(name: string, files: ReadonlyMap<string, string>): string {
  const dir = join(SCRATCH, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The packages and versions a crate's Cargo.lock records (written by a build). */
export function lockedPackages(crateDir: string): Map<string, string> {
  const text = readFileSync(join(crateDir, "Cargo.lock"), "utf8");
  const out = new Map<string, string>();
  for (const block of text.split("[[package]]").slice(1)) {
    const name = /^name = "([^"]+)"/m.exec(block)?.[1];
    const version = /^version = "([^"]+)"/m.exec(block)?.[1];
    if (name !== undefined && version !== undefined) out.set(name, version);
  }
  return out;
}

/** The path of a binary cargo built in the shared target folder (dev profile). */
export function builtBinary(name: string): string {
  return join(REPO, "target", "debug", name);
}
