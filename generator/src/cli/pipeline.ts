/** The shared path of generate and check: read the IDL folder, load, generate every target, format. */
import { existsSync, statSync } from "node:fs";
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { generate, PREFORMATTED } from "../emit/generate.js";
import { cachedTsPrinter, createTsPrinter, type PrintStats } from "../emit/print-ts.js";
import { runtimeSource } from "../emit/runtime-source.js";
import { formatFiles, FormatterPool, PRETTIER_OPTIONS, type FormatStats } from "../format/format.js";
import { displayPath, PRESERVED, readIdlDir, RUST_PRESERVED, type Preserved } from "../io/files.js";
import { loadIdl, type SourceFile } from "../load.js";
import type { Model } from "../model/ir.js";
import { generateRust } from "../targets/rust/crate.js";
import { checkRustModel } from "../targets/rust/names.js";
import { UsageError } from "./args.js";
import type { ProjectConfig, RustTarget, Target, TsTarget } from "./config.js";
import { outputKey, readOutput, writeOutput } from "./output-cache.js";
import { diskPrintCache } from "./print-cache.js";

export interface PipelineResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly model?: Model;
  /** Each target's output files (formatted), when the IDL loaded without errors. */
  readonly outputs?: readonly TargetOutput[];
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

/** The files of one target. */
export interface TargetOutput {
  readonly target: Target;
  readonly files: Map<string, string>;
}

/** Entries of a target's output folder that its own build writes, kept by generate and check. */
export function preservedOf(target: Target): Preserved {
  return target.name === "ts" ? PRESERVED : RUST_PRESERVED;
}

/** What a target's output depends on besides the IDL and the idlc build: its settings. */
function settingsOf(target: Target): unknown {
  return target.name === "ts" ? target.package : { target: "rust", crate: target.crate };
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
  const keys = config.targets.map((t) => outputKey(sources, settingsOf(t), runtime));
  const cached = config.targets.map((_, i) => readOutput(config.cacheDir, keys[i]));
  if (cached.every((c) => c !== undefined)) {
    // The same IDL text through the same build: the same (diagnostic-free) result.
    lap("output-cache");
    return { diagnostics: [], outputs: config.targets.map((target, i) => ({ target, files: cached[i]! })), stats, timings };
  }
  const { model, diagnostics } = readModel(config.idlDir, sources);
  lap("load");
  if (!model) return { diagnostics, stats, timings };
  const rustMisses = config.targets.filter((t, i): t is RustTarget => t.name === "rust" && cached[i] === undefined);
  if (rustMisses.length > 0) {
    const rust = checkRustModel(model);
    if (hasErrors(rust)) return { diagnostics: sortDiagnostics([...diagnostics, ...rust]), stats, timings };
  }
  const outputs: TargetOutput[] = [];
  for (const [i, target] of config.targets.entries()) {
    let files = cached[i];
    if (files === undefined) {
      files = target.name === "ts" ? await generateTs(config, target, model, runtime, lap, stats, printStats) : generateCrate(target, model, lap);
      if (diagnostics.length === 0) writeOutput(config.cacheDir, keys[i], files);
    }
    outputs.push({ target, files });
  }
  const printed = config.targets.some((t, i) => t.name === "ts" && cached[i] === undefined) && config.cacheDir !== undefined;
  return { diagnostics, model, outputs, stats, ...(printed && { printStats }), timings };
}

async function generateTs(
  config: ProjectConfig,
  target: TsTarget,
  model: Model,
  runtime: string,
  lap: (phase: string) => void,
  stats: FormatStats,
  printStats: PrintStats,
): Promise<Map<string, string>> {
  // Prettier starts on another thread while ts-morph loads and emits here (IDLC_FORMAT_THREADS=0: no threads).
  const threads = process.env["IDLC_FORMAT_THREADS"];
  const pool = threads === "0" ? undefined : new FormatterPool(PRETTIER_OPTIONS, threads ? Number(threads) : undefined);
  pool?.warm(1);
  try {
    const printCache = diskPrintCache(config.cacheDir);
    const printTs = printCache === undefined ? createTsPrinter() : cachedTsPrinter(createTsPrinter(), printCache, printStats);
    const raw = generate(model, { package: target.package, runtimeSource: runtime, printTs });
    lap("generate");
    const files = await formatFiles(raw, { cacheDir: config.cacheDir, pool, preformatted: PREFORMATTED }, stats);
    lap("format");
    return files;
  } finally {
    await pool?.close();
  }
}

function generateCrate(target: RustTarget, model: Model, lap: (phase: string) => void): Map<string, string> {
  const files = new Map(generateRust(model, { crate: target.crate }));
  lap("rust");
  return files;
}
