/**
 * `idlc import rust <file-or-dir>... --out DIR`: reads Rust files, writes one IDL module per file.
 * Loaded by a dynamic import from main.ts, so the Rust parser never loads for other commands.
 * Exit codes: 0 the import is complete, 1 something was left to finish (TODOs in the YAML),
 * 2 usage errors (and files in the way, without --force).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { importRust, type RustSource } from "../import/rust/index.js";
import { displayPath } from "../io/files.js";
import { flagString, parseArgs, UsageError } from "./args.js";
import { HELP } from "./help.js";
import { createOutput } from "./output.js";

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
const LANGUAGES = ["rust"];

/** Runs `idlc import <language> <file-or-dir>... --out DIR`; returns the exit code. */
export async function importCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, { help: { value: false }, quiet: { value: false }, out: { value: true }, force: { value: false } });
  if (args.flags.has("help")) {
    process.stdout.write(HELP.import);
    return EXIT.ok;
  }
  const [language, ...inputs] = args.positionals;
  if (language === undefined) throw new UsageError("import needs a language: idlc import rust <file-or-dir>... --out DIR");
  if (!LANGUAGES.includes(language)) throw new UsageError(`import reads ${LANGUAGES.join(", ")}; got '${language}'`);
  if (inputs.length === 0) throw new UsageError("import rust needs at least one Rust file or folder");
  const outFlag = flagString(args, "out");
  if (outFlag === undefined) throw new UsageError("import needs --out DIR, the folder to write the IDL modules to");
  const out = createOutput(args.flags.has("quiet"));
  const outDir = resolve(outFlag);
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) throw new UsageError(`--out '${outFlag}' is a file, not a folder`);
  const started = performance.now();

  const sources = readSources(inputs);
  const result = await importRust(sources, { schemaPath: schemaPathFrom(outDir) });
  out.diagnostics(result.diagnostics);

  const targets = result.modules.map((m) => ({ path: join(outDir, m.fileName), text: m.text }));
  const inTheWay = args.flags.has("force") ? [] : targets.filter((t) => existsSync(t.path));
  if (inTheWay.length > 0) {
    for (const t of inTheWay) out.error(`${displayPath(t.path)}: already exists`);
    out.error(`Nothing written: the files above would be replaced. Move them, or pass --force.`);
    return EXIT.usage;
  }
  try {
    mkdirSync(outDir, { recursive: true });
    for (const t of targets) {
      // Each file whole or not at all: written beside, then renamed over.
      const tmp = `${t.path}.idlc-${process.pid}`;
      writeFileSync(tmp, t.text);
      renameSync(tmp, t.path);
    }
  } catch (error) {
    out.error(`idlc: cannot write to ${displayPath(outDir)}: ${(error as Error).message}`);
    return EXIT.usage;
  }
  const left = result.diagnostics.filter((d) => d.severity === "error").length;
  const ms = Math.round(performance.now() - started);
  const wrote = `Wrote ${targets.length} module${targets.length === 1 ? "" : "s"} to ${displayPath(outDir)} (${ms} ms)`;
  if (hasErrors(result.diagnostics)) {
    out.error(`${wrote}; ${left} thing${left === 1 ? "" : "s"} left to finish by hand: search the YAML for 'TODO(idlc import)'.`);
    return EXIT.failed;
  }
  out.info(`${wrote}. The import is complete: review the modules, then run 'idlc generate --idl ${displayPath(outDir)}'.`);
  return EXIT.ok;
}

/** The Rust files named on the command line; folders are searched for `*.rs` (not `target/`, not hidden folders). */
function readSources(inputs: readonly string[]): RustSource[] {
  const sources: RustSource[] = [];
  for (const input of inputs) {
    const abs = resolve(input);
    if (!existsSync(abs)) throw new UsageError(`'${input}' does not exist`);
    if (statSync(abs).isDirectory()) {
      const files = findRustFiles(abs);
      if (files.length === 0) throw new UsageError(`no Rust files (*.rs) in '${input}'`);
      for (const file of files) sources.push(readSource(file, modulePathIn(abs, file)));
    } else {
      if (!abs.endsWith(".rs")) throw new UsageError(`'${input}' is not a Rust file (*.rs)`);
      const stem = basename(abs, ".rs");
      sources.push(readSource(abs, [stem === "mod" ? basename(dirname(abs)) : stem]));
    }
  }
  return sources;
}

function readSource(file: string, modulePath: string[]): RustSource {
  try {
    return { path: displayPath(file), text: readFileSync(file, "utf8"), modulePath };
  } catch (error) {
    throw new UsageError(`cannot read '${displayPath(file)}': ${(error as Error).message}`);
  }
}

function findRustFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "target" && !entry.name.startsWith(".")) found.push(...findRustFiles(path));
    } else if (entry.isFile() && entry.name.endsWith(".rs")) found.push(path);
  }
  return found;
}

/** A file's module path from the folder given (a crate or its `src/`): `src/a/b.rs` is `a::b`, `a/mod.rs` is `a`. */
function modulePathIn(root: string, file: string): string[] {
  const parts = relative(root, file).split(sep);
  if (parts[0] === "src" && parts.length > 1) parts.shift();
  const last = parts.pop()!.replace(/\.rs$/, "");
  if (last === "mod") return parts.length > 0 ? parts : [last];
  if ((last === "lib" || last === "main") && parts.length === 0) return [];
  return [...parts, last];
}

/** The IDL schema of this idlc, relative to the output folder, for the modules' first line. */
function schemaPathFrom(outDir: string): string {
  // From generator/src/cli/ (sources) or generator/dist/ (the bundled CLI).
  for (const rel of ["../../idl.schema.json", "../idl.schema.json"]) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return relative(outDir, file).split(sep).join("/");
  }
  return "idl.schema.json";
}
