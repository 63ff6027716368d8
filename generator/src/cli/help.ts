/** Help texts, with an example for every command. */
import generatorPackage from "../../package.json" with { type: "json" };

export const VERSION: string = generatorPackage.version;

const main = `idlc ${VERSION}: the YAML IDL compiler of the mvm pool model.

Usage: idlc <command> [options]

Commands:
  generate   Load idl/, check it, and write the TypeScript package to generated/.
  check      Fail when generated/ differs from what idl/ generates (for CI).
  diff       Say what changed between two versions of the IDL and what it breaks.

Options:
  -h, --help     Show help (also after a command: idlc generate --help).
  -v, --version  Print the version.

Examples:
  idlc generate
  idlc check
  idlc diff --base origin/main

Exit codes: 0 success; 1 errors in the IDL, drift (check) or breaking changes (diff); 2 usage errors.
Colour is used on a terminal only (FORCE_COLOR=1 forces it), never when NO_COLOR is set.
`;

const common = `  --idl DIR      IDL folder (default: idl, or "idlc.idl" in package.json)
  --out DIR      Output folder (default: generated, or "idlc.out" in package.json)
  --no-cache     Do not use the format cache (node_modules/.cache/idlc)
  --quiet        Print errors only
  -h, --help     Show this help
`;

const generate = `Usage: idlc generate [--idl DIR] [--out DIR] [--watch] [--force] [--quiet] [--no-cache]

Loads every *.yaml module of the IDL folder, checks it, and writes the package (types,
validators, JSON writers, path helpers, JSON Schemas, README) to the output folder.
With any error nothing is written. Output is swapped in whole, so a failed or killed run
leaves the folder as it was. dist/ and node_modules/ inside it are kept. Files idlc did not
write there (they are not in its .idlc-manifest) stop the run instead of being deleted.

Options:
${common}  --watch        Regenerate on every change of the IDL folder; keep the last good output
  --force        Replace the output folder even if it holds files idlc did not write

Examples:
  idlc generate
  idlc generate --idl test/golden/fixtures/minimal/idl --out /tmp/out
  idlc generate --watch
`;

const check = `Usage: idlc check [--idl DIR] [--out DIR] [--quiet] [--no-cache]

Generates in memory and compares with the output folder: any changed, missing or extra file
(dist/ and node_modules/ aside) is drift and exits with 1.

Options:
${common}
Examples:
  idlc check
  idlc check --quiet || echo "run idlc generate"
`;

export const HELP = { main, generate, check } as const;
