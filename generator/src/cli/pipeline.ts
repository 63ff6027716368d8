/** The shared path of generate and check: read the IDL folder, load, generate, format. */
import { existsSync, statSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic } from "../diagnostics/diagnostic.js";
import { generate } from "../emit/generate.js";
import { runtimeSource } from "../emit/runtime-source.js";
import { formatFiles, type FormatStats } from "../format/format.js";
import { displayPath, readIdlDir } from "../io/files.js";
import { loadIdl } from "../load.js";
import type { Model } from "../model/ir.js";
import { UsageError } from "./args.js";
import type { ProjectConfig } from "./config.js";

export interface PipelineResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly model?: Model;
  /** Formatted output files, when the IDL loaded without errors. */
  readonly files?: Map<string, string>;
  readonly stats: FormatStats;
  /** Milliseconds per phase, for IDLC_TIMING=1 and the benchmarks. */
  readonly timings: Record<string, number>;
}

export function readModel(idlDir: string): { diagnostics: readonly Diagnostic[]; model?: Model } {
  if (!existsSync(idlDir) || !statSync(idlDir).isDirectory()) {
    throw new UsageError(`IDL folder '${displayPath(idlDir)}' does not exist`);
  }
  const files = readIdlDir(idlDir);
  if (files.length === 0) {
    const at = { file: displayPath(idlDir), start: { line: 1, col: 1, offset: 0 }, end: { line: 1, col: 1, offset: 0 } };
    return { diagnostics: [diagnostic("no-modules", at, { dir: displayPath(idlDir) })] };
  }
  const { model, diagnostics } = loadIdl(files);
  return model ? { model, diagnostics } : { diagnostics };
}

export async function runPipeline(config: ProjectConfig): Promise<PipelineResult> {
  const stats: FormatStats = { formatted: 0, cached: 0 };
  const timings: Record<string, number> = {};
  let last = performance.now();
  const lap = (phase: string): void => {
    const now = performance.now();
    timings[phase] = Math.round(now - last);
    last = now;
  };
  const { model, diagnostics } = readModel(config.idlDir);
  lap("load");
  if (!model) return { diagnostics, stats, timings };
  const raw = generate(model, { package: config.package, runtimeSource: runtimeSource() });
  lap("generate");
  const files = await formatFiles(raw, { cacheDir: config.cacheDir }, stats);
  lap("format");
  return { diagnostics, model, files, stats, timings };
}
