/** The shared path of generate and check: read the IDL folder, load, generate. */
import { existsSync, statSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { diagnostic } from "../diagnostics/diagnostic.js";
import { generate } from "../emit/generate.js";
import { runtimeSource } from "../emit/runtime-source.js";
import { displayPath, readIdlDir } from "../io/files.js";
import { loadIdl, type SourceFile } from "../load.js";
import type { Model } from "../model/ir.js";
import { UsageError } from "./args.js";
import type { ProjectConfig } from "./config.js";

export interface PipelineResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly model?: Model;
  /** Output files, when the IDL loaded without errors. */
  readonly files?: Map<string, string>;
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

export function runPipeline(config: ProjectConfig): PipelineResult {
  const timings: Record<string, number> = {};
  let last = performance.now();
  const lap = (phase: string): void => {
    const now = performance.now();
    timings[phase] = Math.round(now - last);
    last = now;
  };
  const sources = readSources(config.idlDir);
  lap("read");
  const { model, diagnostics } = readModel(config.idlDir, sources);
  lap("load");
  if (!model) return { diagnostics, timings };
  const files = new Map(generate(model, { package: config.package, runtimeSource: runtimeSource() }));
  lap("generate");
  return { diagnostics, model, files, timings };
}
