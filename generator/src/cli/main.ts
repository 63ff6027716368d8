/**
 * idlc, the command line: generate, check, diff and import. Exit codes: 0 success, 1 errors in
 * the IDL (or drift for check, breaking changes for diff, something left to finish for import),
 * 2 usage errors.
 */
import { displayPath, diffTree, foreignFiles, isClean, recoverInterruptedSwap, writeTreeAtomic } from "../io/files.js";
import { flagString, parseArgs, UsageError, type FlagSpec, type ParsedArgs } from "./args.js";
import { readConfig, type ProjectConfig } from "./config.js";
import { HELP, VERSION } from "./help.js";
import { createOutput, type Output } from "./output.js";
import { runPipeline } from "./pipeline.js";

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const COMMON: Record<string, FlagSpec> = {
  help: { value: false },
  quiet: { value: false },
  idl: { value: true },
  out: { value: true },
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
  const config = readConfig(process.cwd(), { idl: flagString(args, "idl"), out: flagString(args, "out") });
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

export async function generateOnce(config: ProjectConfig, out: Output, force = false): Promise<number> {
  const started = performance.now();
  recoverInterruptedSwap(config.outDir);
  const result = runPipeline(config);
  out.diagnostics(result.diagnostics);
  if (!result.files) {
    out.error(`Nothing written to ${displayPath(config.outDir)}.`);
    return EXIT.failed;
  }
  const drift = diffTree(config.outDir, result.files);
  const ms = Math.round(performance.now() - started);
  if (process.env["IDLC_TIMING"]) {
    const phases = Object.entries(result.timings).map(([k, v]) => `${k} ${v} ms`);
    out.error(`timing: start ${Math.round(started)} ms, ${phases.join(", ")}`);
  }
  if (isClean(drift)) {
    out.info(`${displayPath(config.outDir)} is up to date (${result.files.size} files, ${ms} ms).`);
    return EXIT.ok;
  }
  const foreign = force ? [] : foreignFiles(config.outDir, drift.extra);
  if (foreign.length > 0) {
    const dir = displayPath(config.outDir);
    for (const p of foreign) out.error(`${dir}/${p}: not written by idlc`);
    out.error(`Nothing written: replacing ${dir} would delete the files above. Move them, or pass --force.`);
    return EXIT.usage;
  }
  writeTreeAtomic(config.outDir, result.files);
  for (const removed of drift.extra) out.info(`removed ${displayPath(config.outDir)}/${removed} (no longer generated)`);
  const changed = drift.changed.length + drift.missing.length;
  out.info(`Wrote ${displayPath(config.outDir)}: ${changed} of ${result.files.size} files changed (${ms} ms).`);
  return EXIT.ok;
}

async function checkCommand(argv: readonly string[]): Promise<number> {
  const run = setUp("check", argv);
  if (run === undefined) return EXIT.ok;
  const { out, config } = run;
  const result = runPipeline(config);
  out.diagnostics(result.diagnostics);
  if (!result.files) return EXIT.failed;
  const drift = diffTree(config.outDir, result.files);
  if (isClean(drift)) {
    out.info(`${displayPath(config.outDir)} matches ${displayPath(config.idlDir)} (${result.files.size} files).`);
    return EXIT.ok;
  }
  const dir = displayPath(config.outDir);
  for (const p of drift.changed) out.error(`${dir}/${p}: differs from what the IDL generates`);
  for (const p of drift.missing) out.error(`${dir}/${p}: missing`);
  for (const p of drift.extra) out.error(`${dir}/${p}: not generated from the IDL`);
  out.error(`${dir} is out of date with ${displayPath(config.idlDir)}: run 'idlc generate'.`);
  return EXIT.failed;
}
