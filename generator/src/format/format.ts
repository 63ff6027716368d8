/**
 * Formats generated files with prettier (TypeScript and Markdown; JSON is written formatted).
 * Results are cached by content hash, so unchanged files are never formatted twice and prettier
 * is not even loaded when every file hits the cache.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const PRETTIER_OPTIONS = { printWidth: 120, proseWrap: "preserve", trailingComma: "all" } as const;

export interface FormatOptions {
  /** Folder of the format cache; no cache when undefined. */
  readonly cacheDir?: string | undefined;
}

export interface FormatStats {
  formatted: number;
  cached: number;
}

function parserFor(path: string): "typescript" | "markdown" | undefined {
  if (path.endsWith(".ts")) return "typescript";
  if (path.endsWith(".md")) return "markdown";
  return undefined;
}

type Prettier = typeof import("prettier");
let prettierModule: Promise<Prettier> | undefined;

export async function formatFiles(
  files: ReadonlyMap<string, string>,
  options: FormatOptions = {},
  stats: FormatStats = { formatted: 0, cached: 0 },
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const jobs: Promise<void>[] = [];
  for (const [path, text] of files) {
    const parser = parserFor(path);
    if (parser === undefined) {
      out.set(path, text);
      continue;
    }
    const key = cacheKey(parser, text);
    const hit = readCache(options.cacheDir, key);
    if (hit !== undefined) {
      stats.cached++;
      out.set(path, hit);
      continue;
    }
    out.set(path, text);
    jobs.push(
      (async () => {
        prettierModule ??= import("prettier");
        const prettier = await prettierModule;
        const formatted = await prettier.format(text, { ...PRETTIER_OPTIONS, parser, filepath: path });
        stats.formatted++;
        out.set(path, formatted);
        writeCache(options.cacheDir, key, formatted);
      })(),
    );
  }
  await Promise.all(jobs);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The cache key covers the formatter's version and options, so upgrading prettier invalidates it. */
function cacheKey(parser: string, text: string): string {
  return createHash("sha256")
    .update(`${PRETTIER_VERSION}\0${JSON.stringify(PRETTIER_OPTIONS)}\0${parser}\0`)
    .update(text)
    .digest("hex");
}

declare const __PRETTIER_VERSION__: string | undefined;

/** Set by the build from the installed prettier; read from its package.json when running from source. */
const PRETTIER_VERSION: string =
  typeof __PRETTIER_VERSION__ === "string" ? __PRETTIER_VERSION__ : readPrettierVersion();

function readPrettierVersion(): string {
  try {
    const url = import.meta.resolve("prettier/package.json");
    return (JSON.parse(readFileSync(new URL(url), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

function readCache(dir: string | undefined, key: string): string | undefined {
  if (dir === undefined) return undefined;
  try {
    return readFileSync(join(dir, key.slice(0, 2), key), "utf8");
  } catch {
    return undefined;
  }
}

function writeCache(dir: string | undefined, key: string, text: string): void {
  if (dir === undefined) return;
  try {
    const sub = join(dir, key.slice(0, 2));
    mkdirSync(sub, { recursive: true });
    const tmp = join(sub, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, text);
    renameSync(tmp, join(sub, key));
  } catch {
    // A cache that cannot be written only costs time.
  }
}
