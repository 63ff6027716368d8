/**
 * Command-line conventions of idlc (issue 7): help with examples for every command, --version,
 * usage errors exit 2 with a message and no stack trace, colour only on a TTY and never with
 * NO_COLOR, --quiet prints nothing on success, exit codes 0 / 1 / 2 as documented.
 * Runs the built CLI (generator/dist, written by `npm run build`).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Each case starts the CLI, some several times, and a generate run takes seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const repo = fileURLToPath(new URL("../../", import.meta.url));
const idlc = join(repo, "generator/bin/idlc.js");
const VERSION = (JSON.parse(readFileSync(join(repo, "generator/package.json"), "utf8")) as { version: string }).version;
const ANSI = /\u001b\[/;
const STACK = /\n\s+at .+:\d+:\d+/;

/** The environment without any colour setting of the caller. */
const plainEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(NO_COLOR|FORCE_COLOR|IDLC_DEBUG)$/.test(k)),
);

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Ran {
  const r = spawnSync(process.execPath, [idlc, ...args], {
    cwd: repo,
    env: { ...plainEnv, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp = "";
let goodIdl = "";
let badIdl = "";
let out = "";

beforeAll(() => {
  if (!existsSync(join(repo, "generator/dist/idlc.js"))) throw new Error("generator/dist is missing: run `npm run build` first.");
  tmp = mkdtempSync(join(tmpdir(), "idlc-cli-"));
  goodIdl = join(tmp, "idl");
  badIdl = join(tmp, "bad-idl");
  out = join(tmp, "out");
  cpSync(join(repo, "idl"), goodIdl, { recursive: true });
  cpSync(join(repo, "idl"), badIdl, { recursive: true });
  const pool = join(badIdl, "pool.yaml");
  writeFileSync(pool, readFileSync(pool, "utf8").replace("type: optional<string>", "type: optional<strnig>"));
  const first = cli(["generate", "--idl", goodIdl, "--target", "ts", "--out", out]);
  if (first.code !== 0) throw new Error(`idlc generate failed:\n${first.stderr}`);
}, 60_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("help", () => {
  it("idlc --help lists the commands, examples, exit codes and colour rules", () => {
    for (const flag of ["--help", "-h", "help"]) {
      const r = cli([flag]);
      expect(r.code, flag).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(/^Usage: idlc <command>/m);
      for (const command of ["generate", "check", "diff", "import"]) expect(r.stdout).toMatch(new RegExp(`^  ${command}\\s`, "m"));
      expect(r.stdout).toMatch(/^Examples:\n(  idlc .+\n)+/m);
      expect(r.stdout).toMatch(/Exit codes: 0 .*1 .*2 /);
      expect(r.stdout).toMatch(/NO_COLOR/);
    }
  });

  it("idlc alone prints the help on stdout and exits 2 (a usage error)", () => {
    const r = cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^Usage: idlc <command>/m);
  });

  it.each(["generate", "check", "diff", "import"])("idlc %s --help shows usage, options and examples of that command", (command) => {
    for (const flag of ["--help", "-h"]) {
      const r = cli([command, flag]);
      expect(r.stderr, `${command} ${flag}`).toBe("");
      expect(r.code, `${command} ${flag}`).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: idlc ${command}\\b`, "m"));
      expect(r.stdout).toMatch(/^Options:\n/m);
      expect(r.stdout).toMatch(/--quiet/);
      const examples = /^Examples:\n((?:  .+\n)+)/m.exec(r.stdout);
      expect(examples, `${command} --help has an Examples: section`).not.toBeNull();
      for (const line of examples![1]!.trimEnd().split("\n")) expect(line).toMatch(new RegExp(`^  idlc ${command}\\b`));
    }
  });

  it("idlc generate --help documents --watch", () => {
    expect(cli(["generate", "--help"]).stdout).toMatch(/--watch\s+\S/);
  });
});

describe("version", () => {
  it.each(["--version", "-v"])("idlc %s prints the version alone", (flag) => {
    const r = cli([flag]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
    expect(r.stderr).toBe("");
  });
});

describe("usage errors: exit 2, a message, no stack trace", () => {
  it.each([
    [["frobnicate"], /unknown command 'frobnicate'/],
    [["generate", "--bogus"], /unknown option '--bogus'/],
    [["check", "--idl"], /option '--idl' needs a value/],
    [["generate", "--quiet=yes"], /option '--quiet' takes no value/],
    [["generate", "extra"], /generate takes no arguments/],
    [["check", "--idl", "/definitely/not/here"], /IDL folder .* does not exist/],
  ] as const)("idlc %j", (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^idlc: /);
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe("exit codes", () => {
  it("0 when generated output is up to date, 1 for errors in the IDL, 1 for drift", () => {
    expect(cli(["check", "--idl", goodIdl, "--target", "ts", "--out", out]).code).toBe(0);
    const broken = cli(["check", "--idl", badIdl, "--target", "ts", "--out", out]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/pool\.yaml:\d+:\d+ - error [a-z-]+: /);
    expect(broken.stderr).not.toMatch(STACK);

    const drifted = join(tmp, "drifted");
    cpSync(out, drifted, { recursive: true });
    writeFileSync(join(drifted, "README.md"), "edited by hand\n");
    const drift = cli(["check", "--idl", goodIdl, "--target", "ts", "--out", drifted]);
    expect(drift.code).toBe(1);
    expect(drift.stderr).toMatch(/README\.md: differs/);
  });
});

describe("colour", () => {
  const failing = (): string[] => ["check", "--idl", badIdl, "--target", "ts", "--out", out];

  it("none when output is not a terminal", () => {
    const r = cli(failing());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error/);
    expect(r.stderr).not.toMatch(ANSI);
    expect(r.stdout).not.toMatch(ANSI);
  });

  it("FORCE_COLOR turns it on without a terminal; NO_COLOR wins over it", () => {
    const forced = cli(failing(), { FORCE_COLOR: "1" });
    expect(forced.stderr).toMatch(ANSI);
    const both = cli(failing(), { FORCE_COLOR: "1", NO_COLOR: "1" });
    expect(both.stderr).toMatch(/error/);
    expect(both.stderr).not.toMatch(ANSI);
    expect(cli(failing(), { FORCE_COLOR: "0" }).stderr).not.toMatch(ANSI);
  });

  // A real terminal, through script(1) from util-linux, where it exists.
  const script = ["/usr/bin/script", "/bin/script"].find((p) => existsSync(p));
  it.skipIf(script === undefined)("on a terminal: colour, unless NO_COLOR is set", () => {
    const command = [process.execPath, idlc, ...failing()].map((a) => `'${a}'`).join(" ");
    const tty = (env: NodeJS.ProcessEnv): string =>
      spawnSync(script!, ["-qec", command, "/dev/null"], { cwd: repo, env: { ...plainEnv, ...env }, encoding: "utf8", timeout: 60_000 }).stdout;
    const coloured = tty({});
    expect(coloured).toMatch(/error/);
    expect(coloured).toMatch(ANSI);
    const plain = tty({ NO_COLOR: "1" });
    expect(plain).toMatch(/error/);
    expect(plain).not.toMatch(ANSI);
  });
});

describe("--quiet", () => {
  it("prints nothing on success", () => {
    for (const args of [
      ["generate", "--quiet", "--idl", goodIdl, "--target", "ts", "--out", out],
      ["generate", "--quiet", "--idl", goodIdl, "--target", "ts", "--out", join(tmp, "fresh")],
      ["check", "--quiet", "--idl", goodIdl, "--target", "ts", "--out", out],
    ]) {
      const r = cli(args);
      expect(r.code, args.join(" ")).toBe(0);
      expect(r.stdout, args.join(" ")).toBe("");
      expect(r.stderr, args.join(" ")).toBe("");
    }
    expect(existsSync(join(tmp, "fresh/package.json"))).toBe(true);
  });

  it("still prints errors", () => {
    const r = cli(["check", "--quiet", "--idl", badIdl, "--target", "ts", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/pool\.yaml:\d+:\d+ - error /);
  });
});
