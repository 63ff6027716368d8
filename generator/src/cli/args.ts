/** A small, strict command-line parser: known flags only, values checked, errors as usage errors. */

export class UsageError extends Error {}

export interface FlagSpec {
  /** Takes a value (`--out DIR`) or is a switch (`--quiet`). */
  readonly value: boolean;
  readonly choices?: readonly string[];
}

export interface ParsedArgs {
  readonly flags: Map<string, string | true>;
  readonly positionals: string[];
}

export function parseArgs(argv: readonly string[], specs: Readonly<Record<string, FlagSpec>>): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = (eq > 0 ? arg.slice(0, eq) : arg).replace(/^--?/, "");
    const spec = specs[name === "h" ? "help" : name];
    if (spec === undefined) throw new UsageError(`unknown option '${arg}'`);
    if (!spec.value) {
      if (eq > 0) throw new UsageError(`option '--${name}' takes no value`);
      flags.set(name === "h" ? "help" : name, true);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith("--"))) throw new UsageError(`option '--${name}' needs a value`);
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`option '--${name}' must be one of ${spec.choices.join(", ")}; got '${value}'`);
    }
    flags.set(name, value);
  }
  return { flags, positionals };
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === "string" ? v : undefined;
}
