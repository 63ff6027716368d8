/**
 * A V8 code cache for the large CommonJS files idlc requires: ts-morph and the TypeScript it
 * bundles (about 12 MB of JavaScript, some 0.25 s of compiling on every run that prints code).
 * The build runs idlc once with IDLC_CODE_CACHE_WRITE=1, which keeps the compiled code of those
 * files in `dist/code-cache/`; later runs hand it to V8. An entry is used only for the exact file
 * it was made from (path, size, modification time, V8 version); V8 checks it again and refuses a
 * mismatch, and a refused or missing entry only costs the compile it would have saved.
 * IDLC_CODE_CACHE=0 turns it off (the benchmarks measure both).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";

/** The files worth caching: anything larger is compiled from a cache entry when one fits. */
const MIN_BYTES = 256 * 1024;

interface Entry {
  readonly file: string;
  readonly stamp: string;
  readonly script: Script;
  readonly fromCache: boolean;
}

type Compile = (this: Module & { _compile: Compile }, content: string, filename: string, ...rest: unknown[]) => unknown;

const loaded: Entry[] = [];
let writerInstalled = false;

/** What identifies the file an entry was made from. */
function stampOf(file: string): string {
  const s = statSync(file);
  return `${process.versions.v8}\0${file}\0${s.size}\0${s.mtimeMs}`;
}

function entryPath(dir: string, file: string): { data: string; stamp: string } {
  const name = `${basename(file)}-${createHash("sha256").update(file).digest("hex").slice(0, 16)}`;
  return { data: join(dir, `${name}.bin`), stamp: join(dir, `${name}.stamp`) };
}

function readEntry(dir: string, file: string, stamp: string): Buffer | undefined {
  try {
    const paths = entryPath(dir, file);
    return readFileSync(paths.stamp, "utf8") === stamp ? readFileSync(paths.data) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the compiled code of every file loaded in this process (IDLC_CODE_CACHE_WRITE=1 only). */
function writeEntries(dir: string): void {
  for (const e of loaded) {
    try {
      mkdirSync(dir, { recursive: true });
      const paths = entryPath(dir, e.file);
      writeFileSync(paths.data, e.script.createCachedData());
      writeFileSync(paths.stamp, e.stamp);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
}

/**
 * `require(specifier)` from `from`, compiling large CommonJS files with the code cache in `dir`.
 * Node's own compile is used for everything else, and for everything when anything goes wrong.
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
  proto._compile = function (this, content, filename, ...rest) {
    if (content.length < MIN_BYTES || typeof Script.prototype.createCachedData !== "function") {
      return original.call(this, content, filename, ...rest);
    }
    const stamp = stampOf(filename);
    const cachedData = write ? undefined : readEntry(dir, filename, stamp);
    const script = new Script(Module.wrap(content), { filename, ...(cachedData ? { cachedData } : {}) });
    loaded.push({ file: filename, stamp, script, fromCache: cachedData !== undefined && !script.cachedDataRejected });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    const require = createRequire(filename);
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
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
