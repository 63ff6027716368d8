/**
 * A V8 code cache for the large CommonJS files idlc requires: ts-morph and the TypeScript it
 * bundles (about 12 MB of JavaScript, about 0.25 s of compiling on every run that prints code).
 * The build runs idlc once with IDLC_CODE_CACHE_WRITE=1, which keeps the compiled code of those
 * files in `dist/code-cache/`; later runs hand it to V8.
 *
 * V8 checks only an entry's header (its version, flags and the source's length), not its data,
 * and damaged data can crash the process. So an entry is used only when its stamp names the
 * V8 version, the file's path, the sha256 of the file's text and the sha256 of the entry's own
 * bytes, all as they are now. Anything else (no entry, a stamp that does not match, an error)
 * falls back to Node's own compile: a cache can only cost the compile it would have saved.
 * IDLC_CODE_CACHE=0 turns it off (the benchmarks measure both).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { basename, dirname, extname, join } from "node:path";
import { Script } from "node:vm";
import { writeEntry } from "./cache-file.js";

/** Files smaller than this compile fast enough as they are. */
const MIN_CHARS = 256 * 1024;

interface Entry {
  readonly file: string;
  readonly source: string;
  readonly script: Script;
  readonly fromCache: boolean;
}

type Compile = (this: NodeModule, content: string, filename: string, ...rest: unknown[]) => unknown;

/** Node's CommonJS internals this file relies on (stable since Node 12, used by v8-compile-cache). */
interface ModuleInternals {
  _resolveFilename(request: string, parent: NodeModule, isMain: boolean, options?: unknown): string;
  _cache: Record<string, NodeModule>;
  _extensions: Record<string, unknown>;
  wrap(code: string): string;
}

const internals = Module as unknown as ModuleInternals;
const loaded: Entry[] = [];
let writerInstalled = false;

const sha256 = (data: string | Buffer): string => createHash("sha256").update(data).digest("hex");

function entryPaths(dir: string, file: string): { data: string; stamp: string } {
  const name = `${basename(file)}-${sha256(file).slice(0, 16)}`;
  return { data: join(dir, `${name}.bin`), stamp: join(dir, `${name}.stamp`) };
}

/** What an entry must have been made from: this V8, this file, this text. */
function sourceStamp(file: string, content: string): string {
  return `${process.versions.v8}\0${file}\0${sha256(content)}`;
}

function readEntry(dir: string, file: string, source: string): Buffer | undefined {
  try {
    const paths = entryPaths(dir, file);
    const [stampSource, stampData] = splitStamp(readFileSync(paths.stamp, "utf8"));
    if (stampSource !== source) return undefined;
    const data = readFileSync(paths.data);
    return sha256(data) === stampData ? data : undefined;
  } catch {
    return undefined;
  }
}

function splitStamp(stamp: string): [string, string] {
  const at = stamp.lastIndexOf("\0");
  return [stamp.slice(0, at), stamp.slice(at + 1)];
}

/** Writes the compiled code of every file loaded in this process (IDLC_CODE_CACHE_WRITE=1 only). */
function writeEntries(dir: string): void {
  for (const e of loaded) {
    const paths = entryPaths(dir, e.file);
    const data = e.script.createCachedData();
    writeEntry(paths.data, data);
    writeEntry(paths.stamp, `${e.source}\0${sha256(data)}`);
  }
}

/** The `require` Node gives a CommonJS module (its `makeRequireFunction`), for `module`. */
function requireFor(module: NodeModule): NodeJS.Require {
  const require = ((id: string) => module.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: { paths?: string[] }) =>
    internals._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => createRequire(module.filename).resolve.paths(request);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.cache = internals._cache;
  require.extensions = internals._extensions as NodeJS.RequireExtensions;
  return require;
}

/** Compiles a large CommonJS file through the cache; undefined when it must go to Node's own compile. */
function compileCached(dir: string, write: boolean, content: string, filename: string): ((...args: unknown[]) => unknown) | undefined {
  try {
    const source = sourceStamp(filename, content);
    const cachedData = write ? undefined : readEntry(dir, filename, source);
    const script = new Script(internals.wrap(content), { filename, ...(cachedData ? { cachedData } : {}) });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    loaded.push({ file: filename, source, script, fromCache: cachedData !== undefined && !script.cachedDataRejected });
    return wrapper;
  } catch {
    return undefined;
  }
}

/**
 * `require(specifier)` from `from`, compiling large CommonJS files with the code cache in `dir`.
 * Node's own compile is used for everything else (small files, ES modules, other formats).
 */
export function requireWithCodeCache(specifier: string, from: string, dir: string): unknown {
  if (process.env["IDLC_CODE_CACHE"] === "0") return createRequire(from)(specifier);
  const proto = Module.prototype as unknown as { _compile: Compile };
  const original = proto._compile;
  const write = process.env["IDLC_CODE_CACHE_WRITE"] === "1";
  if (write && !writerInstalled) {
    writerInstalled = true;
    process.once("exit", () => writeEntries(dir));
  }
  proto._compile = function (this: NodeModule, content: string, filename: string, ...rest: unknown[]) {
    const format = rest[0];
    const commonJs = (format === undefined || format === "commonjs") && [".js", ".cjs"].includes(extname(filename));
    const wrapper = commonJs && content.length >= MIN_CHARS ? compileCached(dir, write, content, filename) : undefined;
    if (wrapper === undefined) return original.call(this, content, filename, ...rest);
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, dirname(filename));
  };
  try {
    return createRequire(from)(specifier);
  } finally {
    proto._compile = original;
  }
}

/** The files compiled through the code cache in this process, and whether their entry was used. */
export function codeCacheReport(): { file: string; fromCache: boolean }[] {
  return loaded.map((e) => ({ file: e.file, fromCache: e.fromCache }));
}
