/**
 * `idlc diff`: reads both sides (folders or git revisions), loads each with the loader, diffs the
 * models, applies idl/accepted-changes.yaml of the head, prints one format and sets the exit code.
 */
import { existsSync } from "node:fs";
import { relative, sep } from "node:path";
import { applyAcceptances, parseAcceptances, type Acceptance } from "../diff/accept.js";
import { diffModels } from "../diff/diff-models.js";
import { formatGithub } from "../diff/format/github.js";
import { formatJson } from "../diff/format/json.js";
import { formatMarkdown } from "../diff/format/markdown.js";
import { formatText } from "../diff/format/text.js";
import { exitCodeOf, type DiffReport, type FailOn } from "../diff/report.js";
import { loadSide, readSide, SideError, type Side } from "../diff/sides.js";
import { assertNever, type Model } from "../model/ir.js";
import { flagString, parseArgs, UsageError } from "./args.js";
import { readConfig } from "./config.js";
import { HELP } from "./help.js";
import { createOutput, useColor, type Output } from "./output.js";

const FORMATS = ["text", "json", "markdown", "github"] as const;
type Format = (typeof FORMATS)[number];

const USAGE_ERROR = 2;

/** Runs `idlc diff` with the arguments after the command; resolves to the exit code. */
export async function diffCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, {
    help: { value: false },
    quiet: { value: false },
    base: { value: true },
    head: { value: true },
    idl: { value: true },
    format: { value: true, choices: FORMATS },
    "fail-on": { value: true, choices: ["breaking", "dangerous"] },
  });
  if (args.flags.has("help")) {
    process.stdout.write(HELP.diff);
    return 0;
  }
  const cwd = process.cwd();
  const { base, head } = sideSpecs(args.positionals, flagString(args, "base"), flagString(args, "head"));
  const idlDir = readConfig(cwd, { idl: flagString(args, "idl"), noCache: true }).idlDir;
  const gitDir = relative(cwd, idlDir).split(sep).join("/") || ".";
  const out = createOutput(args.flags.has("quiet"));

  const baseSide = side(base, gitDir, cwd);
  if (head === undefined && !existsSync(idlDir)) throw new UsageError(`IDL folder '${gitDir}' does not exist; give the head side`);
  const headSide = side(head ?? gitDir, gitDir, cwd);
  const baseModel = loadReported("base", baseSide, out);
  const headModel = loadReported("head", headSide, out);
  const accepted = readAcceptances(headSide, out);
  if (baseModel === undefined || headModel === undefined || accepted === undefined) return USAGE_ERROR;

  const applied = applyAcceptances(diffModels(baseModel, headModel), accepted);
  const report: DiffReport = {
    base: baseSide.info,
    head: headSide.info,
    failOn: (flagString(args, "fail-on") ?? "breaking") as FailOn,
    findings: applied.findings,
    warnings: applied.warnings,
  };
  process.stdout.write(render(report, (flagString(args, "format") ?? "text") as Format, args.flags.has("quiet")));
  return exitCodeOf(report);
}

function sideSpecs(
  positionals: readonly string[],
  base: string | undefined,
  head: string | undefined,
): { base: string; head: string | undefined } {
  if (positionals.length > 2) throw new UsageError(`diff takes at most two sides (base and head); got '${positionals[2]}'`);
  const [first, second] = positionals;
  if (first !== undefined && base !== undefined) throw new UsageError(`give the base once: '--base ${base}' or '${first}'`);
  if (second !== undefined && head !== undefined) throw new UsageError(`give the head once: '--head ${head}' or '${second}'`);
  const b = base ?? first;
  if (b === undefined) throw new UsageError("diff needs a base, such as 'idlc diff --base origin/main'");
  return { base: b, head: head ?? second };
}

function side(spec: string, gitDir: string, cwd: string): Side {
  try {
    return readSide(spec, gitDir, cwd);
  } catch (error) {
    if (error instanceof SideError) throw new UsageError(error.message);
    throw error;
  }
}

function loadReported(which: "base" | "head", side: Side, out: Output): Model | undefined {
  const { model, diagnostics } = loadSide(side);
  if (model !== undefined) return model;
  const label = side.info.kind === "git" ? `${side.info.dir} at ${side.info.revision}` : side.info.dir;
  out.error(`idlc: the ${which} side (${label}) does not load:`);
  out.diagnostics(diagnostics);
  return undefined;
}

function readAcceptances(head: Side, out: Output): readonly Acceptance[] | undefined {
  if (head.accepted === undefined) return [];
  const { entries, diagnostics } = parseAcceptances(head.accepted);
  if (diagnostics.length === 0) return entries;
  out.error(`idlc: ${head.accepted.path} is not valid:`);
  out.diagnostics(diagnostics);
  return undefined;
}

function render(report: DiffReport, format: Format, quiet: boolean): string {
  switch (format) {
    case "text":
      return formatText(report, { color: useColor(process.stdout), quiet });
    case "json":
      return formatJson(report);
    case "markdown":
      return formatMarkdown(report);
    case "github":
      return formatGithub(report);
    default:
      return assertNever(format);
  }
}
