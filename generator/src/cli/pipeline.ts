/** The shared path of generate and check: read the IDL folder, load, generate every target. */
import { existsSync, statSync } from "node:fs";
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { generate } from "../emit/generate.js";
import { runtimeSource } from "../emit/runtime-source.js";
import { displayPath, PRESERVED, readIdlDir, RUST_PRESERVED, type Preserved } from "../io/files.js";
import { loadIdl, type SourceFile } from "../load.js";
import type { Model } from "../model/ir.js";
import { generateRust } from "../targets/rust/crate.js";
import { checkRustModel } from "../targets/rust/names.js";
import { UsageError } from "./args.js";
import type { ProjectConfig, Target } from "./config.js";

export interface PipelineResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly model?: Model;
  /** Each target's output files, when the IDL loaded without errors. */
  readonly outputs?: readonly TargetOutput[];
  /** Milliseconds per phase, for IDLC_TIMING=1 and the benchmarks. */
  readonly timings: Record<string, number>;
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
  if (config.targets.some((t) => t.name === "rust")) {
    // What Rust cannot say (a reserved word as a name, a pattern it cannot match) is an IDL error.
    const rust = checkRustModel(model);
    if (hasErrors(rust)) return { diagnostics: sortDiagnostics([...diagnostics, ...rust]), timings };
  }
  const outputs = config.targets.map((target): TargetOutput => {
    const files =
      target.name === "ts"
        ? new Map(generate(model, { package: target.package, runtimeSource: runtimeSource() }))
        : new Map(generateRust(model, { crate: target.crate }));
    lap(target.name);
    return { target, files };
  });
  return { diagnostics, model, outputs, timings };
}
