/**
 * Formats generated TypeScript with prettier. Files are cut into their top-level statements
 * (the emitter separates them with a blank line and never puts a blank line at column 0 inside
 * one), so each statement is formatted on its own: the result is what formatting the whole
 * file gives, statements are cached by content hash (an edit to one type reformats one type),
 * and large batches are spread over worker threads. Prettier is not even loaded when every
 * statement hits the cache. JSON and Markdown are written formatted by the emitter.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";

export const PRETTIER_OPTIONS = { parser: "typescript", printWidth: 120, trailingComma: "all" } as const;

export interface FormatOptions {
  /** Folder of the format cache; no cache when undefined. */
  readonly cacheDir?: string | undefined;
  /** Worker threads to use for a large batch; defaults to the machine's parallelism. */
  readonly workers?: number | undefined;
}

export interface FormatStats {
  formatted: number;
  cached: number;
}

/** Below this much text to format, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 256 * 1024;

/** Cuts a generated TypeScript file into top-level statements (and the header comment). */
export function splitStatements(text: string): string[] {
  return text.split(/\n\n(?=\S)/);
}

export async function formatFiles(
  files: ReadonlyMap<string, string>,
  options: FormatOptions = {},
  stats: FormatStats = { formatted: 0, cached: 0 },
): Promise<Map<string, string>> {
  const pieces = new Map<string, (string | undefined)[]>();
  const todo: { path: string; index: number; text: string; key: string }[] = [];
  for (const [path, text] of files) {
    if (!path.endsWith(".ts")) continue;
    const chunks = splitStatements(text);
    const done = chunks.map((chunk, index) => {
      const key = cacheKey(chunk);
      const hit = readCache(options.cacheDir, key);
      if (hit === undefined) todo.push({ path, index, text: chunk, key });
      return hit;
    });
    pieces.set(path, done);
  }
  stats.cached += [...pieces.values()].reduce((n, p) => n + p.filter((x) => x !== undefined).length, 0);
  const formatted = await formatAll(
    todo.map((t) => t.text),
    options.workers,
  );
  todo.forEach((t, i) => {
    pieces.get(t.path)![t.index] = formatted[i]!;
    writeCache(options.cacheDir, t.key, formatted[i]!);
  });
  stats.formatted += todo.length;
  const out = new Map<string, string>();
  for (const [path, text] of files) out.set(path, pieces.has(path) ? pieces.get(path)!.join("\n") : text);
  return out;
}

/** Formats snippets in order: in this thread for small batches, else on worker threads. */
async function formatAll(texts: readonly string[], workers: number | undefined): Promise<string[]> {
  if (texts.length === 0) return [];
  const size = texts.reduce((n, t) => n + t.length, 0);
  const threads = Math.min(workers ?? availableParallelism(), Math.ceil(size / PARALLEL_THRESHOLD), texts.length);
  if (threads <= 1) {
    const prettier = await import("prettier");
    const out: string[] = [];
    for (const t of texts) out.push(await prettier.format(t, PRETTIER_OPTIONS));
    return out;
  }
  return formatOnWorkers(texts, threads);
}

/** The worker: formats the snippets it is given with the prettier the main thread resolved. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
import(workerData.prettier).then(async (prettier) => {
  const out = [];
  for (const text of workerData.texts) out.push(await prettier.format(text, workerData.options));
  parentPort.postMessage(out);
});
`;

async function formatOnWorkers(texts: readonly string[], threads: number): Promise<string[]> {
  // Spread by size, largest first, so the threads finish together.
  const order = texts.map((_t, i) => i).sort((a, b) => texts[b]!.length - texts[a]!.length);
  const buckets: number[][] = Array.from({ length: threads }, () => []);
  const load = new Array<number>(threads).fill(0);
  for (const i of order) {
    const b = load.indexOf(Math.min(...load));
    buckets[b]!.push(i);
    load[b]! += texts[i]!.length;
  }
  const prettierUrl = import.meta.resolve("prettier");
  const results = await Promise.all(
    buckets.map(
      (bucket) =>
        new Promise<string[]>((resolve, reject) => {
          const worker = new Worker(WORKER_SOURCE, {
            eval: true,
            workerData: { prettier: prettierUrl, options: PRETTIER_OPTIONS, texts: bucket.map((i) => texts[i]) },
          });
          worker.once("message", (out: string[]) => {
            resolve(out);
            void worker.terminate();
          });
          worker.once("error", reject);
        }),
    ),
  );
  const out = new Array<string>(texts.length);
  buckets.forEach((bucket, b) => bucket.forEach((i, j) => (out[i] = results[b]![j]!)));
  return out;
}

/** The cache key covers the formatter's version and options, so upgrading prettier invalidates it. */
function cacheKey(text: string): string {
  return createHash("sha256").update(`${PRETTIER_VERSION}\0${JSON.stringify(PRETTIER_OPTIONS)}\0`).update(text).digest("hex");
}

declare const __PRETTIER_VERSION__: string | undefined;

/** Set by the build from the installed prettier; read from its package.json when running from source. */
const PRETTIER_VERSION: string = typeof __PRETTIER_VERSION__ === "string" ? __PRETTIER_VERSION__ : readPrettierVersion();

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
