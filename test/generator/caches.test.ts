/**
 * The generator's caches (printed modules, formatted statements, whole outputs) may only save
 * time: a run that uses them, warm, stale or damaged, writes exactly what a run without them
 * writes. Unit tests on the print cache, then the built CLI (generator/dist) across edits.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { StructureKind, type SourceFileStructure } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generate } from "../../generator/src/emit/generate.js";
import { cachedTsPrinter, createTsPrinter, structureKey, type PrintCache, type TsPrinter } from "../../generator/src/emit/print-ts.js";
import { runtimeSource } from "../../generator/src/emit/runtime-source.js";
import { readIdlDir } from "../../generator/src/io/files.js";
import { loadIdl, type SourceFile } from "../../generator/src/load.js";

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const repo = fileURLToPath(new URL("../../", import.meta.url));
const idlc = join(repo, "generator/bin/idlc.js");
const PKG = { name: "x", version: "0.0.0" };

/** The sources of idl/, with one type's doc in `file` changed. */
function edited(sources: readonly SourceFile[], file: string, mark: string): SourceFile[] {
  return sources.map((s) => (s.path.endsWith(file) ? { ...s, text: s.text.replace(/^( {4}doc: (?:\|\n {6})?)/m, `$1${mark} `) } : s));
}

function mapCache(): PrintCache & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return { entries, get: (p, k) => entries.get(`${p}\0${k}`), set: (p, k, t) => void entries.set(`${p}\0${k}`, t) };
}

function counting(print: TsPrinter): TsPrinter & { paths: string[] } {
  const paths: string[] = [];
  return Object.assign((path: string, s: SourceFileStructure) => (paths.push(path), print(path, s)), { paths });
}

describe("print cache", () => {
  const sources = readIdlDir(join(repo, "idl"));
  const gen = (src: readonly SourceFile[], printTs?: TsPrinter) =>
    generate(loadIdl(src).model!, { package: PKG, runtimeSource: runtimeSource(), printTs });

  it("gives what ts-morph gives, and re-prints only the modules that changed", () => {
    const cache = mapCache();
    const first = counting(createTsPrinter());
    expect(gen(sources, cachedTsPrinter(first, cache))).toEqual(gen(sources));
    expect(first.paths).toEqual(["src/tenant.ts", "src/pool.ts", "src/index.ts"]);

    const again = counting(createTsPrinter());
    expect(gen(sources, cachedTsPrinter(again, cache))).toEqual(gen(sources));
    expect(again.paths).toEqual([]);

    const changed = edited(sources, "pool.yaml", "Edited.");
    const afterEdit = counting(createTsPrinter());
    const out = gen(changed, cachedTsPrinter(afterEdit, cache));
    expect(out).toEqual(gen(changed));
    expect(out.get("src/pool.ts")).toContain("Edited.");
    expect(afterEdit.paths).toEqual(["src/pool.ts"]);
  });

  it("never serves an entry stored under another key or another path", () => {
    const cache = mapCache();
    const print = cachedTsPrinter(createTsPrinter(), cache);
    const a: SourceFileStructure = { kind: StructureKind.SourceFile, statements: ["export const a = 1;"] };
    const b: SourceFileStructure = { kind: StructureKind.SourceFile, statements: ["export const b = 2;"] };
    expect(print("src/x.ts", a)).toBe("export const a = 1;\n");
    expect(print("src/x.ts", b)).toBe("export const b = 2;\n");
    expect(print("src/y.ts", a)).toBe("export const a = 1;\n");
    expect(cache.entries.size).toBe(3);
  });

  it("does not cache a structure that is not plain data", () => {
    const writer: SourceFileStructure = { kind: StructureKind.SourceFile, statements: [(w) => void w.write("export {};")] };
    expect(structureKey(writer)).toBeUndefined();
    const cache = mapCache();
    expect(cachedTsPrinter(createTsPrinter(), cache)("src/w.ts", writer)).toBe("export {};\n");
    expect(cache.entries.size).toBe(0);
    expect(structureKey({ kind: StructureKind.SourceFile, statements: ["x;"] })).toMatch(/^[0-9a-f]{64}$/);
    class Statement {
      readonly kind = StructureKind.VariableStatement;
      get declarations() {
        return [{ name: "x" }];
      }
    }
    expect(structureKey({ kind: StructureKind.SourceFile, statements: [new Statement() as never] })).toBeUndefined();
  });

  it("tells apart structures that JSON would write alike", () => {
    const file = (statement: object): SourceFileStructure => ({ kind: StructureKind.SourceFile, statements: [statement as never] });
    const moduleWith = (extra: object) => file({ kind: StructureKind.Module, name: '"x"', ...extra });
    const enumWith = (value: unknown) => file({ kind: StructureKind.Enum, name: "E", members: [{ name: "A", value }] });
    const keys = [
      moduleWith({}),
      moduleWith({ statements: undefined }),
      enumWith(null),
      enumWith(NaN),
      enumWith(Infinity),
      enumWith(0),
      enumWith(-0),
      enumWith(undefined),
    ].map(structureKey);
    expect(keys.every((k) => k !== undefined)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    // ts-morph does print the first two differently: a key that merged them would serve the wrong text.
    const print = createTsPrinter();
    expect(print("a.ts", moduleWith({}))).not.toBe(print("b.ts", moduleWith({ statements: undefined })));
  });
});

describe("idlc generate with caches (built CLI)", () => {
  let tmp = "";
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "idlc-caches-"));
    cpSync(join(repo, "idl"), join(tmp, "idl"), { recursive: true });
    cpSync(join(repo, "package.json"), join(tmp, "package.json"));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  /** Runs idlc generate; returns its IDLC_TIMING line (which says what came from the caches). */
  const run = (out: string, cache: string | undefined): string => {
    const args = [idlc, "generate", "--target", "ts", "--out", out, "--quiet", ...(cache ? [] : ["--no-cache"])];
    const env = { ...process.env, IDLC_CACHE_DIR: cache ? join(tmp, cache) : "", IDLC_TIMING: "1" };
    const r = spawnSync(process.execPath, args, { cwd: tmp, env, encoding: "utf8" });
    expect(r.stderr).toMatch(/^timing: [^\n]*\n$/);
    expect(r.status).toBe(0);
    return r.stderr;
  };
  const tree = (dir: string): Map<string, string> => {
    const files = readdirSync(join(tmp, dir), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    return new Map(files.map((e) => [relative(join(tmp, dir), join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), "utf8")]));
  };
  const editPool = (mark: string): void => {
    const file = join(tmp, "idl/pool.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^( {4}doc: (?:\|\n {6})?)/m, `$1${mark} `));
  };

  it("writes after an edit, with a warm cache, exactly what a run without caches writes", () => {
    expect(run("cold", "cache")).toMatch(/modules printed 3, reused 0; formatted \d+, cached 0;/);
    const cold = tree("cold");
    expect(cold.size).toBeGreaterThan(10);
    for (const [path, text] of cold) expect(text, path).toBe(readFileSync(join(repo, "generated", path), "utf8"));
    editPool("First edit.");
    expect(run("warm", "cache")).toMatch(/modules printed 1, reused 2; formatted [1-9]\d*, cached [1-9]\d*;/);
    run("none", undefined);
    const warm = tree("warm");
    expect(warm.get("src/pool.ts")).toContain("First edit.");
    expect(warm).toEqual(tree("none"));
  });

  it("writes the same when every cache entry is damaged, and repairs the cache", () => {
    const cacheDir = join(tmp, "cache");
    const entries = readdirSync(cacheDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(entries.map((e) => relative(cacheDir, e.parentPath)).sort()).toEqual(expect.arrayContaining(["format", "output", "print"]));
    // Right keys with values of the wrong type, and (every other print entry) files that are not JSON at all.
    let prints = 0;
    const damage = (file: string, text: string): string => {
      const kind = relative(cacheDir, file).split("/")[0];
      if (kind === "format") return JSON.stringify(Object.fromEntries(Object.keys(JSON.parse(text) as object).map((k) => [k, 1])));
      if (kind === "print") return prints++ % 2 === 0 ? "{ not json" : JSON.stringify({ ...(JSON.parse(text) as object), text: 1 });
      return JSON.stringify((JSON.parse(text) as [string, string][]).map(([path]) => [path, 1]));
    };
    for (const e of entries) {
      const file = join(e.parentPath, e.name);
      writeFileSync(file, damage(file, readFileSync(file, "utf8")));
    }
    // The IDL of the last run: its whole-output entry is the one read.
    expect(run("damaged-output", "cache")).toMatch(/modules printed 3, reused 0; formatted \d+, cached 0;/);
    expect(tree("damaged-output")).toEqual(tree("none"));
    for (const e of entries.filter((e) => !e.parentPath.endsWith("output"))) {
      const file = join(e.parentPath, e.name);
      writeFileSync(file, damage(file, readFileSync(file, "utf8")));
    }
    editPool("Second edit.");
    expect(run("damaged", "cache")).toMatch(/modules printed 3, reused 0; formatted \d+, cached 0;/);
    run("none2", undefined);
    expect(tree("damaged").get("src/pool.ts")).toContain("Second edit.");
    expect(tree("damaged")).toEqual(tree("none2"));
    expect(run("repaired", "cache")).toMatch(/^timing: start \d+ ms, output-cache \d+ ms;/);
    rmSync(join(tmp, "cache", "output"), { recursive: true });
    // Everything from the caches: ts-morph is not even loaded (no code cache line).
    expect(run("repaired2", "cache")).toMatch(/modules printed 0, reused 3; formatted 0, cached [1-9]\d*\n$/);
    expect(tree("repaired2")).toEqual(tree("none2"));
    expect(tree("repaired")).toEqual(tree("none2"));
  });
});
