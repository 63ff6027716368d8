/** The shared path of generate and check: read the IDL folder, load, generate, format. */
import { existsSync, statSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic } from "../diagnostics/diagnostic.js";
import { generate, PREFORMATTED } from "../emit/generate.js";
import { cachedTsPrinter, createTsPrinter, type PrintStats } from "../emit/print-ts.js";
import { runtimeSource } from "../emit/runtime-source.js";
import { formatFiles, FormatterPool, PRETTIER_OPTIONS, type FormatStats } from "../format/format.js";
import { displayPath, readIdlDir } from "../io/files.js";
import { loadIdl, type SourceFile } from "../load.js";
import type { Model } from "../model/ir.js";
import { UsageError } from "./args.js";
import type { ProjectConfig } from "./config.js";
import { outputKey, readOutput, writeOutput } from "./output-cache.js";
import { diskPrintCache } from "./print-cache.js";

export interface PipelineResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly model?: Model;
  /** Formatted output files, when the IDL loaded without errors. */
  readonly files?: Map<string, string>;
  readonly stats: FormatStats;
  /** Modules printed by ts-morph and taken from the print cache (zero when caching is off). */
  readonly printStats?: PrintStats;
  /** Milliseconds per phase, for IDLC_TIMING=1 and the benchmarks. */
  readonly timings: Record<string, number>;
}

/** The IDL folder's module files; a missing folder is a usage error. */
export function readSources(idlDir: string): SourceFile[] {
  if (!existsSync(idlDir) || !statSync(idlDir).isDirectory()) {
    throw new UsageError(`IDL folder '${displayPath(idlDir)}' does not exist`);
  }
  return readIdlDir(idlDir);
}

export function readModel(idlDir: string, sources = readSources(idlDir)): { diagnostics: readonly Diagnostic[]; model?: Model | undefined } {
  if (sources.length === 0) {
    const at = { file: displayPath(idlDir), start: { line: 1, col: 1, offset: 0 }, end: { line: 1, col: 1, offset: 0 } };
    return { diagnostics: [diagnostic("no-modules", at, { dir: displayPath(idlDir) })] };
  }
  return loadIdl(sources);
}

export async function runPipeline(config: ProjectConfig): Promise<PipelineResult> {
  const stats: FormatStats = { formatted: 0, cached: 0 };
  const printStats: PrintStats = { printed: 0, reused: 0 };
  const timings: Record<string, number> = {};
  let last = performance.now();
  const lap = (phase: string): void => {
    const now = performance.now();
    timings[phase] = Math.round(now - last);
    last = now;
  };
  const sources = readSources(config.idlDir);
  const runtime = runtimeSource();
  const key = outputKey(sources, config.package, runtime);
  const cached = readOutput(config.cacheDir, key);
  if (cached !== undefined) {
    // The same IDL text through the same build: the same (diagnostic-free) result.
    lap("output-cache");
    return { diagnostics: [], files: cached, stats, timings };
  }
  const { model, diagnostics } = readModel(config.idlDir, sources);
  lap("load");
  if (!model) return { diagnostics, stats, timings };
  // Prettier starts on another thread while ts-morph loads and emits here (IDLC_FORMAT_THREADS=0: no threads).
  const threads = process.env["IDLC_FORMAT_THREADS"];
  const pool = threads === "0" ? undefined : new FormatterPool(PRETTIER_OPTIONS, threads ? Number(threads) : undefined);
  pool?.warm(1);
  try {
    const printCache = diskPrintCache(config.cacheDir);
    const printTs = printCache === undefined ? createTsPrinter() : cachedTsPrinter(createTsPrinter(), printCache, printStats);
    const raw = generate(model, { package: config.package, runtimeSource: runtime, printTs });
    lap("generate");
    const files = await formatFiles(raw, { cacheDir: config.cacheDir, pool, preformatted: PREFORMATTED }, stats);
    lap("format");
    if (diagnostics.length === 0) writeOutput(config.cacheDir, key, files);
    return { diagnostics, model, files, stats, ...(printCache && { printStats }), timings };
  } finally {
    await pool?.close();
  }
}
