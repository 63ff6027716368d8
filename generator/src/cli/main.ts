/**
 * idlc, the command line: generate, check, diff and import. Exit codes: 0 success, 1 errors in
 * the IDL (or drift for check, breaking changes for diff, something left to finish for import),
 * 2 usage errors. Generate and check work on every configured target (the TypeScript package,
 * the Rust crate), or the one `--target` picks.
 */
import { displayPath, diffTree, foreignFiles, isClean, recoverInterruptedSwap, writeTreeAtomic } from "../io/files.js";
import { flagString, parseArgs, UsageError, type FlagSpec, type ParsedArgs } from "./args.js";
import { readConfig, TARGET_NAMES, type ProjectConfig } from "./config.js";
import { HELP, VERSION } from "./help.js";
import { createOutput, type Output } from "./output.js";
import { preservedOf, runPipeline } from "./pipeline.js";

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const COMMON: Record<string, FlagSpec> = {
  help: { value: false },
  quiet: { value: false },
  idl: { value: true },
  out: { value: true },
  target: { value: true, choices: TARGET_NAMES },
};

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP.main);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === "--version" || command === "-v") {
    process.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  try {
    switch (command) {
      case "generate":
        return await generateCommand(rest);
      case "check":
        return await checkCommand(rest);
      case "diff": {
        const { diffCommand } = await import("./diff-command.js");
        return await diffCommand(rest);
      }
      case "import": {
        // The Rust parser (WebAssembly) loads only here: generate, check and diff never pay for it.
        const { importCommand } = await import("./import-command.js");
        return await importCommand(rest);
      }
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`idlc: ${error.message}\nRun 'idlc --help' for usage.\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

/** What generate and check share: their flags, help, output and project settings. */
function setUp(
  command: "generate" | "check",
  argv: readonly string[],
  extra: Record<string, FlagSpec> = {},
): { args: ParsedArgs; out: Output; config: ProjectConfig } | undefined {
  const args = parseArgs(argv, { ...COMMON, ...extra });
  if (args.flags.has("help")) {
    process.stdout.write(HELP[command]);
    return undefined;
  }
  if (args.positionals.length > 0) throw new UsageError(`${command} takes no arguments; got '${args.positionals[0]}'`);
  const config = readConfig(process.cwd(), {
    idl: flagString(args, "idl"),
    out: flagString(args, "out"),
    target: flagString(args, "target"),
  });
  return { args, out: createOutput(args.flags.has("quiet")), config };
}

async function generateCommand(argv: readonly string[]): Promise<number> {
  const run = setUp("generate", argv, { watch: { value: false }, force: { value: false } });
  if (run === undefined) return EXIT.ok;
  const { args, out, config } = run;
  const force = args.flags.has("force");
  if (args.flags.has("watch")) {
    const { watchCommand } = await import("./watch.js");
    return watchCommand(config, out, force);
  }
  return generateOnce(config, out, force);
}

/** The output folders of a run, for messages: `generated`, or `generated and generated-rust`. */
export function outputDirs(config: ProjectConfig): string {
  return config.targets.map((t) => displayPath(t.outDir)).join(" and ");
}

export async function generateOnce(config: ProjectConfig, out: Output, force = false): Promise<number> {
  const started = performance.now();
  for (const t of config.targets) recoverInterruptedSwap(t.outDir, preservedOf(t));
  const result = runPipeline(config);
  out.diagnostics(result.diagnostics);
  if (!result.outputs) {
    out.error(`Nothing written to ${outputDirs(config)}.`);
    return EXIT.failed;
  }
  const runs = result.outputs.map((o) => ({ ...o, drift: diffTree(o.target.outDir, o.files, preservedOf(o.target)) }));
  const ms = Math.round(performance.now() - started);
  if (process.env["IDLC_TIMING"]) {
    const phases = Object.entries(result.timings).map(([k, v]) => `${k} ${v} ms`);
    out.error(`timing: start ${Math.round(started)} ms, ${phases.join(", ")}`);
  }
  // Files idlc did not write stop the whole run before any folder is replaced.
  let stopped = false;
  for (const r of runs) {
    const foreign = force || isClean(r.drift) ? [] : foreignFiles(r.target.outDir, r.drift.extra);
    const dir = displayPath(r.target.outDir);
    for (const p of foreign) out.error(`${dir}/${p}: not written by idlc`);
    if (foreign.length > 0) {
      out.error(`Nothing written: replacing ${dir} would delete the files above. Move them, or pass --force.`);
      stopped = true;
    }
  }
  if (stopped) return EXIT.usage;
  for (const r of runs) {
    const dir = displayPath(r.target.outDir);
    if (isClean(r.drift)) {
      out.info(`${dir} is up to date (${r.files.size} files, ${ms} ms).`);
      continue;
    }
    writeTreeAtomic(r.target.outDir, r.files, preservedOf(r.target));
    for (const removed of r.drift.extra) out.info(`removed ${dir}/${removed} (no longer generated)`);
    const changed = r.drift.changed.length + r.drift.missing.length;
    out.info(`Wrote ${dir}: ${changed} of ${r.files.size} files changed (${ms} ms).`);
  }
  return EXIT.ok;
}

async function checkCommand(argv: readonly string[]): Promise<number> {
  const run = setUp("check", argv);
  if (run === undefined) return EXIT.ok;
  const { out, config } = run;
  const result = runPipeline(config);
  out.diagnostics(result.diagnostics);
  if (!result.outputs) return EXIT.failed;
  let drifted = false;
  for (const o of result.outputs) {
    const drift = diffTree(o.target.outDir, o.files, preservedOf(o.target));
    const dir = displayPath(o.target.outDir);
    if (isClean(drift)) {
      out.info(`${dir} matches ${displayPath(config.idlDir)} (${o.files.size} files).`);
      continue;
    }
    drifted = true;
    for (const p of drift.changed) out.error(`${dir}/${p}: differs from what the IDL generates`);
    for (const p of drift.missing) out.error(`${dir}/${p}: missing`);
    for (const p of drift.extra) out.error(`${dir}/${p}: not generated from the IDL`);
    out.error(`${dir} is out of date with ${displayPath(config.idlDir)}: run 'idlc generate'.`);
  }
  return drifted ? EXIT.failed : EXIT.ok;
}
