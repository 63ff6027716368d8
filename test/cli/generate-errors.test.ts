/**
 * `idlc generate` on a broken IDL (issue 2): a copy of idl/ and an output generated from it sit
 * in a temp folder; idl/pool.yaml is broken in one realistic way at a time. Each run must exit 1,
 * report the mistake at its place in `idl/pool.yaml:LINE:COL` (computed here from the inserted
 * text), show no stack trace, and leave the output folder byte for byte as it was.
 * Usage errors exit 2. Runs the built CLI (generator/dist, written by `npm run build`).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

const repo = fileURLToPath(new URL("../../", import.meta.url));
const idlc = join(repo, "generator/bin/idlc.js");
const STACK = /^\s+at /m;

let tmp = "";
let idlDir = "";
let outDir = "";
let original = "";
let before = new Map<string, string>();

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs idlc in the temp folder, so paths print as `idl/pool.yaml`. */
function cli(args: readonly string[]): Ran {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NO_COLOR|FORCE_COLOR|IDLC_DEBUG)$/.test(k)));
  const r = spawnSync(process.execPath, [idlc, ...args], { cwd: tmp, env: { ...env, NO_COLOR: "1" }, encoding: "utf8", timeout: 90_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir` with its bytes (base64), and every folder, by relative path. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string): void => {
    for (const name of readdirSync(join(dir, sub)).sort()) {
      const rel = sub === "" ? name : `${sub}/${name}`;
      if (statSync(join(dir, rel)).isDirectory()) {
        out.set(`${rel}/`, "");
        walk(rel);
      } else {
        out.set(rel, readFileSync(join(dir, rel)).toString("base64"));
      }
    }
  };
  walk("");
  return out;
}

/** 1-based line and column (UTF-16 units, as diagnostics count) of `offset` in `text`. */
function lineCol(text: string, offset: number): string {
  const lines = text.slice(0, offset).split("\n");
  return `${lines.length}:${lines[lines.length - 1]!.length + 1}`;
}

interface Break {
  readonly name: string;
  /** The broken text of pool.yaml, and where in it the diagnostic must point. */
  readonly make: (pool: string) => { text: string; offset: number };
  readonly code: string;
  /** How many diagnostics the run reports (one mistake, one diagnostic, unless said otherwise). */
  readonly count?: number;
  /** The message, where the case pins it (the bundled CLI must word it as the loader's tests expect). */
  readonly message?: string | (() => string);
}

/**
 * Replaces the one occurrence of `from` by `to`; the diagnostic belongs at `token` (the first
 * occurrence of it inside `to`, plus `shift` characters).
 */
function edit(from: string, to: string, token: string, shift = 0): Break["make"] {
  return (pool) => {
    const at = pool.indexOf(from);
    if (at < 0 || pool.indexOf(from, at + 1) >= 0) throw new Error(`'${from}' must occur exactly once in idl/pool.yaml`);
    const inside = to.indexOf(token);
    if (inside < 0) throw new Error(`'${token}' is not in '${to}'`);
    return { text: pool.slice(0, at) + to + pool.slice(at + from.length), offset: at + inside + shift };
  };
}

const BREAKS: readonly Break[] = [
  {
    name: "a typo in a type name",
    make: edit("type: RuntimePolicy\n", "type: RuntimePolcy\n", "RuntimePolcy"),
    code: "unknown-type",
    message: "Type 'RuntimePolcy' is not defined. Did you mean 'RuntimePolicy'?",
  },
  {
    name: "a typo in a type name inside list<...>",
    make: edit("type: list<SecretScope>", "type: list<SecretScpoe>", "SecretScpoe"),
    code: "unknown-type",
  },
  {
    name: "a misspelled key, defualt:",
    make: edit("        default: 60\n", "        defualt: 60\n", "defualt"),
    code: "unknown-key",
    message: "Unknown key 'defualt' in field 'min_running_seconds' of RuntimePolicy. Did you mean 'default'?",
  },
  {
    name: "default 300 on the u8 vcpus",
    make: edit("      vcpus: u8\n", "      vcpus:\n        type: u8\n        default: 300\n", "300"),
    code: "invalid-default",
    message: "Default does not fit type u8: 300 is outside u8 (0 to 255).",
  },
  {
    name: "an unknown Role variant as the enum's default",
    make: edit("    default: Worker\n", "    default: Supervisor\n", "Supervisor"),
    code: "unknown-variant",
  },
  {
    name: "an unknown Role wire name as a field default",
    make: edit("        type: Role\n        type_default: true\n", "        type: Role\n        default: supervisor\n", "supervisor"),
    code: "invalid-default",
  },
  {
    name: "a string default on a bool",
    make: edit(
      "      pinned:\n        type: bool\n        type_default: true\n",
      '      pinned:\n        type: bool\n        default: "no"\n',
      '"no"',
    ),
    code: "invalid-default",
  },
  {
    name: "omit: if-empty on a u32",
    make: edit(
      "      data_disk_mib:\n        type: u32\n        type_default: true\n",
      "      data_disk_mib:\n        type: u32\n        type_default: true\n        omit: if-empty\n",
      "if-empty",
    ),
    code: "invalid-omit",
  },
  {
    name: "a template naming an unknown helper, {pool_dri}",
    make: edit('template: "{pool_dir}/artifacts"', 'template: "{pool_dri}/artifacts"', "{pool_dri}"),
    code: "unknown-placeholder",
  },
  {
    name: "a helper cycle",
    make: edit('template: "{tenant_pools_dir}/{pool_id}"', 'template: "{pool_snapshots_dir}/{pool_id}"', "{pool_snapshots_dir}"),
    code: "path-cycle",
  },
  {
    name: "tab indentation",
    make: edit("      mem_mib: u32\n", "\tmem_mib: u32\n", "\t"),
    code: "yaml-syntax",
  },
  {
    name: "an unclosed quote",
    make: edit('template: "{pool_dir}/instances"', 'template: "{pool_dir}/instances', '"'),
    code: "yaml-syntax",
  },
  {
    name: "a duplicate field",
    make: edit("      warm: u32\n", "      warm: u32\n      running: u32\n", "running"),
    code: "duplicate-key",
  },
  {
    name: "a type declared in both modules",
    make: edit("\n  SecretScope:\n", "\n  Id:\n    kind: string\n\n  SecretScope:\n", "Id:"),
    code: "duplicate-name",
    message: () => {
      const tenant = readFileSync(join(idlDir, "tenant.yaml"), "utf8");
      return `'Id' is already declared at idl/tenant.yaml:${lineCol(tenant, tenant.indexOf("\n  Id:\n") + 3)}.`;
    },
  },
  {
    name: "a custom tag, !!js/function",
    make: edit("        default: 60\n", '        default: !!js/function "function () { return 60; }"\n', "!!js/function"),
    code: "yaml-tag",
    message: "YAML tag '!!js/function' is not allowed in the IDL.",
  },
  {
    name: "an alias bomb",
    make: edit(
      "\ntypes:\n",
      [
        "\nx-lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]",
        "x-lol2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
        "x-lol3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
        "x-lol4: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]",
        "types:\n",
      ].join("\n"),
      "&a",
    ),
    code: "yaml-alias",
    count: 4,
  },
  {
    name: "an empty file",
    make: () => ({ text: "", offset: 0 }),
    code: "invalid-value",
    message: "Invalid value for the module: expected a mapping, got an empty file.",
  },
  {
    name: "a misspelled kind, knid:",
    make: edit("  Role:\n    kind: enum\n", "  Role:\n    knid: enum\n", "knid"),
    code: "unknown-key",
    message: "Unknown key 'knid' in type 'Role'. Did you mean 'kind'?",
  },
  {
    name: "a truncated file",
    make: (pool) => {
      const cut = pool.indexOf('template: "{pool_dir}/snapshots"') + 'template: "{pool_dir}/snap'.length;
      return { text: pool.slice(0, cut), offset: pool.indexOf('"{pool_dir}/snapshots"') };
    },
    code: "yaml-syntax",
  },
  {
    name: "a template with an unknown parameter",
    make: edit('template: "{tenant_pools_dir}/{pool_id}"', 'template: "{tenant_pools_dir}/{poolid}"', "{poolid}"),
    code: "unknown-placeholder",
  },
];

beforeAll(() => {
  if (!existsSync(join(repo, "generator/dist/idlc.js"))) throw new Error("generator/dist is missing: run `npm run build` first.");
  tmp = mkdtempSync(join(tmpdir(), "idlc-generate-errors-"));
  idlDir = join(tmp, "idl");
  outDir = join(tmp, "generated");
  cpSync(join(repo, "idl"), idlDir, { recursive: true });
  copyFileSync(join(repo, "package.json"), join(tmp, "package.json"));
  const first = cli(["generate", "--idl", idlDir, "--target", "ts", "--out", outDir, "--quiet"]);
  if (first.code !== 0) throw new Error(`idlc generate on the copy of idl/ failed:\n${first.stderr}`);
  original = readFileSync(join(idlDir, "pool.yaml"), "utf8");
  before = snapshot(tmp);
});

afterAll(() => {
  if (tmp !== "") rmSync(tmp, { recursive: true, force: true });
});

describe("idlc generate on a broken idl/pool.yaml", () => {
  it.each(BREAKS.map((b) => [b.name, b] as const))("%s", (_name, b) => {
    const { text, offset } = b.make(original);
    writeFileSync(join(idlDir, "pool.yaml"), text);
    try {
      const r = cli(["generate", "--idl", idlDir, "--target", "ts", "--out", outDir]);
      expect(r.code, r.stderr).toBe(1);
      const diagnostics = r.stderr.split("\n").filter((l) => /^\S+:\d+:\d+ - (error|warning) /.test(l));
      const where = `idl/pool.yaml:${lineCol(text, offset)}`;
      expect(diagnostics[0], r.stderr).toMatch(new RegExp(`^${where.replace(/\./g, "\\.")} - error ${b.code}: \\S`));
      const message = typeof b.message === "function" ? b.message() : b.message;
      if (message !== undefined) expect(diagnostics[0]).toBe(`${where} - error ${b.code}: ${message}`);
      expect(diagnostics, r.stderr).toHaveLength(b.count ?? 1);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).not.toContain("internal error");
      expect(r.stdout).toBe("");
    } finally {
      writeFileSync(join(idlDir, "pool.yaml"), original);
    }
    // Nothing written: the output folder and everything beside it as they were.
    expect(snapshot(tmp)).toEqual(before);
  });

  it("reports a module file it cannot read (a broken link) as a diagnostic, not a crash", () => {
    const link = join(idlDir, "broken.yaml");
    symlinkSync(join(tmp, "no-such-target.yaml"), link);
    try {
      const r = cli(["generate", "--idl", idlDir, "--target", "ts", "--out", outDir]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain("idl/broken.yaml:1:1 - error file-unreadable: Cannot read 'idl/broken.yaml': ENOENT.");
      expect(r.stderr).not.toMatch(STACK);
    } finally {
      rmSync(link);
    }
    expect(snapshot(tmp)).toEqual(before);
  });

  it("still generates from the restored copy (the breaks above were the only problem)", () => {
    const r = cli(["generate", "--idl", idlDir, "--target", "ts", "--out", outDir]);
    expect(r.code, r.stderr).toBe(0);
    expect(snapshot(tmp)).toEqual(before);
  });
});

describe("idlc generate usage errors", () => {
  const usage: readonly [string, readonly string[]][] = [
    ["an unknown flag", ["generate", "--idl", "IDL", "--target", "ts", "--out", "OUT", "--frobnicate"]],
    ["--idl without its value", ["generate", "--target", "ts", "--out", "OUT", "--idl"]],
    ["--idl followed by another flag", ["generate", "--idl", "--target", "ts", "--out", "OUT"]],
    ["an --idl folder that does not exist", ["generate", "--idl", "IDL/../no-such-idl", "--target", "ts", "--out", "OUT"]],
    ["an unknown target", ["generate", "--idl", "IDL", "--target", "go", "--out", "OUT"]],
    ["--out without --target while package.json configures two targets", ["generate", "--idl", "IDL", "--out", "OUT"]],
  ];
  it.each(usage)("%s exits 2 with a message and no stack trace", (_name, args) => {
    const r = cli(args.map((a) => a.replace("IDL", idlDir).replace("OUT", outDir)));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^idlc: \S/);
    expect(r.stderr).not.toMatch(STACK);
    expect(snapshot(tmp)).toEqual(before);
  });

  it("names the missing folder as given", () => {
    const r = cli(["generate", "--idl", join(tmp, "no-such-idl"), "--target", "ts", "--out", outDir]);
    expect(r.stderr).toContain(`'${relative(tmp, join(tmp, "no-such-idl"))}'`);
  });
});
