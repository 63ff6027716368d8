/** Help texts, with an example for every command. */
import generatorPackage from "../../package.json" with { type: "json" };

export const VERSION: string = generatorPackage.version;

const main = `idlc ${VERSION}: the YAML IDL compiler of the mvm pool model.

Usage: idlc <command> [options]

Commands:
  generate   Load idl/, check it, and write the TypeScript package (generated/) and the
             Rust crate (generated-rust/, when package.json configures it).
  check      Fail when an output folder differs from what idl/ generates (for CI).
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
  --target T     Only this target: ts (the TypeScript package) or rust (the Rust crate);
                 default: every target package.json configures ("idlc.package", "idlc.crate")
  --out DIR      Output folder of the target (default: generated for ts, generated-rust for
                 rust, or "idlc.out" and "idlc.crate.out" in package.json); needs --target
                 when package.json configures both targets
  --no-cache     Do not use the caches (node_modules/.cache/idlc)
  --quiet        Print errors only
  -h, --help     Show this help
`;

const generate = `Usage: idlc generate [--idl DIR] [--target ts|rust] [--out DIR] [--watch] [--force] [--quiet] [--no-cache]

Loads every *.yaml module of the IDL folder, checks it, and writes each target to its output
folder: the TypeScript package (types, validators, JSON writers, path helpers, JSON Schemas,
README) and the Rust crate (Cargo.toml, serde types, path helpers).
With any error nothing is written. Output is swapped in whole, so a failed or killed run
leaves the folder as it was. dist/ and node_modules/ (TypeScript), target/ and Cargo.lock
(Rust) inside it are kept. Files idlc did not write there (they are not in its
.idlc-manifest) stop the run instead of being deleted.

Options:
${common}  --watch        Regenerate on every change of the IDL folder; keep the last good output
  --force        Replace the output folder even if it holds files idlc did not write

Examples:
  idlc generate
  idlc generate --target rust
  idlc generate --idl test/golden/fixtures/minimal/idl --target ts --out /tmp/out
  idlc generate --watch
`;

const check = `Usage: idlc check [--idl DIR] [--target ts|rust] [--out DIR] [--quiet] [--no-cache]

Generates every target in memory and compares each with its output folder: any changed,
missing or extra file (dist/, node_modules/, target/ and Cargo.lock aside) is drift, reported
per folder, and exits with 1.

Options:
${common}
Examples:
  idlc check
  idlc check --target rust
  idlc check --quiet || echo "run idlc generate"
`;

const diff = `Usage: idlc diff <base> [<head>] [options]
       idlc diff --base REV|DIR [--head REV|DIR] [options]

Compares two versions of the IDL on the wire and on disk and says what each change breaks:
breaking (existing files no longer read, old readers refuse new files, files move on disk),
dangerous (everything still reads, but meanings or old readers may change) or safe.
A side is an IDL folder, or else a git revision whose IDL folder is read with git (the
working tree is not touched). The head defaults to the IDL folder of the working tree.
The rules, their ids and the JSON shape are described in docs/diff-rules.md.

An intended break is accepted in accepted-changes.yaml of the head's IDL folder:
  accepted:
    - rule: FIELD_REMOVED
      path: PoolSpec.template_id
      reason: No stored pool.json ever set it.
Accepted findings are still listed but do not fail; an entry that matches nothing is a warning.

Options:
  --base REV|DIR     Base side (or the first argument)
  --head REV|DIR     Head side (or the second argument; default: the IDL folder)
  --idl DIR          IDL folder, also inside the repository for revisions (default: idl,
                     or "idlc.idl" in package.json)
  --format FORMAT    text (default), json, markdown (a pull-request comment) or github
                     (workflow annotations)
  --fail-on LEVEL    breaking (default) or dangerous
  --quiet            Text format: print only what fails
  -h, --help         Show this help

Examples:
  idlc diff --base origin/main
  idlc diff main my-branch --format markdown > diff.md
  idlc diff --base origin/main --format github --fail-on dangerous
  idlc diff /tmp/old-idl idl --format json

Exit codes: 0 nothing fails; 1 a breaking change (or, with --fail-on dangerous, a dangerous
one) that is not accepted; 2 usage errors, a side that does not load, or an invalid
accepted-changes.yaml.
`;

export const HELP = { main, generate, check, diff } as const;
