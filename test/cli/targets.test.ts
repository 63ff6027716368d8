/**
 * `idlc generate` and `idlc check` with two targets (the TypeScript package and the Rust crate,
 * both configured in package.json): each written to its folder with the same safety (manifest,
 * whole-folder swap, foreign files stop the run, build entries kept: target/ and Cargo.lock for
 * the crate), drift reported per folder, `--target` picking one, `--out` only with it, and
 * problems only Rust has stopping the run. Runs the built CLI in a temporary project.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const repo = fileURLToPath(new URL("../../", import.meta.url));
const idlc = join(repo, "generator/bin/idlc.js");
const tmp = mkdtempSync(join(tmpdir(), "idlc-targets-"));
let project = "";
let counter = 0;

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A fresh project: the repository's package.json (both targets) and a copy of idl/. */
beforeEach(() => {
  project = join(tmp, `p${counter++}`);
  mkdirSync(project);
  cpSync(join(repo, "idl"), join(project, "idl"), { recursive: true });
  writeFileSync(join(project, "package.json"), readFileSync(join(repo, "package.json")));
});

/** Runs idlc in the project; the caches are shared by the file's projects (they hold the same IDL). */
function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, NO_COLOR: "1", IDLC_CACHE_DIR: join(tmp, "cache") };
  const r = spawnSync(process.execPath, [idlc, ...args], { cwd: project, encoding: "utf8", env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under a folder with its text, by relative path. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out.set(name, readFileSync(path, "utf8"));
  }
  return out;
}

const at = (...parts: string[]): string => join(project, ...parts);

function editDoc(): void {
  const file = at("idl/pool.yaml");
  writeFileSync(
    file,
    readFileSync(file, "utf8").replace("Has desired counts but NO runtime state.", "Has desired counts, no runtime state."),
  );
}

describe("idlc generate with both targets configured", () => {
  it("writes the package and the crate, each into its folder, exactly as the repository has them", () => {
    const r = cli("generate");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^Wrote generated: 21 of 21 files changed \(\d+ ms\)\.\nWrote generated-rust: 5 of 5 files changed \(\d+ ms\)\.\n$/,
    );
    expect(tree(at("generated-rust"))).toEqual(tree(join(repo, "generated-rust")));
    expect(tree(at("generated/src"))).toEqual(tree(join(repo, "generated/src")));
    expect(cli("check").stdout).toBe("generated matches idl (21 files).\ngenerated-rust matches idl (5 files).\n");
  });

  it("keeps the crate's target/ and Cargo.lock, and does not count them as drift", () => {
    expect(cli("generate").code).toBe(0);
    mkdirSync(at("generated-rust/target/debug"), { recursive: true });
    writeFileSync(at("generated-rust/target/debug/build.log"), "built");
    writeFileSync(at("generated-rust/Cargo.lock"), "# lock");
    expect(cli("check").code).toBe(0);
    editDoc();
    const r = cli("generate");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Wrote generated-rust: 1 of 5 files changed");
    expect(readFileSync(at("generated-rust/Cargo.lock"), "utf8")).toBe("# lock");
    expect(readFileSync(at("generated-rust/target/debug/build.log"), "utf8")).toBe("built");
    expect(readFileSync(at("generated-rust/src/pool.rs"), "utf8")).toContain("/// Has desired counts, no runtime state.");
  });

  it("reports drift per folder", () => {
    expect(cli("generate").code).toBe(0);
    writeFileSync(at("generated-rust/src/pool.rs"), `${readFileSync(at("generated-rust/src/pool.rs"), "utf8")}// edited\n`);
    rmSync(at("generated-rust/src/tenant.rs"));
    const r = cli("check");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("generated matches idl (21 files).\n");
    expect(r.stderr).toBe(
      [
        "generated-rust/src/pool.rs: differs from what the IDL generates",
        "generated-rust/src/tenant.rs: missing",
        "generated-rust is out of date with idl: run 'idlc generate'.",
        "",
      ].join("\n"),
    );
  });

  it("stops before writing either folder when one holds a file idlc did not write", () => {
    expect(cli("generate").code).toBe(0);
    writeFileSync(at("generated-rust/src/mine.rs"), "// mine\n");
    editDoc();
    const before = [tree(at("generated")), tree(at("generated-rust"))];
    const r = cli("generate");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("generated-rust/src/mine.rs: not written by idlc");
    expect(r.stderr).toContain("Nothing written: replacing generated-rust would delete the files above.");
    expect([tree(at("generated")), tree(at("generated-rust"))]).toEqual(before);
    expect(cli("generate", "--force").code).toBe(0);
    expect(existsSync(at("generated-rust/src/mine.rs"))).toBe(false);
  });
});

describe("--target and --out", () => {
  it("--target rust writes only the crate, --target ts only the package", () => {
    expect(cli("generate", "--target", "rust").stdout).toMatch(/^Wrote generated-rust: 5 of 5 files changed/);
    expect(existsSync(at("generated"))).toBe(false);
    expect(cli("generate", "--target", "ts").stdout).toMatch(/^Wrote generated: 21 of 21 files changed/);
    expect(cli("check", "--target", "rust").stdout).toBe("generated-rust matches idl (5 files).\n");
  });

  it("--out goes with --target when package.json configures both", () => {
    const r = cli("generate", "--out", "elsewhere");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "idlc: --out needs --target (ts or rust): package.json configures several targets\nRun 'idlc --help' for usage.\n",
    );
    expect(existsSync(at("elsewhere"))).toBe(false);
    expect(cli("generate", "--target", "rust", "--out", "elsewhere").code).toBe(0);
    expect(tree(at("elsewhere"))).toEqual(tree(join(repo, "generated-rust")));
  });

  it("refuses an unknown target", () => {
    const r = cli("generate", "--target", "go");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--target' must be one of ts, rust; got 'go'");
  });

  it("generates only the TypeScript package where package.json configures no crate, --out alone as before", () => {
    writeFileSync(at("package.json"), JSON.stringify({ name: "x", idlc: { package: { name: "@x/model", version: "1.0.0" } } }));
    const r = cli("generate", "--out", "out");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Wrote out: 21 of 21 files changed \(\d+ ms\)\.\n$/);
    expect(existsSync(at("generated-rust"))).toBe(false);
  });
});

describe("an IDL only the Rust target cannot take", () => {
  beforeEach(() => {
    const file = at("idl/tenant.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        'pattern: "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$"',
        'pattern: "^(?!admin)[a-z0-9]([a-z0-9-]*[a-z0-9])?$"',
      ),
    );
  });

  it("stops generate with the diagnostic at its place, writing nothing", () => {
    const r = cli("generate");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        "idl/tenant.yaml:8:3 - error unsupported-pattern: The Rust target cannot check this pattern: a lookahead cannot be compiled to an automaton.",
        "Found 1 error.",
        "Nothing written to generated and generated-rust.",
        "",
      ].join("\n"),
    );
    expect(existsSync(at("generated"))).toBe(false);
    expect(existsSync(at("generated-rust"))).toBe(false);
  });

  it("still generates the TypeScript package alone", () => {
    expect(cli("generate", "--target", "ts").code).toBe(0);
  });
});
