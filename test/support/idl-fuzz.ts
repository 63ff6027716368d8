/**
 * Mutated copies of the real IDL files (idl/*.yaml) for loader fuzzing: lines deleted,
 * duplicated, swapped and re-indented, truncation, random bytes, scalars turned into lists and
 * maps, words swapped for IDL keywords and hostile names; and hand-made hostile files (an alias
 * bomb, custom tags, a 10 MB file, deep nesting, random bytes). Plus the checks every loader
 * result must pass, and a runner for `idlc generate` as a child process.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";

export const REPO = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");
export const IDLC = join(REPO, "generator/bin/idlc.js");

/** The IDL files of a folder of the repository, with the display paths the loader is given. */
function idlFiles(dir: string): readonly { path: string; text: string }[] {
  return readdirSync(join(REPO, dir))
    .filter((n) => n.endsWith(".yaml"))
    .sort()
    .map((n) => ({ path: `idl/${n}`, text: readFileSync(join(REPO, dir, n), "utf8") }));
}

/** The real IDL files. */
export const REAL_FILES = idlFiles("idl");

/** The golden fixture that uses every construct of serde's data model (enums with data, flatten, sets...). */
export const DATA_MODEL_FILES = idlFiles("test/golden/fixtures/data-model/idl");

/** Words a mutation puts in place of a value or a key: IDL keywords, type expressions, hostile names. */
const WORDS = [
  "u8", "u32", "u64", "i64", "f64", "bool", "string", "Id", "Role", "PoolSpec", "Unknown",
  "list<u8>", "list<", "list<list<string>>", "map<string, u8>", "map<u8, string>", "optional<Role>",
  "optional<optional<u8>>", "map<string,", "Role<u8>", "<>", "struct", "enum", "open-enum", "kind",
  "fields", "variants", "values", "default", "type_default", "omit", "if-none", "if-empty", "doc",
  "rename_all", "kebab-case", "SCREAMING", "params", "template", "imports", "module", "pool", "tenant",
  "idl", "2", "0", "-1", "1e400", "0x10", ".inf", ".nan", "true", "false", "null", "~", "[]", "{}",
  "[a, b]", "{a: 1}", "''", '""', "'{pool_dir}/x'", '"{TENANT_BASE}/{tenant_id}/{x}"', '"{tenant_pools_dir}/.."',
  '"{pool_dir}//x"', '"/"', '"relative"', "__proto__", "constructor", "toString", "hasOwnProperty", "Object",
  "Array", "ValidationError", "parseRole", "&a x", "*a", "!tag x", "!!str x", "!!binary aGk=", "<<", "|", ">-",
  "- x", "? x", ": x", "@x", "`x`", "%YAML", "---", "...", "#", "\t", "\u0000", "\ufeff", "\u202e",
  "\u00e9", "\u{1F600}", "'\\ud800'", '"\\ud800"', "x".repeat(300),
  // serde's whole data model.
  "char", "unit", "json", "f32", "i8", "usize", "set<u8>", "hash_set<f64>", "map<u16, string>", "map<bool, u8>",
  "hash_map<Link, json>", "tuple<u8>", "tuple<>", "array<u8, 3>", "array<u8, 33>", "array<u8, x>", "box<Node>",
  "box<box<Setting>>", "newtype", "tuple-struct", "unit-struct", "items", "tuple", "aliases", "flatten", "skip",
  "serializing", "deserializing", "if-default", "tag", "content", "untagged", "other", "transparent",
  "missing_fields", "unknown_fields", "deny", "[type]", "[u8]",
];

/** One mutation of an IDL text. */
export type IdlMutation =
  | { op: "delete-line" | "duplicate-line" | "truncate" | "to-list" | "to-map" | "to-null"; at: number }
  | { op: "swap-lines"; at: number; with: number }
  | { op: "reindent"; at: number; spaces: number }
  | { op: "random-bytes"; at: number; bytes: string }
  | { op: "value-word" | "key-word" | "insert-line"; at: number; word: string; word2: string };

export const idlMutation: fc.Arbitrary<IdlMutation> = fc.oneof(
  fc.record({ op: fc.constantFrom("delete-line", "duplicate-line", "truncate", "to-list", "to-map", "to-null"), at: fc.nat() }),
  fc.record({ op: fc.constant("swap-lines" as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant("reindent" as const), at: fc.nat(), spaces: fc.integer({ min: 0, max: 12 }) }),
  fc.record({
    op: fc.constant("random-bytes" as const),
    at: fc.nat(),
    bytes: fc.oneof(
      fc.string({ unit: "binary", minLength: 1, maxLength: 8 }),
      fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 8 }),
      fc.constantFrom(":", "- ", "{", "[", "\"", "'", "&", "*", "!", "|", ">", "#", "%", "@", "`", "\t", "\r", "\n  ", "\\"),
    ),
  }),
  fc.record({
    op: fc.constantFrom("value-word" as const, "key-word" as const, "insert-line" as const),
    at: fc.nat(),
    word: fc.constantFrom(...WORDS),
    word2: fc.constantFrom(...WORDS),
  }),
);

/** Applies one mutation to a text (line numbers and offsets taken modulo the text's size). */
export function applyIdlMutation(text: string, m: IdlMutation): string {
  const lines = text.split("\n");
  const i = m.at % Math.max(1, lines.length);
  const line = lines[i] ?? "";
  switch (m.op) {
    case "delete-line":
      lines.splice(i, 1);
      break;
    case "duplicate-line":
      lines.splice(i, 0, line);
      break;
    case "swap-lines": {
      const j = m.with % Math.max(1, lines.length);
      lines[i] = lines[j] ?? "";
      lines[j] = line;
      break;
    }
    case "reindent":
      lines[i] = " ".repeat(m.spaces) + line.trimStart();
      break;
    case "truncate":
      return text.slice(0, m.at % (text.length + 1));
    case "random-bytes": {
      const p = m.at % (text.length + 1);
      return text.slice(0, p) + m.bytes + text.slice(p);
    }
    case "to-list":
      lines[i] = line.replace(/: (\S.*)$/, ": [$1, $1]");
      break;
    case "to-map":
      lines[i] = line.replace(/: (\S.*)$/, ": {k: $1}");
      break;
    case "to-null":
      lines[i] = line.replace(/: (\S.*)$/, ": ~");
      break;
    case "value-word":
      lines[i] = / (\S+)$/.test(line) ? line.replace(/ (\S+)$/, () => ` ${m.word}`) : `${line} ${m.word}`;
      break;
    case "key-word":
      lines[i] = line.replace(/^(\s*)([^:\s]+):/, (_all, sp: string) => `${sp}${m.word}:`);
      break;
    case "insert-line": {
      const indent = /^\s*/.exec(line)![0];
      lines.splice(i, 0, `${indent}${m.word}: ${m.word2}`);
      break;
    }
  }
  return lines.join("\n");
}

/** The files with one to four mutations applied to one of them (sometimes two mutations more to each other). */
export function mutatedFiles(files: readonly { path: string; text: string }[]): fc.Arbitrary<{ path: string; text: string }[]> {
  return fc
    .tuple(fc.nat(), fc.array(idlMutation, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.array(idlMutation, { maxLength: 2 }))
    .map(([which, ms, both, ms2]) => {
      const target = which % files.length;
      return files.map((f, k) => {
        if (k === target) return { path: f.path, text: ms.reduce(applyIdlMutation, f.text) };
        if (both) return { path: f.path, text: ms2.reduce(applyIdlMutation, f.text) };
        return { ...f };
      });
    });
}

/** The real IDL files, mutated. */
export const mutatedIdl = mutatedFiles(REAL_FILES);

/** The data-model fixture's files, mutated. */
export const mutatedDataModel = mutatedFiles(DATA_MODEL_FILES);

// ---------------------------------------------------------------------------------------------
// Hand-made hostile files.

const real = (name: string): string => REAL_FILES.find((f) => f.path === `idl/${name}`)!.text;

/** A deterministic pseudo-random byte string (not valid UTF-8 as a whole). */
export function randomBytes(n: number, seed = 1): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

/**
 * Hostile IDL files: [name, files (name to text or bytes), expected outcome]. Each must end in
 * a model or in errors at file:line:col, never a crash or a hang; most are refused.
 */
export const SPECIAL_FILES: readonly [string, Record<string, string | Buffer>, "model" | "errors"][] = [
  [
    "alias bomb (billion laughs)",
    {
      "pool.yaml": [
        "idl: 1",
        "module: pool",
        "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
        "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
        "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]",
        "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]",
        "types: *h",
        "",
      ].join("\n"),
      "tenant.yaml": real("tenant.yaml"),
    },
    "errors",
  ],
  ["an anchor and alias inside a type", { "pool.yaml": real("pool.yaml").replace("  Role:\n", "  Role: &role\n").replace("  SeccompPolicy:\n", "  Copy: *role\n  SeccompPolicy:\n"), "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["a merge key", { "pool.yaml": real("pool.yaml").replace("  SeccompPolicy:\n", "  SeccompPolicy:\n    <<: {kind: enum}\n"), "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["custom tags", { "pool.yaml": real("pool.yaml").replace("idl: 1", "idl: !custom 1").replace("module: pool", "module: !!python/object/apply:os.system [\"id\"]"), "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["a tag on the document", { "pool.yaml": `--- !mytag\n${real("pool.yaml")}`, "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["a binary tag", { "pool.yaml": real("pool.yaml").replace("doc: |\n  Worker-pool", "doc: !!binary aGVsbG8=\nx: |\n  Worker-pool"), "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["a 10 MB file", { "pool.yaml": `${real("pool.yaml")}\n# ${"x".repeat(10 * 1024 * 1024)}\n`, "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["random bytes", { "pool.yaml": randomBytes(4096, 7), "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["random bytes in both files", { "pool.yaml": randomBytes(65536, 3), "tenant.yaml": randomBytes(100, 9) }, "errors"],
  ["invalid UTF-8 in a doc", { "pool.yaml": Buffer.concat([Buffer.from(real("pool.yaml").slice(0, 200)), Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]), Buffer.from(real("pool.yaml").slice(200))]), "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["NUL bytes", { "pool.yaml": real("pool.yaml").replace(/\n/g, "\n\0"), "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["a byte order mark and CRLF line endings", { "pool.yaml": `\ufeff${real("pool.yaml").replace(/\n/g, "\r\n")}`, "tenant.yaml": real("tenant.yaml") }, "model"],
  ["CR line endings only", { "pool.yaml": real("pool.yaml").replace(/\n/g, "\r"), "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["an empty file", { "pool.yaml": "", "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["a file of only a comment", { "pool.yaml": "# nothing here\n", "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["several documents", { "pool.yaml": `${real("pool.yaml")}\n---\n${real("pool.yaml")}`, "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["deeply nested flow sequences", { "pool.yaml": `idl: 1\nmodule: pool\ntypes: ${"[".repeat(50_000)}${"]".repeat(50_000)}\n`, "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["deeply nested flow mappings", { "pool.yaml": `idl: 1\nmodule: pool\ntypes: ${"{a: ".repeat(30_000)}1${"}".repeat(30_000)}\n`, "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["deeply nested block mappings", { "pool.yaml": `idl: 1\nmodule: pool\n${Array.from({ length: 1400 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n")} 1\n`, "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["a very long line", { "pool.yaml": real("pool.yaml").replace("doc: Resource allocation for each instance in the pool.", `doc: ${"y".repeat(300_000)}`), "tenant.yaml": real("tenant.yaml") }, "model"],
  ["__proto__ and constructor as names", { "pool.yaml": real("pool.yaml").replace("types:\n", "types:\n  __proto__:\n    kind: struct\n    fields:\n      constructor: u8\n      __proto__: u8\n").replace("paths:\n", "paths:\n  __proto__:\n    template: \"{pool_dir}/x\"\n"), "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["a type named like a global", { "pool.yaml": real("pool.yaml").replace("  SeccompPolicy:\n", "  Object:\n    kind: struct\n    fields: {}\n  SeccompPolicy:\n"), "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["code in docs, defaults, patterns and templates", {
    "pool.yaml": real("pool.yaml")
      .replace("doc: Resource allocation for each instance in the pool.", 'doc: "*/ ${process.exit(7)} `x` </script> \\u2028 \\\\"')
      .replace("      template_id:\n        type: string\n        type_default: true", '      template_id:\n        type: string\n        default: "`${process.exit(7)}` */ \\\\"'),
    "tenant.yaml": real("tenant.yaml").replace(/pattern_doc: .*$/m, 'pattern_doc: "*/ `${process.exit(7)}` \\\\ end"'),
  }, "model"],
  ["code in a root", {
    "pool.yaml": real("pool.yaml"),
    "tenant.yaml": real("tenant.yaml").replace("value: /var/lib/mvm/tenants", 'value: "/var/lib/mvm/`${process.exit(7)}`/\\"q\\"/tenants"'),
  }, "errors"],
  ["an import cycle and a missing module", { "pool.yaml": real("pool.yaml").replace("imports: [tenant]", "imports: [tenant, pool, nowhere]"), "tenant.yaml": real("tenant.yaml").replace("module: tenant", "module: tenant\nimports: [pool]") }, "errors"],
  ["a recursive type", { "pool.yaml": real("pool.yaml").replace("      vcpus: u8\n", "      vcpus: u8\n      again: InstanceResources\n"), "tenant.yaml": real("tenant.yaml") }, "errors"],
  ["a file that is a directory's worth of keys", { "pool.yaml": `idl: 1\nmodule: pool\ntypes:\n${Array.from({ length: 500 }, (_, i) => `  T${i}: {kind: struct, fields: {f: T${(i + 1) % 500}}}`).join("\n")}\n`, "tenant.yaml": real("tenant.yaml") }, "errors"],
];

// ---------------------------------------------------------------------------------------------
// What every loader result must be.

/**
 * KNOWN BUGS (reported to the lead) that the random runs tolerate until they are fixed. Each is
 * pinned by an `it.fails` test in test/fuzz/loader.test.ts: when that test starts to pass, set
 * its flag here to false.
 */
export const KNOWN_BUGS = {
  /** A diagnostic message can hold a line break (a repeated block-scalar key is quoted as written), breaking one line per diagnostic. */
  multilineMessages: false,
  /** file-unreadable is placed with the YAML parser's line count, which stops early after a syntax error: the line or column is wrong. */
  misplacedUnreadable: false,
};

export interface DiagnosticLike {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly range: { readonly file: string; readonly start: { readonly line: number; readonly col: number } };
}

/** Why a loader result breaks the contract (a model, or errors each at a file:line:col), or undefined. */
export function badLoadResult(
  files: readonly { path: string; text: string }[],
  result: { model: unknown; diagnostics: readonly DiagnosticLike[] },
): string | undefined {
  const texts = new Map(files.map((f) => [f.path, f.text]));
  for (const d of result.diagnostics) {
    if (!/^[a-z]+(?:-[a-z]+)*$/.test(d.code)) return `bad code ${JSON.stringify(d.code)}`;
    if (d.severity !== "error" && d.severity !== "warning") return `bad severity ${JSON.stringify(d.severity)}`;
    if (typeof d.message !== "string" || d.message.trim() === "") return `${d.code}: no message`;
    if (!KNOWN_BUGS.multilineMessages && /[\r\n]/.test(d.message)) return `${d.code}: a line break in ${JSON.stringify(d.message)}`;
    const text = texts.get(d.range.file);
    if (text === undefined) return `${d.code}: file ${JSON.stringify(d.range.file)} is not an input`;
    const { line, col } = d.range.start;
    if (!Number.isInteger(line) || !Number.isInteger(col) || line < 1 || col < 1) return `${d.code}: at ${line}:${col}`;
    const lines = text.split("\n");
    if (KNOWN_BUGS.misplacedUnreadable && d.code === "file-unreadable") continue;
    if (line > lines.length + 1) return `${d.code}: line ${line} is past the end (${lines.length} lines)`;
    const length = (lines[line - 1] ?? "").length;
    if (col > length + 2) return `${d.code}: column ${col} is past the end of line ${line} (${length} characters)`;
  }
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  if (result.model === undefined && errors === 0) return "no model and no error";
  if (result.model !== undefined && errors > 0) return "a model despite errors";
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The CLI as a child process.

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly timedOut: boolean;
}

/** Runs idlc with `args` from the repository root; kills it (SIGKILL) after `timeoutMs`. */
export function runIdlc(args: readonly string[], timeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [IDLC, ...args], {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: "1", IDLC_DEBUG: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - start, timedOut });
    });
  });
}

/** What idlc may print on stderr: diagnostics at file:line:col, and its summary lines. */
const STDERR_LINE = [/^\S+:\d+:\d+ - (error|warning) [a-z-]+: /, /^Found \d+ errors?\.$/, /^Nothing written to \S+\.$/];

/** Why an `idlc generate` run breaks the contract, or undefined. */
export function badCliRun(run: CliRun): string | undefined {
  if (run.timedOut) return `no exit within the time limit (${Math.round(run.ms)} ms)`;
  if (run.code !== 0 && run.code !== 1) return `exit code ${String(run.code)} (signal ${String(run.signal)}): ${run.stderr.slice(0, 2000)}`;
  if (/^\s+at /m.test(run.stderr) || /^\s+at /m.test(run.stdout)) return `a stack trace: ${run.stderr.slice(0, 2000)}`;
  const lines = run.stderr.split("\n").filter((l) => l !== "");
  let inDiagnostic = false;
  for (const line of lines) {
    if (STDERR_LINE.some((re) => re.test(line))) {
      inDiagnostic = STDERR_LINE[0]!.test(line);
      continue;
    }
    // The rest of a diagnostic whose message holds a line break (see KNOWN_BUGS).
    if (KNOWN_BUGS.multilineMessages && inDiagnostic) continue;
    return `unexpected stderr line: ${JSON.stringify(line.slice(0, 300))}`;
  }
  if (run.code === 1 && !lines.some((l) => STDERR_LINE[0]!.test(l))) return "exit code 1 without a located diagnostic";
  return undefined;
}

const created: string[] = [];

/** A fresh temporary folder (removed by removeTempDirs, which the suites call after their tests). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  created.push(dir);
  return dir;
}

/** Removes every folder tempDir made in this test file. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes IDL files (name to text or bytes) into `<dir>/idl`. */
export function writeIdl(dir: string, files: Record<string, string | Buffer>): string {
  const idl = join(dir, "idl");
  rmSync(idl, { recursive: true, force: true });
  mkdirSync(idl, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(idl, name), content);
  return idl;
}

/** Every file under a folder, path to bytes (as base64, to compare exactly). */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string): void => {
    let entries;
    try {
      entries = readdirSync(join(dir, sub), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) {
        out[`${rel}/`] = "";
        walk(rel);
      } else out[rel] = readFileSync(join(dir, rel)).toString("base64");
    }
  };
  walk("");
  return out;
}
