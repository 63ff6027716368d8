/**
 * Formats generated TypeScript with prettier. Files are cut into their top-level statements
 * (the emitter separates them with a blank line and never puts a blank line at column 0 inside
 * one), so each statement is formatted on its own: the result is what formatting the whole
 * file gives, statements are cached by content hash (an edit to one type reformats one type),
 * and large batches are spread over worker threads. Prettier is not even loaded when every
 * statement hits the cache. JSON and Markdown are written formatted by the emitter.
 */
import { createHash } from "node:crypto";
import { entryPath, readEntryJson, writeEntry } from "../io/cache-file.js";
import { installedVersion } from "../io/package-version.js";
import { FormatterPool } from "./formatter-pool.js";

export { FormatterPool } from "./formatter-pool.js";

/** babel-ts parses TypeScript about twice as fast as prettier's typescript parser; a test checks both print the same. */
export const PRETTIER_OPTIONS = { parser: "babel-ts", printWidth: 120, trailingComma: "all" } as const;

export interface FormatOptions {
  /** Folder of the format cache; no cache when undefined. */
  readonly cacheDir?: string | undefined;
  /** Worker threads to format on; without one, everything is formatted in this thread. */
  readonly pool?: FormatterPool | undefined;
  /** Files that are formatted already (copied verbatim, checked by a test), left as they are. */
  readonly preformatted?: ReadonlySet<string> | undefined;
}

export interface FormatStats {
  formatted: number;
  cached: number;
}

/** Below this much text to format, starting a worker costs more than it saves. */
const IN_THREAD_LIMIT = 256 * 1024;

/** Snippets are sent to prettier in batches of about this size. */
const BATCH_BYTES = 48 * 1024;

/** Cuts a generated TypeScript file into top-level statements (and the header comment). */
export function splitStatements(text: string): string[] {
  return text.split(/\n\n(?=\S)/);
}

export async function formatFiles(
  files: ReadonlyMap<string, string>,
  options: FormatOptions = {},
  stats: FormatStats = { formatted: 0, cached: 0 },
): Promise<Map<string, string>> {
  const pieces = new Map<string, { keys: string[]; out: (string | undefined)[] }>();
  const todo: { path: string; index: number; text: string }[] = [];
  for (const [path, text] of files) {
    if (!path.endsWith(".ts") || options.preformatted?.has(path)) continue;
    const cached = readCache(options.cacheDir, path);
    const chunks = splitStatements(text);
    const keys = chunks.map(cacheKey);
    const out = chunks.map((chunk, index) => {
      const hit = cached?.[keys[index]!];
      if (typeof hit !== "string") todo.push({ path, index, text: chunk });
      return typeof hit === "string" ? hit : undefined;
    });
    pieces.set(path, { keys, out });
  }
  stats.cached += [...pieces.values()].reduce((n, p) => n + p.out.filter((x) => x !== undefined).length, 0);
  const formatted = await formatAll(
    todo.map((t) => t.text),
    options.pool,
  );
  todo.forEach((t, i) => (pieces.get(t.path)!.out[t.index] = formatted[i]!));
  stats.formatted += todo.length;
  const changed = new Set(todo.map((t) => t.path));
  const result = new Map<string, string>();
  for (const [path, text] of files) {
    const p = pieces.get(path);
    if (p === undefined) {
      result.set(path, text);
      continue;
    }
    const out = p.out as string[];
    if (changed.has(path)) writeCache(options.cacheDir, path, Object.fromEntries(p.keys.map((k, i) => [k, out[i]!])));
    result.set(path, out.join("\n"));
  }
  return result;
}

/**
 * Formats snippets in order: on the pool when one is given (warmed, or when the batch is large),
 * else in this thread. Snippets travel in batches, since each call to prettier has a cost of its
 * own: a batch is the snippets joined by blank lines, and its formatted text splits back at the
 * same boundaries (checked: a batch that does not split cleanly is formatted snippet by snippet).
 */
async function formatAll(texts: readonly string[], pool: FormatterPool | undefined): Promise<string[]> {
  if (texts.length === 0) return [];
  const size = texts.reduce((n, t) => n + t.length, 0);
  const batches = batch(texts);
  const format = async (inputs: string[]): Promise<string[]> => {
    if (pool !== undefined && (pool.warmed || size > IN_THREAD_LIMIT)) return pool.format(inputs);
    const prettier = await import("prettier");
    const out: string[] = [];
    for (const t of inputs) out.push(await prettier.format(t, PRETTIER_OPTIONS));
    return out;
  };
  const formatted = await format(batches.map((b) => b.map((i) => texts[i]!).join("\n\n")));
  const out = new Array<string>(texts.length);
  const retry: number[] = [];
  batches.forEach((b, k) => {
    const parts = splitStatements(formatted[k]!);
    if (parts.length !== b.length) return retry.push(...b);
    b.forEach((i, j) => (out[i] = j === parts.length - 1 ? parts[j]! : `${parts[j]}\n`));
  });
  if (retry.length > 0) {
    const again = await format(retry.map((i) => texts[i]!));
    retry.forEach((i, j) => (out[i] = again[j]!));
  }
  return out;
}

/** Consecutive snippets grouped into batches of about BATCH_BYTES. */
function batch(texts: readonly string[]): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  texts.forEach((t, i) => {
    if (current.length > 0 && bytes + t.length > BATCH_BYTES) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(i);
    bytes += t.length;
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The cache key covers the formatter's version and options, so upgrading prettier invalidates it. */
function cacheKey(text: string): string {
  return createHash("sha256").update(`${PRETTIER_VERSION}\0${JSON.stringify(PRETTIER_OPTIONS)}\0`).update(text).digest("hex");
}

declare const __PRETTIER_VERSION__: string | undefined;

/** Set by the build from the installed prettier; read from its package.json when running from source. */
const PRETTIER_VERSION: string = typeof __PRETTIER_VERSION__ === "string" ? __PRETTIER_VERSION__ : installedVersion("prettier");

/**
 * The cache holds, per output file, its statements' formatted text by content hash: one read and
 * (when something changed) one write per file, rather than one per statement.
 */
function readCache(dir: string | undefined, path: string): Record<string, unknown> | undefined {
  if (dir === undefined) return undefined;
  const entry = readEntryJson(entryPath(dir, "format", path));
  return typeof entry === "object" && entry !== null && !Array.isArray(entry) ? (entry as Record<string, unknown>) : undefined;
}

function writeCache(dir: string | undefined, path: string, entries: Record<string, string>): void {
  if (dir !== undefined) writeEntry(entryPath(dir, "format", path), JSON.stringify(entries));
}
